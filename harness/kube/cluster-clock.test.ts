import { describe, expect, it } from "vitest";
import { SAME_CLOCK_MS, clockOffset } from "./cluster-clock.ts";

describe("the cluster's clock", () => {
  const sent = Date.parse("2026-11-28T10:00:00.200Z");
  const answered = sent + 100;

  it("is this machine's when the Date header is within its rounding", () => {
    expect(clockOffset("Sat, 28 Nov 2026 10:00:00 GMT", sent, answered)).toBe(0);
    expect(clockOffset("Sat, 28 Nov 2026 10:00:01 GMT", sent, answered)).toBe(0);
    expect(clockOffset("Sat, 28 Nov 2026 09:59:59 GMT", sent, answered)).toBe(0);
  });

  it("is a VM's that drifted: ahead or behind by what the header says", () => {
    expect(clockOffset("Sat, 28 Nov 2026 10:00:30 GMT", sent, answered)).toBe(30_000 + 500 - 250);
    expect(clockOffset("Sat, 28 Nov 2026 09:59:50 GMT", sent, answered)).toBe(-10_000 + 500 - 250);
    expect(Math.abs(clockOffset("Sat, 28 Nov 2026 10:00:03 GMT", sent, answered))).toBeGreaterThanOrEqual(SAME_CLOCK_MS);
  });

  it("counts as this machine's when there is no usable header", () => {
    expect(clockOffset(undefined, sent, answered)).toBe(0);
    expect(clockOffset("yesterday", sent, answered)).toBe(0);
  });
});
