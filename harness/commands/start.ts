import pc from "picocolors";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { attachCluster } from "../cluster/providers.ts";
import { prepareCluster } from "../runner/prepare-cluster.ts";
import { KUBECONFIG_FILE, clearState, readState, writeState } from "../state.ts";
import { EXIT, UsageError } from "../errors.ts";
import { workDirFor } from "./common.ts";
import { ensureAnswersFile } from "../exercise/answers-template.ts";
import { instructionsFile } from "../exercise/instructions.ts";
import { t } from "../i18n/messages.ts";
import { currentLanguage } from "../i18n/language.ts";
import { maxPointsOf } from "../report/points.ts";

/** grade start <exercise>: a cluster that stays up while the learner works in it. */
export async function startCommand(exerciseRef: string, o: { kubeconfig?: string; work?: string }): Promise<number> {
  const say = t().session;
  const existing = await readState();
  if (existing) {
    const still =
      existing.cluster.provider === "kubeconfig" ||
      (await (await attachCluster(existing.cluster, "")).nodeStates()).some((s) => s.node.role === "server" && s.machine === "running");
    if (still) {
      throw new UsageError(say.alreadyRunning({ exercise: existing.exerciseId, description: existing.description, startedAt: existing.startedAt }));
    }
    await clearState(); // its server is gone: the state is stale
  }
  const loaded = await loadExercise(resolveExerciseFile(exerciseRef));
  const { exercise } = loaded;
  process.stderr.write(`${pc.bold(exercise.title)} (${exercise.id})\n`);

  const { cluster } = await prepareCluster(loaded, { kubeconfigFile: o.kubeconfig, keepAlive: true });
  const kubeconfigFile = o.kubeconfig ?? KUBECONFIG_FILE;
  await writeState(
    {
      exerciseId: exercise.id,
      exerciseFile: loaded.file,
      kubeconfigFile,
      cluster: cluster.handle,
      description: cluster.description,
      startedAt: new Date().toISOString(),
    },
    cluster.kubeconfig,
  );

  const work = workDirFor(exercise.id, o.work);
  const out = process.stdout;
  out.write(`\n${say.clusterReady({ description: cluster.description })}\n\n  export KUBECONFIG=${process.cwd()}/${kubeconfigFile}\n\n`);
  if (cluster.nodes.length > 1) out.write(`${say.nodes({ nodes: cluster.nodes.map((n) => n.name).join(", ") })}\n\n`);
  const points = maxPointsOf(exercise);
  out.write(`${say.tasks({ points, readme: `${loaded.dir}/${instructionsFile(loaded.dir, currentLanguage())}` })}\n`);
  for (const [i, task] of exercise.tasks.entries()) out.write(`  ${say.task({ n: i + 1, title: task.title, points: task.points })}\n`);
  const created = await ensureAnswersFile(exercise, work);
  out.write(`\n${say.answersIn({ file: `${work}/${exercise.work.answers}`, created: created !== undefined })}\n`);
  out.write(`${say.thenCheck}\n`);
  return EXIT.ok;
}
