// grade batch end to end: a class of exercise 3 graded through the CLI, each submission in its own
// real cluster, the gradebook it writes, and nothing left running — on success, at a submission's
// deadline and on Ctrl-C.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT, runCli } from "./support/cli-process.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import type { Gradebook } from "../../harness/batch/gradebook.ts";
import { readPid, stopsRunning } from "../../graders/test-support/processes.ts";

/**
 * A course folder as an instructor has it: exercises/exercise-3 (a copy whose learner scripts get
 * 30 s instead of 5 min, so a hanging script costs the test 30 s) and a class of submissions.
 */
function course(submissions: Record<string, Record<string, string>>): { cwd: string; submissions: string } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "grade-course-"));
  const exercise = path.join(cwd, "exercises", "exercise-3");
  cpSync(path.join(REPO_ROOT, "exercises", "exercise-3"), exercise, { recursive: true });
  const file = path.join(exercise, "exercise.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["work", "scriptTimeout"], "30s");
  writeFileSync(file, doc.toString());
  for (const [learner, files] of Object.entries(submissions)) {
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(cwd, "class", learner, name);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text, { mode: name.endsWith(".sh") ? 0o755 : 0o644 });
    }
  }
  return { cwd, submissions: path.join(cwd, "class") };
}

const script = (body: string) => `#!/usr/bin/env bash\nset -euo pipefail\n${body}\n`;
const REFERENCE = readFileSync(path.join(REPO_ROOT, "exercises/exercise-3/solution/solution.sh"), "utf8");
/** Task 1 only: the pod, its node and IP in answers.yaml (4 of 10 points). */
const PARTIAL = script(`POD=$(kubectl get pods -l app=kubernetes-bootcamp -o jsonpath='{.items[0].metadata.name}')
NODE=$(kubectl get pod "$POD" -o jsonpath='{.spec.nodeName}')
IP=$(kubectl get pod "$POD" -o jsonpath='{.status.podIP}')
printf 'pod: { name: "%s", node: "%s", ip: "%s" }\\n' "$POD" "$NODE" "$IP" > answers.yaml`);
/** Never ends, and leaves a process behind. */
const HANGING = script("sleep 600 &\necho $! > background.pid\nsleep 600");

const readBook = (dir: string) => JSON.parse(readFileSync(path.join(dir, "gradebook.json"), "utf8")) as Gradebook;
/** CSV rows with the seconds (they vary) left out. */
const csvRows = (dir: string) =>
  readFileSync(path.join(dir, "grades.csv"), "utf8")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.replace(/^((?:[^,]*,){8})\d+,/, "$1"));
const CSV_HEADER = "learner,points,max,find-the-pod,reach-through-the-proxy,read-the-logs,exec-in-the-container,status,seconds,note";

