import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { BatchProgress, resultLine, statusLine, type ProgressState } from "./progress.ts";
import type { SubmissionResult } from "./submission-result.ts";

const result = (learner: string, over: Partial<SubmissionResult> = {}): SubmissionResult => ({ learner, status: "graded", points: 7, maxPoints: 10, ms: 20_000, files: {}, ...over });

function state(over: Partial<ProgressState> = {}): ProgressState {
  return { total: 5, parallel: 2, done: [], running: new Map(), queued: [], costsACluster: (l) => l !== "no-script", ...over };
}

describe("statusLine", () => {
  it("says what is done, running (for how long), queued, and when all will be done", () => {
    const now = 100_000;
    const line = statusLine(state({ done: [result("alice")], running: new Map([["bob", now - 5_000], ["carol", now - 12_000]]), queued: ["dave", "erin"] }), now);
    // mean 20 s: bob 15 s left, carol 8 s; dave → carol's slot (28 s), erin → bob's (35 s).
    expect(line).toBe("1/5 done · running: bob 5s, carol 12s · 2 queued · ETA 35s");
  });

  it("waits for a first grade before an ETA, and leaves submissions without a script out of it", () => {
    expect(statusLine(state({ running: new Map([["alice", 0]]), queued: ["bob"] }), 1_000)).toBe("0/5 done · running: alice 1s · 1 queued · ETA after the first is graded");
    // no-script took 1 s: it says nothing about how long a cluster's run takes.
    expect(statusLine(state({ done: [result("no-script", { status: "no-script", ms: 1_000 })], queued: ["alice"] }), 0)).toContain("ETA after the first is graded");
    // …and queued, it adds nothing to wait for.
    expect(statusLine(state({ done: [result("alice")], queued: ["no-script"] }), 0)).toContain("ETA 0s");
  });

  it("drops the ETA once nothing is left", () => {
    expect(statusLine(state({ total: 1, done: [result("alice")] }), 0)).toBe("1/1 done · none running · 0 queued");
  });
});

describe("resultLine", () => {
  it("shows points for graded submissions and the reason for the others", () => {
    expect(resultLine(result("alice"))).toBe("✓ alice  7/10  graded  20s");
    expect(resultLine(result("dave", { status: "timed-out", points: undefined, note: "grading did not finish within 18m00s", ms: 1_080_000 }))).toBe(
      "✗ dave  timed-out  18m00s: grading did not finish within 18m00s",
    );
  });
});

describe("BatchProgress off a terminal (CI logs)", () => {
  it("writes a plain line when a submission starts and when it ends", () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let text = "";
    (stream as unknown as PassThrough).on("data", (d: Buffer) => (text += d.toString()));
    const progress = new BatchProgress({ learners: ["alice", "bob"], parallel: 2, costsACluster: () => true, stream });
    progress.started("alice");
    progress.finished(result("alice", { ms: 1_000 }));
    progress.stop();
    expect(text.split("\n")).toEqual([
      "… alice: grading · 0/2 done · running: alice 0s · 1 queued · ETA after the first is graded",
      "✓ alice  7/10  graded  1s · 1/2 done · none running · 1 queued · ETA 1s",
      "",
    ]);
  });
});
