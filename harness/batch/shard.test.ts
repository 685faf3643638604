import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { parseShard, pickShard } from "./shard.ts";

describe("parseShard", () => {
  it("reads I/N", () => {
    expect(parseShard("2/5")).toEqual({ index: 2, count: 5 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
  });

  it.each(["0/3", "4/3", "1/0", "1", "a/b", "1/2/3", "-1/2"])("refuses %s, saying what it expects", (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(/expected I\/N with 1 ≤ I ≤ N, e\.g\. --shard 1\/4/);
  });
});

describe("pickShard", () => {
  const learners = Array.from({ length: 11 }, (_, i) => `learner-${String(i).padStart(2, "0")}`);

  it("splits a class into parts that never overlap and together hold everyone", () => {
    for (const count of [1, 2, 3, 4, 11, 15]) {
      const parts = Array.from({ length: count }, (_, i) => pickShard(learners, { index: i + 1, count }));
      expect(parts.flat().sort()).toEqual(learners);
      expect(new Set(parts.flat()).size).toBe(learners.length);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it("gives the same part every time, and every N-th learner from the I-th", () => {
    expect(pickShard(learners, { index: 2, count: 4 })).toEqual(["learner-01", "learner-05", "learner-09"]);
    expect(pickShard(learners, { index: 2, count: 4 })).toEqual(pickShard([...learners], { index: 2, count: 4 }));
  });

  it("without a shard is the whole class; a shard beyond the class is empty", () => {
    expect(pickShard(learners, undefined)).toEqual(learners);
    expect(pickShard(["a", "b"], { index: 3, count: 3 })).toEqual([]);
  });
});
