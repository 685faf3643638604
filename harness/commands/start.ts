import pc from "picocolors";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { attachCluster } from "../cluster/providers.ts";
import { prepareCluster } from "../runner/prepare-cluster.ts";
import { KUBECONFIG_FILE, clearState, readState, writeState } from "../state.ts";
import { EXIT, UsageError } from "../errors.ts";
import { workDirFor } from "./common.ts";
import { ensureAnswersFile } from "../exercise/answers-template.ts";

/** grade start <exercise>: a cluster that stays up while the learner works in it. */
export async function startCommand(exerciseRef: string, o: { kubeconfig?: string; work?: string }): Promise<number> {
  const existing = await readState();
  if (existing) {
    const still =
      existing.cluster.provider === "kubeconfig" ||
      (await (await attachCluster(existing.cluster, "")).nodeStates()).some((s) => s.node.role === "server" && s.machine === "running");
    if (still) {
      throw new UsageError(
        `${existing.exerciseId} is already running (${existing.description}, started ${existing.startedAt}). ` +
          "Run `grade check` to grade it, or `grade stop` to remove it first.",
      );
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
  out.write(`\nYour cluster is ready (${cluster.description}). Point kubectl at it:\n\n  export KUBECONFIG=${process.cwd()}/${kubeconfigFile}\n\n`);
  if (cluster.nodes.length > 1) out.write(`Its nodes: ${cluster.nodes.map((n) => n.name).join(", ")} (\`grade node stop NAME\` stops one, \`grade node start NAME\` brings it back).\n\n`);
  out.write(`Tasks (${exercise.tasks.reduce((s, t) => s + t.points, 0)} points; instructions in ${loaded.dir}/README.md):\n`);
  for (const [i, task] of exercise.tasks.entries()) out.write(`  ${i + 1}. ${task.title} (${task.points} pt)\n`);
  const created = await ensureAnswersFile(exercise, work);
  out.write(`\nWrite your answers in ${work}/${exercise.work.answers}${created ? " (created for you, with empty answers)" : ""}.\n`);
  out.write(`Then run \`grade check\` (as often as you like), and \`grade stop\` when you are done.\n`);
  return EXIT.ok;
}
