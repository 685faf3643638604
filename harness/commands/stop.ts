import { readFile } from "node:fs/promises";
import { attachCluster } from "../cluster/providers.ts";
import { clearState, readState } from "../state.ts";
import { EXIT } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/** grade stop: removes the cluster `grade start` made and the .grade/ state. */
export async function stopCommand(): Promise<number> {
  const say = t().session;
  const state = await readState();
  if (!state) {
    process.stderr.write(`${say.nothingToStop}\n`);
    await clearState();
    return EXIT.ok;
  }
  if (state.cluster.provider === "kubeconfig") {
    process.stderr.write(`${say.leftRunning({ description: state.description })}\n`);
  } else {
    const cluster = await attachCluster(state.cluster, await readFile(state.kubeconfigFile, "utf8").catch(() => ""));
    const gone = (await cluster.nodeStates()).every((s) => s.machine === "gone");
    await cluster.stop();
    process.stderr.write(`${gone ? say.alreadyGone({ description: state.description }) : say.removed({ description: state.description })}\n`);
  }
  await clearState();
  return EXIT.ok;
}
