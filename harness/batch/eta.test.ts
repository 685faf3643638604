import { describe, expect, it } from "vitest";
import { estimateRemainingMs, formatDuration } from "./eta.ts";

describe("estimateRemainingMs", () => {
  it("knows nothing before the first submission is graded", () => {
    expect(estimateRemainingMs({ finishedMs: [], runningElapsedMs: [5_000], queued: 3, parallel: 2 })).toBeUndefined();
  });

  it("gives each running one what is left of the mean, then fills the free slots with the queued ones", () => {
    // mean 20 s; running: 15 s left and 5 s left; queued 3 go to the earliest free slot each:
    // slots [15, 5] → [15, 25] → [35, 25] → [35, 45]: done in 45 s.
    expect(estimateRemainingMs({ finishedMs: [10_000, 30_000], runningElapsedMs: [5_000, 15_000], queued: 3, parallel: 2 })).toBe(45_000);
  });

  it("counts idle slots as free now, and a run past the mean as nearly done", () => {
    expect(estimateRemainingMs({ finishedMs: [20_000], runningElapsedMs: [], queued: 4, parallel: 4 })).toBe(20_000);
    expect(estimateRemainingMs({ finishedMs: [20_000], runningElapsedMs: [60_000], queued: 0, parallel: 1 })).toBe(0);
  });
});

describe("formatDuration", () => {
  it("reads as seconds, minutes and seconds, or hours and minutes", () => {
    expect(formatDuration(8_400)).toBe("8s");
    expect(formatDuration(95_000)).toBe("1m35s");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe("2h05m");
  });
});
