import { describe, expect, it } from "vitest";
import { MEMORY_PER_RUN, MEMORY_RESERVED, poolSize } from "./pool-size.ts";

const GiB = 1024 ** 3;

describe("poolSize", () => {
  it("runs two per core when memory allows: 4 on the 2-core, 24 GiB machine", () => {
    expect(poolSize({ cores: 2, availableMemory: 22 * GiB })).toEqual({ parallel: 4, why: "2 cores × 2" });
  });

  it("is held back by memory: what is free beyond the reserve, in runs of 768 MiB", () => {
    const availableMemory = MEMORY_RESERVED + 3 * MEMORY_PER_RUN + 1;
    expect(poolSize({ cores: 16, availableMemory })).toEqual({ parallel: 3, why: "3.3 GiB free allows 3 (768 MiB each)" });
  });

  it("runs one at a time at least, even when memory looks too short", () => {
    expect(poolSize({ cores: 2, availableMemory: 0.5 * GiB }).parallel).toBe(1);
    expect(poolSize({ cores: 2, availableMemory: 0.5 * GiB }).why).toBe("0.5 GiB free allows 0 (768 MiB each); at least 1");
  });

  it("says core in the singular for one", () => {
    expect(poolSize({ cores: 1, availableMemory: 8 * GiB }).why).toBe("1 core × 2");
  });
});
