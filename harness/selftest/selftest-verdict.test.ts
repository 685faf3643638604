import { describe, expect, it } from "vitest";
import type { CheckReport, ExerciseReport } from "../report/model.ts";
import { selftestProblems } from "./selftest-verdict.ts";

const check = (fields: Partial<CheckReport> = {}): CheckReport => ({ name: "pod runs", kind: "podPlacement", status: "pass", message: "1 pod(s) placed", attempts: 1, ms: 5, ...fields });
const failed = (fields: Partial<CheckReport> = {}) =>
  check({ status: "fail", message: "no pods", expected: "1 pod", actual: "none", hint: "kubectl get pods", ...fields });

function report(checks: CheckReport[], points: number): ExerciseReport {
  return {
    exerciseId: "exercise-9",
    title: "T",
    file: "exercises/exercise-9/exercise.yaml",
    tasks: [{ id: "t", title: "Run the app", points, maxPoints: 4, status: points === 4 ? "pass" : "fail", checks }],
    points,
    maxPoints: 4,
    diagnostics: [],
    timings: {},
    startedAt: "2026-01-01T00:00:00.000Z",
    ms: 1,
  };
}

describe("selftestProblems", () => {
  it("finds none when the reference scores full marks and the starter less, every loss explained", () => {
    expect(selftestProblems(report([check()], 4), report([failed()], 0))).toEqual([]);
  });

  it("names each check the reference solution failed or errored on", () => {
    const reference = report([check(), failed({ name: "reply", message: "no reply" }), check({ name: "dns", status: "error", message: "the check could not run: boom" })], 2);
    expect(selftestProblems(reference, report([failed()], 0))).toEqual([
      'reference solution: "Run the app" / "reply" failed: no reply',
      'reference solution: "Run the app" / "dns" errored: the check could not run: boom',
    ]);
  });

  it("refuses a starter that scores full marks", () => {
    expect(selftestProblems(report([check()], 4), report([check()], 4))).toEqual([
      "untouched starter scored full marks (4/4): the checks do not tell the work from no work",
    ]);
  });

  it("names every starter failure that does not say what was expected, what was found, or give a hint", () => {
    const starter = report(
      [
        failed({ name: "a", expected: undefined }),
        failed({ name: "b", actual: " ", hint: undefined }),
        failed({ name: "c", status: "error", message: "the check could not run: probe image missing" }),
      ],
      0,
    );
    expect(selftestProblems(report([check()], 4), starter)).toEqual([
      'untouched starter: "Run the app" / "a" does not say what was expected',
      'untouched starter: "Run the app" / "b" does not say what was found, has no hint (give its task one)',
      'untouched starter: "Run the app" / "c" errored instead of failing (the check could not run: probe image missing)',
    ]);
  });
});
