import { describe, expect, it } from "vitest";
import { durationSchema, formatMs } from "./duration.ts";

describe("durationSchema", () => {
  it("turns ms, s and m into milliseconds", () => {
    expect(durationSchema.parse("500ms")).toBe(500);
    expect(durationSchema.parse("30s")).toBe(30_000);
    expect(durationSchema.parse("2m")).toBe(120_000);
    expect(durationSchema.parse("0s")).toBe(0);
  });
  it("rejects other text, saying what a duration looks like", () => {
    for (const bad of ["30", "1h", "1.5s", " 30s", "30 s", "s", ""]) {
      const r = durationSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('a duration such as "500ms", "30s" or "2m"');
    }
    expect(durationSchema.safeParse(30).success).toBe(false);
  });
});

describe("formatMs", () => {
  it("shows ms below a second and seconds with one decimal above", () => {
    expect(formatMs(999)).toBe("999 ms");
    expect(formatMs(1_000)).toBe("1.0 s");
    expect(formatMs(12_345)).toBe("12.3 s");
  });
});
