import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { KubeClient } from "../kube/kube-client.ts";
import { createGradingContext } from "../runner/grading-context.ts";
import { settleAndGrade } from "../runner/settle-and-grade.ts";
import { withRunSession } from "../runner/run-session.ts";
import { readState } from "../state.ts";
import { UsageError } from "../errors.ts";
import { exitCodeFor, reportersFrom, workDirFor, type ReportOptions } from "./common.ts";
import { reachableCluster } from "./session-cluster.ts";
import { t } from "../i18n/messages.ts";

/** grade check [exercise]: grades the cluster `grade start` left running (or --kubeconfig's). */
export async function checkCommand(exerciseRef: string | undefined, o: ReportOptions & { kubeconfig?: string; work?: string }): Promise<number> {
  const state = await readState();
  const ref = exerciseRef ?? state?.exerciseId;
  if (!ref) throw new UsageError(t().session.nothingToCheck);
  const sameExercise = state !== undefined && state.exerciseId === ref;
  if (!o.kubeconfig && !sameExercise) {
    throw new UsageError(t().session.noClusterFor({ exercise: ref, running: state?.exerciseId }));
  }
  const reporter = reportersFrom(o);
  const report = await withRunSession(reporter, async (session) => {
    const loaded = await loadExercise(state && !exerciseRef ? state.exerciseFile : resolveExerciseFile(ref));
    await session.begin(loaded);
    const cluster = await reachableCluster({ kubeconfig: o.kubeconfig, state, exerciseRef: ref });
    const kubeconfigFile = o.kubeconfig ?? state!.kubeconfigFile;
    const kube = new KubeClient(cluster.kubeconfig);
    const ctx = createGradingContext({ kube, kubeconfigFile, workDir: workDirFor(loaded.exercise.id, o.work), answersFile: loaded.exercise.work.answers });
    try {
      return await settleAndGrade(loaded, kube, ctx, session.reporter);
    } finally {
      // The probe pods grading started must not linger in the learner's cluster.
      await ctx.close();
    }
  });
  return exitCodeFor(report, reporter);
}
