import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadExercise } from "../exercise/load.ts";
import { readPid, stopsRunning } from "../../graders/test-support/processes.ts";
import { gradeSubmission, type GradeSubmissionOptions } from "./grade-submission.ts";
import { HostPortTurns } from "./host-port-turns.ts";
import { detectLayout } from "./submissions.ts";
import { STAND_IN_GRADE, TWO_TASKS, classFolder } from "./testdata/class.ts";
import type { Behaviour } from "./testdata/stand-in-grade.ts";

// Each test runs the stand-in grade (a real Node process; no Docker) as grade batch runs grade.
const { exercise } = await loadExercise(TWO_TASKS);

function setup(behaviour: Behaviour | "no-script", over: Partial<GradeSubmissionOptions> = {}, learner = "alice") {
  const root = classFolder({ [learner]: behaviour });
  const sub = detectLayout(learner, path.join(root, learner), { id: exercise.id, script: exercise.work.script });
  const gradebookDir = mkdtempSync(path.join(os.tmpdir(), "grade-gradebook-"));
  const removeCluster = vi.fn(async (_runId: string) => 0);
  const options: GradeSubmissionOptions = {
    exercise,
    exerciseFile: TWO_TASKS,
    gradebookDir,
    deadlineMs: 60_000,
    killGraceMs: 5_000,
    turns: undefined,
    cancel: new AbortController().signal,
    command: STAND_IN_GRADE,
    removeCluster,
    ...over,
  };
  const learnerDir = path.join(gradebookDir, "learners", learner);
  return { sub, options, removeCluster, learnerDir, submissionDir: path.join(root, learner) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("gradeSubmission", () => {
  it("grades a copy of the work in the learner's folder, keeping the report and the log beside it", async () => {
    const s = setup({ tasks: { "task-a": 5, "task-b": 2.5 }, exitCode: 1 });
    const result = await gradeSubmission(s.sub, s.options);
    expect(result).toMatchObject({ learner: "alice", status: "graded", points: 7.5, taskPoints: { "task-a": 5, "task-b": 2.5 }, maxPoints: 10 });
    expect(result.files).toEqual({ report: path.join("learners", "alice", "report.json"), log: path.join("learners", "alice", "grade.log") });
    expect(JSON.parse(readFileSync(path.join(s.learnerDir, "report.json"), "utf8"))).toMatchObject({ outcome: "graded", points: 7.5 });
    expect(readFileSync(path.join(s.learnerDir, "grade.log"), "utf8")).toContain(`stand-in grade run in ${path.join(s.learnerDir, "work")}`);
    expect(existsSync(path.join(s.learnerDir, "work", "behaviour.json"))).toBe(true);
    // The submission itself is left as it was.
    expect(existsSync(path.join(s.submissionDir, "report.json"))).toBe(false);
  });

  it("grades a submission without a script as no-script, saying what was missing", async () => {
    const s = setup("no-script");
    const result = await gradeSubmission(s.sub, s.options);
    expect(result).toMatchObject({ status: "no-script", points: 0, note: "no work/two-tasks/solution.sh and no solution.sh in the submission" });
    expect(s.removeCluster).not.toHaveBeenCalled(); // no script: no cluster was started
  });

  it("reports a run that died without a result as crashed, with its last error", async () => {
    const s = setup({ crash: "unexpected failure: out of file descriptors" });
    const result = await gradeSubmission(s.sub, s.options);
    expect(result).toMatchObject({ status: "crashed", note: "grade run exited with 3 without a result: unexpected failure: out of file descriptors" });
    expect(result.files.report).toBeUndefined();
  });

  it("stops a run at its deadline with SIGTERM, and after it removes the cluster by the run's label", async () => {
    const s = setup({ hang: true }, { deadlineMs: 1_500 });
    const started = Date.now();
    const result = await gradeSubmission(s.sub, s.options);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ status: "timed-out", note: "grading did not finish within 2s and was stopped; grade.log shows how far it got" });
    expect(s.removeCluster).toHaveBeenCalledWith(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it("kills a run that ignores SIGTERM after the grace period, and the process its script left", async () => {
    const s = setup({ hang: true, ignoreSigterm: true, leaveProcess: true }, { deadlineMs: 1_500, killGraceMs: 500 });
    s.removeCluster.mockResolvedValue(1);
    const result = await gradeSubmission(s.sub, s.options);
    expect(result.status).toBe("timed-out");
    expect(result.note).toBe(
      "grading did not finish within 2s and was stopped (killed); grade.log shows how far it got; its cluster (1 container(s)) was left behind and has been removed; processes its script left running have been killed",
    );
    expect(await stopsRunning(readPid(path.join(s.learnerDir, "work", "leftover.pid")))).toBe(true);
  });

  it("stops a run when the batch is interrupted", async () => {
    const cancel = new AbortController();
    const s = setup({ hang: true }, { cancel: cancel.signal, onStart: () => setTimeout(() => cancel.abort(), 500) });
    expect(await gradeSubmission(s.sub, s.options)).toMatchObject({ status: "interrupted" });
  });

  it("lets runs take turns on the host's ports, and does not count the wait against a run's deadline", async () => {
    const turns = new HostPortTurns([await freePort()]);
    const turnLog = path.join(mkdtempSync(path.join(os.tmpdir(), "grade-turns-")), "turns.log");
    // Each holds its turn 4 s; the second waits ~4 s first: 8 s in all, past its 6 s deadline,
    // but its own time stays within it.
    const behaviour = { tasks: { "task-a": 5 }, turnLog, holdMs: 4_000 };
    const [a, b] = [setup(behaviour, { turns, deadlineMs: 6_000 }, "alice"), setup(behaviour, { turns, deadlineMs: 6_000 }, "bob")];
    const results = await Promise.all([gradeSubmission(a.sub, a.options), gradeSubmission(b.sub, b.options)]);
    expect(results.map((r) => r.status)).toEqual(["graded", "graded"]);
    const events = readFileSync(turnLog, "utf8").trim().split("\n").map((l) => l.split(" ")[0]);
    expect(events).toEqual(["start", "end", "start", "end"]); // never two at once
    expect(readFileSync(path.join(b.learnerDir, "grade.log"), "utf8") + readFileSync(path.join(a.learnerDir, "grade.log"), "utf8")).toContain(`Waiting for a turn on port ${turns.ports[0]}`);
  }, 30_000);

  it("never gives a turn to a run stopped while it waited for one", async () => {
    const turns = new HostPortTurns([await freePort()]);
    const turnLog = path.join(mkdtempSync(path.join(os.tmpdir(), "grade-turns-")), "turns.log");
    const behaviour = { tasks: { "task-a": 5 }, turnLog, holdMs: 3_000 };
    const cancelB = new AbortController();
    const a = setup(behaviour, { turns }, "alice");
    // Stopped while it waits, bob takes 3 s to clean up (grade removes its cluster): alice's turn ends meanwhile.
    const b = setup({ ...behaviour, cleanupMs: 3_000 }, { turns, cancel: cancelB.signal, onStart: () => setTimeout(() => cancelB.abort(), 1_500) }, "bob");
    const first = gradeSubmission(a.sub, a.options);
    while (turns.current !== "alice") await new Promise((r) => setTimeout(r, 50));
    const results = await Promise.all([first, gradeSubmission(b.sub, b.options)]);
    expect(results.map((r) => r.status)).toEqual(["graded", "interrupted"]);
    expect(readFileSync(turnLog, "utf8")).not.toContain("bob");
    expect(turns.current).toBeUndefined();
  }, 30_000);
});
