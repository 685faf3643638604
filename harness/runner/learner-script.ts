import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { killGroup } from "./grading-context.ts";
import { onInterrupt } from "./teardown.ts";
import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

export interface ScriptRun {
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
  transcriptFile: string;
  /** Ends what the script left running (e.g. `kubectl proxy &`); call after grading. */
  cleanup(): void;
}

/**
 * Runs the learner's script the way autograding does: bash, in their work directory, KUBECONFIG
 * set, output kept in a transcript file, killed with everything it started at the time limit.
 * Background processes it leaves (a `kubectl proxy`) live on until cleanup(), so checks can use them.
 */
export async function runLearnerScript(o: { script: string; workDir: string; kubeconfigFile: string; timeoutMs: number; transcriptFile: string }): Promise<ScriptRun> {
  if (!existsSync(o.script)) {
    throw new UsageError(t().errors.noLearnerScript({ script: o.script }));
  }
  await mkdir(path.dirname(o.transcriptFile), { recursive: true });
  const out = openSync(o.transcriptFile, "w");
  const started = Date.now();
  const child = spawn("bash", [path.resolve(o.script)], {
    cwd: o.workDir,
    // Absolute paths: the script runs in the work folder, not where grade was started.
    env: { ...process.env, KUBECONFIG: path.resolve(o.kubeconfigFile), GRADE_WORK_DIR: path.resolve(o.workDir) },
    // A file, not a pipe: the transcript survives, and background children can't hold us up.
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  // Detached, so a terminal's Ctrl-C does not reach it: on interrupt grade kills it itself.
  const forget = onInterrupt(() => killGroup(child.pid));
  const cleanup = () => {
    killGroup(child.pid);
    forget();
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, o.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on("error", () => resolve(null));
    child.on("exit", (code) => resolve(code));
  });
  clearTimeout(timer);
  return { exitCode, timedOut, ms: Date.now() - started, transcriptFile: o.transcriptFile, cleanup };
}
