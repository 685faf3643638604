import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pc from "picocolors";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { createGradingContext } from "../runner/grading-context.ts";
import { gradeExercise } from "../runner/grade-exercise.ts";
import { runLearnerScript } from "../runner/learner-script.ts";
import { prepareCluster } from "../runner/prepare-cluster.ts";
import { onInterrupt } from "../runner/teardown.ts";
import { STATE_DIR } from "../state.ts";
import { step } from "../ui/step.ts";
import { formatMs } from "../../graders/shared/duration.ts";
import type { ExerciseReport } from "../report/model.ts";
import { UsageError } from "../errors.ts";
import { exitCodeFor, reportersFrom, workDirFor, type ReportOptions } from "./common.ts";

export interface RunOptions extends ReportOptions {
  work?: string;
  kubeconfig?: string;
}

/**
 * grade run <exercise> (what Classroom calls): fresh cluster → images → starter → the learner's
 * script → checks → report → cluster removed, on success, failure and Ctrl-C alike.
 */
export async function runCommand(exerciseRef: string, o: RunOptions): Promise<number> {
  const report = await runExercise(exerciseRef, o);
  return exitCodeFor(report);
}

export async function runExercise(exerciseRef: string, o: RunOptions): Promise<ExerciseReport> {
  const reporter = reportersFrom(o);
  const loaded = await loadExercise(resolveExerciseFile(exerciseRef));
  const { exercise } = loaded;
  const workDir = workDirFor(exercise.id, o.work);
  const runDir = path.join(STATE_DIR, "runs", exercise.id);
  await mkdir(runDir, { recursive: true });
  process.stderr.write(`${pc.bold(exercise.title)} (${exercise.id}), work from ${workDir}\n`);
  const script = path.join(workDir, exercise.work.script);
  // Before a cluster is started for nothing.
  if (!existsSync(script)) throw new UsageError(`no learner script at ${script}: write your solution there, or pass --work DIR`);

  const { cluster, kube, timings } = await prepareCluster(loaded, { kubeconfigFile: o.kubeconfig, keepAlive: false });
  const kubeconfigFile = o.kubeconfig ?? path.join(runDir, "kubeconfig");
  let cleanupScript = () => {};
  let report: ExerciseReport | undefined;
  // The learner script registers its own kill; this one removes the cluster.
  const forget = onInterrupt(() => cluster.stop());
  try {
    if (!o.kubeconfig) await writeFile(kubeconfigFile, cluster.kubeconfig, { mode: 0o600 });
    const diagnostics: string[] = [];
    const ran = await step(`Running ${script} (limit ${formatMs(exercise.work.scriptTimeout)})`, () =>
      runLearnerScript({ script, workDir, kubeconfigFile, timeoutMs: exercise.work.scriptTimeout, transcriptFile: path.join(runDir, "transcript.log") }),
    );
    cleanupScript = ran.value.cleanup;
    if (ran.value.timedOut) diagnostics.push(`${script} was stopped after ${formatMs(exercise.work.scriptTimeout)}: it did not finish in time (does it wait for input, or run something in the foreground?)`);
    else if (ran.value.exitCode !== 0) diagnostics.push(`${script} exited with ${ran.value.exitCode}; its output is in ${ran.value.transcriptFile}`);
    process.stderr.write(`    transcript: ${ran.value.transcriptFile}\n`);

    const ctx = createGradingContext({ kube, kubeconfigFile, workDir, answersFile: exercise.work.answers });
    try {
      report = await gradeExercise(loaded, ctx, reporter, { diagnostics, timings: { ...timings, script: ran.ms } });
    } finally {
      await ctx.close();
    }
    return report;
  } finally {
    forget();
    cleanupScript();
    if (!o.kubeconfig) {
      const removed = await step("Removing the cluster", () => cluster.stop());
      // Reporters have already run; the benchmark reads this from the returned report.
      if (report) report.timings.teardown = removed.ms;
    }
  }
}
