import { readFile } from "node:fs/promises";
import { attachCluster } from "../cluster/providers.ts";
import { clearState, readState } from "../state.ts";
import { EXIT } from "../errors.ts";

/** grade stop: removes the cluster `grade start` made and the .grade/ state. */
export async function stopCommand(): Promise<number> {
  const state = await readState();
  if (!state) {
    process.stderr.write("Nothing to stop: no cluster was started here.\n");
    await clearState();
    return EXIT.ok;
  }
  if (state.cluster.provider === "kubeconfig") {
    process.stderr.write(`Left ${state.description} running: grade did not start it.\n`);
  } else {
    const cluster = await attachCluster(state.cluster, await readFile(state.kubeconfigFile, "utf8").catch(() => ""));
    const gone = (await cluster.nodeStates()).every((s) => s.machine === "gone");
    await cluster.stop();
    process.stderr.write(gone ? `The cluster (${state.description}) was already gone.\n` : `Removed ${state.description}.\n`);
  }
  await clearState();
  return EXIT.ok;
}
