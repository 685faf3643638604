import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isRunning, readPid, stopsRunning } from "../../graders/test-support/processes.ts";
import { UsageError } from "../errors.ts";
import { runLearnerScript, type ScriptRun } from "./learner-script.ts";

describe("runLearnerScript (real bash, no cluster)", () => {
  const runs: ScriptRun[] = [];
  const pids: number[] = [];
  afterEach(() => {
    // Whatever a failing test left behind.
    for (const run of runs.splice(0)) run.cleanup();
    for (const pid of pids.splice(0)) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  });

  function setup(body: string) {
    const dir = mkdtempSync(path.join(tmpdir(), "grade-script-"));
    const script = path.join(dir, "solution.sh");
    writeFileSync(script, body);
    return { dir, script, transcriptFile: path.join(dir, ".grade", "transcript.log"), kubeconfigFile: path.join(dir, "kubeconfig") };
  }

  it("runs a script that exits 0 in the work dir with KUBECONFIG set, and keeps its transcript", async () => {
    const s = setup('echo "out: $KUBECONFIG"\necho "err in $(pwd)" >&2\necho "work: $GRADE_WORK_DIR"\n');
    const run = await runLearnerScript({ script: s.script, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 10_000, transcriptFile: s.transcriptFile });
    runs.push(run);
    expect(run).toMatchObject({ exitCode: 0, timedOut: false, transcriptFile: s.transcriptFile });
    expect(readFileSync(s.transcriptFile, "utf8")).toBe(`out: ${s.kubeconfigFile}\nerr in ${s.dir}\nwork: ${s.dir}\n`);
  });

  it("reports a non-zero exit code", async () => {
    const s = setup("echo failing\nexit 3\n");
    const run = await runLearnerScript({ script: s.script, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 10_000, transcriptFile: s.transcriptFile });
    runs.push(run);
    expect(run).toMatchObject({ exitCode: 3, timedOut: false });
  });

  it("kills a script that hangs at its time limit, with nothing left running", async () => {
    const s = setup(`echo $$ > "${"$"}GRADE_WORK_DIR/script.pid"\nsleep 100 &\necho $! > "${"$"}GRADE_WORK_DIR/child.pid"\nsleep 100\n`);
    const started = Date.now();
    const run = await runLearnerScript({ script: s.script, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 500, transcriptFile: s.transcriptFile });
    runs.push(run);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).toBeNull();
    const scriptPid = readPid(path.join(s.dir, "script.pid"));
    const childPid = readPid(path.join(s.dir, "child.pid"));
    pids.push(scriptPid, childPid);
    expect(await stopsRunning(scriptPid)).toBe(true);
    expect(await stopsRunning(childPid)).toBe(true);
  });

  it("lets a background child (a kubectl proxy) live until cleanup(), and ends it then", async () => {
    const s = setup(`sleep 100 &\necho $! > "${"$"}GRADE_WORK_DIR/child.pid"\necho started\n`);
    const run = await runLearnerScript({ script: s.script, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 10_000, transcriptFile: s.transcriptFile });
    runs.push(run);
    expect(run).toMatchObject({ exitCode: 0, timedOut: false });
    const childPid = readPid(path.join(s.dir, "child.pid"));
    pids.push(childPid);
    expect(isRunning(childPid)).toBe(true);
    run.cleanup();
    expect(await stopsRunning(childPid)).toBe(true);
  });

  it("refuses a script that does not exist, saying where it looked", async () => {
    const s = setup("");
    const missing = path.join(s.dir, "nope.sh");
    await expect(runLearnerScript({ script: missing, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 1_000, transcriptFile: s.transcriptFile })).rejects.toThrow(
      new UsageError(`no learner script at ${missing}: write your solution there, or pass --work DIR`),
    );
    expect(existsSync(s.transcriptFile)).toBe(false);
  });
});
