import { getContainerRuntimeClient } from "testcontainers";
import { noDockerEngine } from "./docker-errors.ts";
import type { MachineState } from "./cluster.ts";
import { NODE_LABEL, RUN_LABEL, gradeLabelFilters } from "./k3s-labels.ts";
import { loadImagesIntoK3s } from "./load-images.ts";
import { SERVER_NODE } from "./node-names.ts";

/**
 * What grade asks of the Docker engine about the containers of a k3s cluster it started, through
 * testcontainers' client. Imported only when a command needs the engine, so `grade check` on a
 * cluster that answers never loads it.
 */

/** How long a stopped node's machine gets to shut down before it is killed. */
const NODE_STOP_SECONDS = 5;

/** The Docker engine, or the one message that says to start it. */
const engine = () =>
  getContainerRuntimeClient().catch((e: unknown) => {
    throw noDockerEngine(e);
  });

/**
 * Removes every container and the network carrying the run's label; returns how many containers
 * were still there. When the run may still be creating one (Ctrl-C during a start, a run killed
 * from outside), looks a second time a moment later: Docker may show it only then.
 */
export async function removeRun(runId: string, o: { creationMayBeUnderWay?: boolean } = { creationMayBeUnderWay: true }): Promise<number> {
  const client = await engine();
  const docker = client.container.dockerode;
  const filters = { label: [`${RUN_LABEL}=${runId}`] };
  let removed = 0;
  const rounds = o.creationMayBeUnderWay ? 2 : 1;
  for (let round = 0; round < rounds; round++) {
    const containers = await docker.listContainers({ all: true, filters });
    // Agents first, the server last, so no agent outlives its server.
    const isServer = (c: { Labels?: Record<string, string> }) => Number(c.Labels?.[NODE_LABEL] === SERVER_NODE);
    for (const c of containers.sort((a, b) => isServer(a) - isServer(b))) {
      try {
        await docker.getContainer(c.Id).remove({ force: true, v: true });
        removed++;
      } catch (e) {
        // 404: gone already; 409: its removal is already under way (another cleanup got there first).
        if (![404, 409].includes((e as { statusCode?: number }).statusCode ?? 0)) throw e;
      }
    }
    for (const n of await docker.listNetworks({ filters })) {
      await docker
        .getNetwork(n.Id)
        .remove()
        .catch((e: { statusCode?: number }) => {
          if (![404, 409].includes(e.statusCode ?? 0)) throw e;
        });
    }
    if (round < rounds - 1) await new Promise((r) => setTimeout(r, 500));
  }
  return removed;
}

/** Whether a node's container runs, is stopped, or is gone (a kept cluster may have been removed by hand). */
export async function machineState(containerId: string): Promise<MachineState> {
  const client = await engine();
  try {
    const info = await client.container.getById(containerId).inspect();
    return info.State.Running ? "running" : "stopped";
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return "gone";
    throw e;
  }
}

export async function stopContainer(containerId: string): Promise<void> {
  const client = await engine();
  await client.container.getById(containerId).stop({ t: NODE_STOP_SECONDS });
}

export async function startContainer(containerId: string): Promise<void> {
  const client = await engine();
  const container = client.container.getById(containerId);
  if (!(await container.inspect()).State.Running) await container.start();
}

export async function loadImagesIntoContainers(containerIds: string[], images: string[]): Promise<string[]> {
  const client = await engine();
  return loadImagesIntoK3s(containerIds.map((id) => client.container.getById(id)), images);
}

/** Containers grade started (this GRADE_OWNER's, when set) and that still exist, for tests. */
export async function listGradeContainers(): Promise<string[]> {
  const client = await engine();
  const all = await client.container.dockerode.listContainers({ all: true, filters: { label: gradeLabelFilters() } });
  return all.map((c) => c.Id);
}
