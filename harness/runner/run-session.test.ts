import { describe, expect, it } from "vitest";
import { parseExercise, type LoadedExercise } from "../exercise/load.ts";
import type { RunEnd, RunError } from "../report/model.ts";
import { MultiplexReporter } from "../reporters/multiplex-reporter.ts";
import { Capture } from "../reporters/capture.ts";
import { InfrastructureError, UsageError } from "../errors.ts";
import { RunSession, withRunSession } from "./run-session.ts";
import { ungradedReport } from "../report/ungraded-report.ts";

const loaded: LoadedExercise = {
  exercise: parseExercise(
    `id: demo
title: Demo
tasks:
  - { id: a, title: Task A, points: 2, hint: do A, checks: [{ kind: script, run: "true", name: first }, { kind: script, run: "true" }] }
  - { id: b, title: Task B, points: 3, checks: [{ kind: script, run: "true" }] }
`,
    "exercises/demo/exercise.yaml",
  ),
  dir: "exercises/demo",
  file: "exercises/demo/exercise.yaml",
  starterFiles: [],
  untranslated: [],
};

function recorder() {
  const ends: RunEnd[] = [];
  const errors: RunError[] = [];
  const begins: string[] = [];
  const mux = new MultiplexReporter([{ name: "rec", reporter: { onRunBegin: (r) => void begins.push(r.exerciseId), onError: (e) => void errors.push(e), onRunEnd: (e) => void ends.push(e) } }], new Capture());
  return { mux, ends, errors, begins };
}

describe("withRunSession: reporters hear of the end exactly once, on every path", () => {
  it("a graded run ends as graded, with its report", async () => {
    const { mux, ends, begins } = recorder();
    const report = ungradedReport(loaded, "fail", "no solution.sh yet");
    await withRunSession(mux, async (s) => {
      await s.begin(loaded);
      return report;
    });
    expect(begins).toEqual(["demo"]);
    expect(ends).toEqual([{ outcome: "graded", report }]);
  });

  it("an infrastructure error after the exercise loaded: every task and check errored with the one reason", async () => {
    const { mux, ends, errors } = recorder();
    const failure = new InfrastructureError("No Docker engine answers.\nStart Docker.");
    await expect(
      withRunSession(mux, async (s) => {
        await s.begin(loaded);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(errors).toEqual([{ message: "No Docker engine answers. Start Docker.", fatal: true }]);
    expect(ends).toHaveLength(1);
    const end = ends[0]!;
    expect(end.outcome).toBe("infrastructure-error");
    expect(end.report?.points).toBe(0);
    expect(end.report?.maxPoints).toBe(5);
    expect(end.report?.notGraded).toBe("No Docker engine answers. Start Docker.");
    expect(end.report?.tasks.map((t) => [t.id, t.status, t.hint, t.checks.map((c) => `${c.name}: ${c.status} ${c.message}`)])).toEqual([
      ["a", "error", undefined, ["first: error No Docker engine answers. Start Docker.", "check 2: error No Docker engine answers. Start Docker."]],
      ["b", "error", undefined, ["check 1: error No Docker engine answers. Start Docker."]],
    ]);
  });

  it("a usage error before the exercise loaded: an end without a report", async () => {
    const { mux, ends } = recorder();
    await expect(withRunSession(mux, () => Promise.reject(new UsageError('no exercise "x"')))).rejects.toThrow();
    expect(ends).toEqual([{ outcome: "usage-error", reason: 'no exercise "x"' }]);
  });

  it("an unexpected exception is reported as one line, not a stack", async () => {
    const { mux, ends } = recorder();
    await expect(withRunSession(mux, () => Promise.reject(new Error("boom\n    at x.ts:1")))).rejects.toThrow();
    expect(ends[0]).toMatchObject({ outcome: "infrastructure-error", reason: "unexpected failure: boom" });
  });

  it("an interrupted run ends as interrupted, and a later end is ignored", async () => {
    const { mux, ends } = recorder();
    const session = new RunSession(mux);
    await session.begin(loaded);
    await session.interrupted("SIGINT");
    await session.graded(ungradedReport(loaded, "fail", "late"));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ outcome: "interrupted", reason: "interrupted by SIGINT before grading finished; nothing was graded" });
    expect(ends[0]!.report?.tasks.every((t) => t.status === "error")).toBe(true);
  });
});
