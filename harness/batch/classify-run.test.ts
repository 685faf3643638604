import { describe, expect, it } from "vitest";
import { classifyRun, lastErrorLine, type ChildEnd } from "./classify-run.ts";

const end = (over: Partial<ChildEnd>): ChildEnd => ({ hasScript: true, exitCode: 1, signal: undefined, report: undefined, lastError: undefined, ...over });
const graded = { outcome: "graded" as const, points: 6.5, tasks: [{ id: "a", points: 4 }, { id: "b", points: 2.5 }], diagnostics: [] };

describe("classifyRun", () => {
  it("takes a graded report's points, whatever the exit code (a reporter's crash makes it 3)", () => {
    expect(classifyRun(end({ report: graded, exitCode: 3 }))).toEqual({ status: "graded", points: 6.5, taskPoints: { a: 4, b: 2.5 } });
  });

  it("keeps what the learner should know as the note (their script timed out)", () => {
    expect(classifyRun(end({ report: { ...graded, diagnostics: ["solution.sh was stopped after 5.0 s", "x"] } })).note).toBe("solution.sh was stopped after 5.0 s; x");
  });

  it("grades a submission without a script as no-script, with its 0 points", () => {
    expect(classifyRun(end({ hasScript: false, report: { ...graded, points: 0, tasks: [{ id: "a", points: 0 }] } }))).toMatchObject({ status: "no-script", points: 0 });
  });

  it("believes its own reasons to stop a run over the report the stopped run wrote", () => {
    const stopped = { outcome: "interrupted" as const, reason: "interrupted by SIGTERM" };
    expect(classifyRun(end({ stoppedBecause: "deadline", report: stopped, exitCode: 143 }))).toEqual({ status: "timed-out" });
    expect(classifyRun(end({ stoppedBecause: "interrupt", report: stopped }))).toMatchObject({ status: "interrupted" });
  });

  it("passes an infrastructure error's reason on", () => {
    expect(classifyRun(end({ exitCode: 3, report: { outcome: "infrastructure-error", reason: "No Docker engine answers" } }))).toEqual({
      status: "infrastructure-error",
      note: "No Docker engine answers",
    });
  });

  it("calls a run that left no report crashed, saying how it ended and its last error", () => {
    expect(classifyRun(end({ exitCode: 3, lastError: "unexpected failure: boom" }))).toEqual({ status: "crashed", note: "grade run exited with 3 without a result: unexpected failure: boom" });
    expect(classifyRun(end({ exitCode: undefined, signal: "SIGKILL" }))).toEqual({ status: "crashed", note: "grade run was killed by SIGKILL without a result" });
  });
});

describe("lastErrorLine", () => {
  it("finds the CLI's last one-line error in a log", () => {
    expect(lastErrorLine("… Starting\ngrade: first\n✗ x\ngrade: the cluster did not start\n")).toBe("the cluster did not start");
    expect(lastErrorLine("all fine\n")).toBeUndefined();
  });
});
