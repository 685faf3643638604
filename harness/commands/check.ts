import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { KubeClient } from "../kube/kube-client.ts";
import { createGradingContext } from "../runner/grading-context.ts";
import { gradeExercise } from "../runner/grade-exercise.ts";
import { readState } from "../state.ts";
import { readFile } from "node:fs/promises";
import { UsageError } from "../errors.ts";
import { isContainerRunning } from "../cluster/k3s-cluster.ts";
import { exitCodeFor, reportersFrom, workDirFor, type ReportOptions } from "./common.ts";

/** grade check [exercise]: grades the cluster `grade start` left running (or --kubeconfig's). */
export async function checkCommand(exerciseRef: string | undefined, o: ReportOptions & { kubeconfig?: string; work?: string }): Promise<number> {
  const state = await readState();
  const ref = exerciseRef ?? state?.exerciseId;
  if (!ref) throw new UsageError("nothing to check: run `grade start <exercise>` first, or name the exercise and pass --kubeconfig");
  const kubeconfigFile = o.kubeconfig ?? (state && state.exerciseId === ref ? state.kubeconfigFile : undefined);
  if (!kubeconfigFile) {
    throw new UsageError(`no cluster for ${ref}: run \`grade start ${ref}\` first${state ? ` (the running one is for ${state.exerciseId})` : ""}, or pass --kubeconfig`);
  }
  const server = !o.kubeconfig ? state?.containerIds?.[0] : undefined;
  if (server && !(await isContainerRunning(server))) {
    throw new UsageError(`the cluster \`grade start\` made (${state!.description}) is not running any more: run \`grade stop\`, then \`grade start ${ref}\``);
  }
  const reporter = reportersFrom(o);
  const loaded = await loadExercise(state && !exerciseRef ? state.exerciseFile : resolveExerciseFile(ref));
  const kube = new KubeClient(await readFile(kubeconfigFile, "utf8"));
  const ctx = createGradingContext({ kube, kubeconfigFile, workDir: workDirFor(loaded.exercise.id, o.work), answersFile: loaded.exercise.work.answers });
  try {
    return exitCodeFor(await gradeExercise(loaded, ctx, reporter));
  } finally {
    // The probe pods grading started must not linger in the learner's cluster.
    await ctx.close();
  }
}
