import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "./language.ts";
import { localizedTextSchema } from "./localized-text.ts";
import { missingTranslations } from "../exercise/missing-translations.ts";

afterEach(() => setLanguage("en"));

describe("localized texts in exercise files", () => {
  it("read in the language grade speaks, English where a translation is missing", () => {
    const both = { en: "Find your pod", ko: "파드 찾기" };
    expect(localizedTextSchema.parse(both)).toBe("Find your pod");
    setLanguage("ko");
    expect(localizedTextSchema.parse(both)).toBe("파드 찾기");
    expect(localizedTextSchema.parse({ en: "Find your pod" })).toBe("Find your pod");
    expect(localizedTextSchema.parse("Find your pod")).toBe("Find your pod");
  });

  it("refuse a map without English, or with an unknown language", () => {
    expect(localizedTextSchema.safeParse({ ko: "파드 찾기" }).success).toBe(false);
    expect(localizedTextSchema.safeParse({ en: "a", fr: "b" }).success).toBe(false);
  });

  it("missingTranslations names every text without a Korean version, by where it is", () => {
    const raw = {
      title: { en: "Pods", ko: "파드" },
      summary: "English only",
      tasks: [{ id: "find", title: { en: "Find", ko: "찾기" }, hint: { en: "Use get" }, checks: [{ name: "runs" }, { name: { en: "x", ko: "엑스" } }, {}] }],
    };
    expect(missingTranslations(raw, "ko")).toEqual(["summary", "tasks[find].hint", "tasks[find].checks[0].name"]);
    expect(missingTranslations(raw, "en")).toEqual([]);
  });
});