describe.skipIf(skipReason !== undefined)("grade batch on real clusters", () => {
  afterAll(async () => {
    expect(await listGradeContainers()).toEqual([]);
  });

  it("grades a class of four — full marks, partial, no script, a hanging script — into the right gradebook, and leaves no container", async () => {
    const { cwd, submissions } = course({
      // A clone of the assignment repository, and folders holding the script itself.
      full: { "README.md": "# exercise 3\n", "work/exercise-3/solution.sh": REFERENCE },
      partial: { "solution.sh": PARTIAL },
      missing: { "README.md": "# exercise 3\n", "work/exercise-3/answers.yaml": "pod: {}\n" },
      hanging: { "solution.sh": HANGING },
    });
    const run = await runCli(["batch", "exercise-3", submissions, "--out", "gradebook"], { cwd });
    const out = path.join(cwd, "gradebook");
    expect(run.code, run.stderr).toBe(0);

    const book = readBook(out);
    expect(book.learners.map((r) => [r.learner, r.status, r.points])).toEqual([
      ["full", "graded", 10],
      ["hanging", "graded", 1], // only the starter's pod placement: 1 of task 1's 4 checks
      ["missing", "no-script", 0],
      ["partial", "graded", 4],
    ]);
    expect(csvRows(out)).toEqual([
      CSV_HEADER,
      "full,10,10,4,3,1,2,graded,",
      `hanging,1,10,1,0,0,0,graded,"work/solution.sh was stopped after 30.0 s: it did not finish in time (does it wait for input, or run something in the foreground?)"`,
      "missing,0,10,0,0,0,0,no-script,no work/exercise-3/solution.sh in the submission",
      "partial,4,10,4,0,0,0,graded,",
    ]);

    // Each learner's folder: the json reporter's report, grade's log, the script's transcript, the work as graded.
    const learner = (name: string, file: string) => path.join(out, "learners", name, file);
    expect(JSON.parse(readFileSync(learner("partial", "report.json"), "utf8"))).toMatchObject({ outcome: "graded", exerciseId: "exercise-3", points: 4, maxPoints: 10 });
    expect(readFileSync(learner("full", "transcript.log"), "utf8")).toContain("reply: Hello Kubernetes bootcamp!");
    expect(readFileSync(learner("full", "grade.log"), "utf8")).toContain("Score: 10/10");
    expect(readFileSync(learner("partial", "work/answers.yaml"), "utf8")).toMatch(/^pod: \{ name: "kubernetes-bootcamp-/);
    expect(existsSync(learner("missing", "transcript.log"))).toBe(false);
    // Graded in copies: the submissions are as they were.
    expect(existsSync(path.join(submissions, "partial", "answers.yaml"))).toBe(false);
    // Scripts that use port 8001 (kubectl proxy) took turns.
    expect(readFileSync(learner("full", "grade.log"), "utf8")).toContain("Waiting for a turn on port 8001");

    expect(run.stderr).toMatch(/Grading 4 submissions of exercise-3, \d+ at a time/);
    expect(run.stderr).toMatch(/^✓ full {2}10\/10 {2}graded {2}\S+ · /m);
    expect(run.stdout).toMatch(/^hanging\s+1\/10\s+graded\s+\S+\s+work\/solution\.sh was stopped after 30\.0 s/m);
    expect(run.stdout).toContain("4 submissions · 4 graded (1 without a script) · mean 3.75/10");
    expect(await stopsRunning(readPid(learner("hanging", "work/background.pid")))).toBe(true);
    expect(await listGradeContainers()).toEqual([]);
  });

  it("stops a submission at its deadline, says it was not graded (exit 3), and leaves no container", async () => {
    const { cwd, submissions } = course({ stuck: { "solution.sh": HANGING } });
    const run = await runCli(["batch", "exercise-3", submissions, "--out", "gradebook", "--timeout", "15s"], { cwd });
    expect(run.code, run.stderr).toBe(3);
    const [row] = readBook(path.join(cwd, "gradebook")).learners;
    expect(row).toMatchObject({ learner: "stuck", status: "timed-out", note: "grading did not finish within 15s and was stopped; grade.log shows how far it got" });
    expect(row!.points).toBeUndefined();
    expect(run.stdout).toContain("Not graded: stuck (timed-out)");
    expect(await listGradeContainers()).toEqual([]);
  });

  it("on Ctrl-C stops every run, which removes its cluster, writes the gradebook so far, and exits 130", async () => {
    const { cwd, submissions } = course({ a: { "solution.sh": HANGING }, b: { "solution.sh": HANGING }, c: { "solution.sh": HANGING } });
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "harness/cli.ts"), "batch", "exercise-3", submissions, "--out", "gradebook", "--parallel", "2"], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Once the first script runs (a's or b's, whichever took the turn on port 8001 first), the other
    // waits for its turn (or is still starting), and c is queued: interrupt then.
    const pidFiles = ["a", "b"].map((l) => path.join(cwd, `gradebook/learners/${l}/work/background.pid`));
    for (let i = 0; i < 360 && !pidFiles.some((f) => existsSync(f)); i++) await new Promise((r) => setTimeout(r, 500));
    const pidFile = pidFiles.find((f) => existsSync(f));
    expect(pidFile, "no script ever started").toBeDefined();

    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(await listGradeContainers()).toEqual([]);
    expect(await stopsRunning(readPid(pidFile!))).toBe(true);
    expect(readBook(path.join(cwd, "gradebook")).learners.map((r) => [r.learner, r.status, r.note])).toEqual([
      ["a", "interrupted", "the batch was interrupted while this submission was being graded"],
      ["b", "interrupted", "the batch was interrupted while this submission was being graded"],
      ["c", "interrupted", "not started: the batch was interrupted first"],
    ]);
  });

  it("two shards and their merge make the same gradebook as the whole class", async () => {
    // Submissions without a script: the whole path through the CLI, without a cluster's cost.
    const learners = ["ann", "ben", "cat", "dan", "eve"];
    const { cwd, submissions } = course(Object.fromEntries(learners.map((l) => [l, { "README.md": `# ${l}\n` }])));
    expect((await runCli(["batch", "exercise-3", submissions, "--out", "whole"], { cwd })).code).toBe(0);
    expect((await runCli(["batch", "exercise-3", submissions, "--out", "shard-1", "--shard", "1/2"], { cwd })).code).toBe(0);
    const second = await runCli(["batch", "exercise-3", submissions, "--out", "shard-2", "--shard", "2/2"], { cwd });
    expect(second.stderr).toContain("Grading 2 submissions of exercise-3 (shard 2/2 of a class of 5)");
    expect(readBook(path.join(cwd, "shard-2")).learners.map((r) => r.learner)).toEqual(["ben", "dan"]);

    const merge = await runCli(["batch", "merge", "shard-1", "shard-2", "--out", "merged"], { cwd });
    expect(merge.code, merge.stderr).toBe(0);
    expect(csvRows(path.join(cwd, "merged"))).toEqual(csvRows(path.join(cwd, "whole")));
    expect(merge.stdout).toContain("5 submissions · 5 graded (5 without a script)");
    for (const l of learners) expect(existsSync(path.join(cwd, "merged/learners", l, "report.json"))).toBe(true);

    // A shard that never arrived: its learners are listed as missing, and the merge exits 3.
    const partial = await runCli(["batch", "merge", "shard-1", "--out", "partial"], { cwd });
    expect(partial.code).toBe(3);
    expect(partial.stdout).toContain("Not graded: ben (missing), dan (missing)");
  });
});
