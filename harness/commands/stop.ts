import { removeK3sCluster } from "../cluster/k3s-cluster.ts";
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
  if (state.containerIds) {
    const removed = await removeK3sCluster(state.containerIds, state.networkName);
    process.stderr.write(removed > 0 ? `Removed ${state.description}.\n` : `The cluster (${state.description}) was already gone.\n`);
  } else {
    process.stderr.write(`Left ${state.description} running: grade did not start it.\n`);
  }
  await clearState();
  return EXIT.ok;
}
