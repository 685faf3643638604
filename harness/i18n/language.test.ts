import { describe, expect, it } from "vitest";
import { languageFrom } from "./language.ts";

describe("languageFrom", () => {
  it("takes --lang first", () => {
    expect(languageFrom("ko", { LANG: "en_US.UTF-8" })).toBe("ko");
    expect(languageFrom("en", { LANG: "ko_KR.UTF-8" })).toBe("en");
  });
  it("reads the locale as POSIX does: LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(languageFrom(undefined, { LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(languageFrom(undefined, { LANG: "ko" })).toBe("ko");
    expect(languageFrom(undefined, { LC_ALL: "C.UTF-8", LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(languageFrom(undefined, { LC_MESSAGES: "ko_KR.eucKR", LANG: "en_US" })).toBe("ko");
  });
  it("is English otherwise", () => {
    expect(languageFrom(undefined, {})).toBe("en");
    expect(languageFrom(undefined, { LANG: "kok_IN" })).toBe("en");
  });
});
