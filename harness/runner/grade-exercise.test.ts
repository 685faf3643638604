import { describe, expect, it } from "vitest";
import { fakeContext } from "../../graders/test-support/fake-context.ts";
import { fakeClock } from "../../graders/test-support/fake-clock.ts";
import { parseExercise, type LoadedExercise } from "../exercise/load.ts";
import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import type { Reporter } from "../reporters/reporter.ts";
import { gradeExercise } from "./grade-exercise.ts";
import { ERROR_RETRY_MS } from "./run-check.ts";
import { taskPoints } from "../report/points.ts";

// Script checks stand in for every kind: `true` passes, anything else fails, at once (timeout 0).
const EXERCISE = `
id: demo
title: Demo exercise
defaults: { timeout: 0s }
tasks:
  - id: all-pass
    title: Everything right
    points: 2
    hint: nothing to see
    checks:
      - { kind: script, run: "true", name: first }
      - { kind: script, run: "true" }
  - id: one-of-three
    title: Partly right
    points: 10
    hint: read the README
    checks:
      - { kind: script, run: "true" }
      - { kind: script, run: "false" }
      - { kind: script, run: "boom" }
  - id: none
    title: Nothing right
    points: 3
    checks:
      - { kind: script, run: "false" }
`;

function loaded(text = EXERCISE): LoadedExercise {
  return { exercise: parseExercise(text, "exercises/demo/exercise.yaml"), dir: "exercises/demo", file: "exercises/demo/exercise.yaml", starterFiles: [], untranslated: [] };
}

const ctx = fakeContext({
  runScript: async (command) => {
    if (command === "boom") throw new Error("cluster unreachable");
    return { exitCode: command === "true" ? 0 : 1, output: "", timedOut: false };
  },
});

function recordingReporter() {
  const calls: string[] = [];
  const reporter: Reporter = {
    onCheckEnd: (task: TaskReport, check: CheckReport) => void calls.push(`check ${task.id}/${check.name} ${check.status}`),
  };
  return { reporter, calls };
}

describe("taskPoints", () => {
  it("gives all points when every check passes, the passed share otherwise, rounded down to quarters", () => {
    expect(taskPoints(4, 4, 4)).toBe(4);
    expect(taskPoints(4, 1, 4)).toBe(1);
    expect(taskPoints(10, 1, 3)).toBe(3.25);
    expect(taskPoints(10, 2, 3)).toBe(6.5);
    expect(taskPoints(1, 2, 3)).toBe(0.5);
    expect(taskPoints(3, 0, 1)).toBe(0);
    expect(taskPoints(3, 0, 0)).toBe(0);
  });
});

describe("gradeExercise", () => {
  it("grades every task with partial credit and totals the report", async () => {
    const { reporter } = recordingReporter();
    const report = await gradeExercise(loaded(), ctx, reporter, { diagnostics: ["your script timed out"], timings: { cluster: 1200, script: 300 } }, fakeClock());
    expect(report).toMatchObject({
      exerciseId: "demo",
      title: "Demo exercise",
      file: "exercises/demo/exercise.yaml",
      points: 5.25,
      maxPoints: 15,
      diagnostics: ["your script timed out"],
      // The erroring check is tried three times, ERROR_RETRY_MS apart, while the others finish.
      timings: { cluster: 1200, script: 300, checks: 2 * ERROR_RETRY_MS },
      ms: 1500 + 2 * ERROR_RETRY_MS,
    });
    expect(report.tasks.map((t) => [t.id, t.points, t.maxPoints])).toEqual([
      ["all-pass", 2, 2],
      ["one-of-three", 3.25, 10],
      ["none", 0, 3],
    ]);
  });

  it("names unnamed checks `check N`, keeps each status, and repeats the hint only on checks that did not pass", async () => {
    const report = await gradeExercise(loaded(), ctx, recordingReporter().reporter, {}, fakeClock());
    expect(report.tasks[0]!.checks.map((c) => c.name)).toEqual(["first", "check 2"]);
    expect(report.tasks[1]!.checks.map((c) => ({ name: c.name, kind: c.kind, status: c.status, hint: c.hint, attempts: c.attempts }))).toEqual([
      { name: "check 1", kind: "script", status: "pass", hint: undefined, attempts: 1 },
      { name: "check 2", kind: "script", status: "fail", hint: "read the README", attempts: 1 },
      { name: "check 3", kind: "script", status: "error", hint: "read the README", attempts: 3 },
    ]);
    expect(report.tasks[1]!.checks[2]!.message).toBe("the check could not run: cluster unreachable");
    expect(report.tasks[2]!.checks[0]!.hint).toBeUndefined();
  });

  it("tells the reporter of every check as it ends: all run at once, so the slow one ends last", async () => {
    const { reporter, calls } = recordingReporter();
    await gradeExercise(loaded(), ctx, reporter, {}, fakeClock());
    expect(calls).toEqual([
      "check all-pass/first pass",
      "check all-pass/check 2 pass",
      "check one-of-three/check 1 pass",
      "check one-of-three/check 2 fail",
      "check none/check 1 fail",
      "check one-of-three/check 3 error",
    ]);
  });

  it("runs checks marked runFirst to the end before any other check starts", async () => {
    const started: string[] = [];
    const ordered = fakeContext({
      runScript: async (command) => {
        started.push(command);
        await new Promise((r) => setTimeout(r, command === "sleep" ? 20 : 0));
        return { exitCode: 0, output: "", timedOut: false };
      },
    });
    const text = `
id: demo
title: Demo
tasks:
  - id: a
    title: A
    points: 1
    checks:
      - { kind: script, run: "other-1" }
      - { kind: script, run: "sleep", runFirst: true }
  - id: b
    title: B
    points: 1
    checks:
      - { kind: script, run: "other-2" }
`;
    const { reporter, calls } = recordingReporter();
    const report = await gradeExercise(loaded(text), ordered, reporter, {}, fakeClock());
    expect(started).toEqual(["sleep", "other-1", "other-2"]);
    expect(calls[0]).toBe("check a/check 2 pass");
    // The report keeps the exercise's order.
    expect(report.tasks[0]!.checks.map((c) => c.name)).toEqual(["check 1", "check 2"]);
  });

  it("works with a reporter that has no hooks at all", async () => {
    const report = await gradeExercise(loaded(), ctx, {}, {}, fakeClock());
    expect(report.points).toBe(5.25);
  });

  it("gives full marks when everything passes", async () => {
    const all = EXERCISE.replaceAll('run: "false"', 'run: "true"').replaceAll('run: "boom"', 'run: "true"');
    const report = await gradeExercise(loaded(all), ctx, {}, {}, fakeClock());
    expect(report.points).toBe(report.maxPoints);
  });

  it("uses the exercise's default timeout for checks that name none", async () => {
    const clock = fakeClock();
    const slow = `
id: demo
title: Demo
defaults: { timeout: 3s }
tasks:
  - { id: a, title: A, points: 1, checks: [{ kind: script, run: "false" }] }
`;
    const report = await gradeExercise(loaded(slow), ctx, {}, {}, clock);
    expect(report.tasks[0]!.checks[0]).toMatchObject({ status: "fail", ms: 3_000, attempts: 4 });
  });
});
