import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { clusterHandleSchema } from "./cluster/cluster.ts";

/** Where `grade start` leaves what `grade check`, `grade node` and `grade stop` need, in the learner's folder. */
export const STATE_DIR = ".grade";
/** Where `grade run` keeps one exercise's run: its kubeconfig, and the learner script's transcript. */
export const runDirOf = (exerciseId: string) => path.join(STATE_DIR, "runs", exerciseId);
export const transcriptOf = (exerciseId: string) => path.join(runDirOf(exerciseId), "transcript.log");
export const KUBECONFIG_FILE = path.join(STATE_DIR, "kubeconfig");
const STATE_FILE = path.join(STATE_DIR, "state.json");

const stateSchema = z.object({
  exerciseId: z.string(),
  exerciseFile: z.string(),
  kubeconfigFile: z.string(),
  /** How to find the cluster again; a borrowed one (--kubeconfig) is never removed by grade. */
  cluster: clusterHandleSchema,
  description: z.string(),
  startedAt: z.string(),
});
export type SessionState = z.infer<typeof stateSchema>;

export async function readState(root = process.cwd()): Promise<SessionState | undefined> {
  const file = path.join(root, STATE_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

export async function writeState(state: SessionState, kubeconfig: string, root = process.cwd()): Promise<void> {
  await mkdir(path.join(root, STATE_DIR), { recursive: true });
  // The kubeconfig holds admin credentials: readable by the learner only.
  await writeFile(path.join(root, state.kubeconfigFile), kubeconfig, { mode: 0o600 });
  await writeFile(path.join(root, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

export async function clearState(root = process.cwd()): Promise<void> {
  await rm(path.join(root, STATE_DIR), { recursive: true, force: true });
}
