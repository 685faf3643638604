import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { runLearnerScript, type ScriptRun } from "./learner-script.ts";

/**
 * True while a process with this pid is running: signal 0 only checks that it exists. A killed
 * orphan stays a zombie until init reaps it (slowly in some containers), and a zombie runs nothing.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/PID/stat: "PID (comm) STATE ..."; comm may hold spaces, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return true;
  }
}

/** SIGKILL is delivered asynchronously: allow a moment before calling a process still there. */
async function gone(pid: number, withinMs = 2_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !alive(pid);
}

const readPid = (file: string) => Number(readFileSync(file, "utf8").trim());

describe("runLearnerScript (real bash, no cluster)", () => {
  const runs: ScriptRun[] = [];
  const pids: number[] = [];
  afterEach(() => {
    // Whatever a failing test left behind.
    for (const run of runs.splice(0)) run.cleanup();
    for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
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
    expect(await gone(scriptPid)).toBe(true);
    expect(await gone(childPid)).toBe(true);
  });

  it("lets a background child (a kubectl proxy) live until cleanup(), and ends it then", async () => {
    const s = setup(`sleep 100 &\necho $! > "${"$"}GRADE_WORK_DIR/child.pid"\necho started\n`);
    const run = await runLearnerScript({ script: s.script, workDir: s.dir, kubeconfigFile: s.kubeconfigFile, timeoutMs: 10_000, transcriptFile: s.transcriptFile });
    runs.push(run);
    expect(run).toMatchObject({ exitCode: 0, timedOut: false });
    const childPid = readPid(path.join(s.dir, "child.pid"));
    pids.push(childPid);
    expect(alive(childPid)).toBe(true);
    run.cleanup();
    expect(await gone(childPid)).toBe(true);
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
