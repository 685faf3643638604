import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pc from "picocolors";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { createGradingContext } from "../runner/grading-context.ts";
import { settleAndGrade } from "../runner/settle-and-grade.ts";
import { runLearnerScript } from "../runner/learner-script.ts";
import { prepareCluster } from "../runner/prepare-cluster.ts";
import { withRunSession, type RunSession } from "../runner/run-session.ts";
import { onInterrupt } from "../runner/teardown.ts";
import { takeHostPortTurn } from "../batch/host-port-turn.ts";
import { runDirOf, transcriptOf } from "../state.ts";
import { step } from "../ui/step.ts";
import { formatMs } from "../../graders/shared/duration.ts";
import type { ExerciseReport } from "../report/model.ts";
import { ungradedReport } from "../report/ungraded-report.ts";
import type { MultiplexReporter } from "../reporters/multiplex-reporter.ts";
import { exitCodeFor, reportersFrom, workDirFor, type ReportOptions } from "./common.ts";
import { t } from "../i18n/messages.ts";

export interface RunOptions extends ReportOptions {
  work?: string;
  kubeconfig?: string;
}

/**
 * grade run <exercise> (what Classroom calls): fresh cluster → images → starter → the learner's
 * script → checks → report → cluster removed, on success, failure and Ctrl-C alike.
 */
export async function runCommand(exerciseRef: string, o: RunOptions): Promise<number> {
  const reporter = reportersFrom(o);
  const report = await runExercise(exerciseRef, o, reporter);
  return exitCodeFor(report, reporter);
}

export async function runExercise(exerciseRef: string, o: RunOptions, reporter: MultiplexReporter = reportersFrom(o)): Promise<ExerciseReport> {
  return withRunSession(reporter, (session) => runInSession(session, exerciseRef, o));
}

async function runInSession(session: RunSession, exerciseRef: string, o: RunOptions): Promise<ExerciseReport> {
  const loaded = await loadExercise(resolveExerciseFile(exerciseRef));
  await session.begin(loaded);
  const { exercise } = loaded;
  const workDir = workDirFor(exercise.id, o.work);
  const script = path.join(workDir, exercise.work.script);
  const say = t().progress;
  process.stderr.write(`${pc.bold(exercise.title)} (${exercise.id}), ${say.workFrom({ dir: workDir })}\n`);
  // Nothing to grade yet: every task failed for that reason, and no cluster started for nothing.
  if (!existsSync(script)) {
    return ungradedReport(loaded, "fail", say.noScriptYet({ script: exercise.work.script, path: script }));
  }
  const runDir = runDirOf(exercise.id);
  await mkdir(runDir, { recursive: true });

  const { cluster, kube, timings } = await prepareCluster(loaded, { kubeconfigFile: o.kubeconfig, keepAlive: false });
  const kubeconfigFile = o.kubeconfig ?? path.join(runDir, "kubeconfig");
  let cleanupScript = () => {};
  // grade batch only: scripts that listen on host ports take turns (batch/host-port-turn.ts).
  let releaseHostPorts = () => {};
  let report: ExerciseReport | undefined;
  // The learner script registers its own kill; this one removes the cluster.
  const forget = onInterrupt(() => cluster.stop());
  try {
    if (!o.kubeconfig) await writeFile(kubeconfigFile, cluster.kubeconfig, { mode: 0o600 });
    for (const fault of exercise.faults) {
      await step(say.stoppingNode({ node: fault.stopNode }), () => cluster.stopNode(fault.stopNode));
    }
    const diagnostics: string[] = [];
    releaseHostPorts = await takeHostPortTurn();
    const limit = formatMs(exercise.work.scriptTimeout);
    const ran = await step(say.runningScript({ script, limit }), () =>
      runLearnerScript({ script, workDir, kubeconfigFile, timeoutMs: exercise.work.scriptTimeout, transcriptFile: transcriptOf(exercise.id) }),
    );
    cleanupScript = ran.value.cleanup;
    if (ran.value.timedOut) diagnostics.push(say.scriptTimedOut({ script, limit }));
    else if (ran.value.exitCode !== 0) diagnostics.push(say.scriptExited({ script, exitCode: ran.value.exitCode, transcript: ran.value.transcriptFile }));
    process.stderr.write(`    ${say.transcript}: ${ran.value.transcriptFile}\n`);

    const ctx = createGradingContext({ kube, kubeconfigFile, workDir, answersFile: exercise.work.answers });
    try {
      report = await settleAndGrade(loaded, kube, ctx, session.reporter, { diagnostics, timings: { ...timings, script: ran.ms } });
    } finally {
      // grade's probe pods, if a check used them.
      await ctx.close();
    }
  } finally {
    cleanupScript();
    releaseHostPorts();
    // Removed whether grading ended or failed; the interrupt action stays registered meanwhile,
    // so a Ctrl-C now waits for this removal instead of cutting it short.
    if (!o.kubeconfig) {
      try {
        const removed = await step(say.removingCluster, () => cluster.stop());
        if (report) report.timings.teardown = removed.ms;
      } catch (e) {
        // The learner's result (or the error that ended grading) must not be lost to a teardown fault.
        await session.warn(say.couldNotRemove({ error: (e as Error).message }));
      }
    }
    forget();
  }
  return report;
}
