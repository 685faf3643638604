import { K3sContainer, type StartedK3sContainer } from "@testcontainers/k3s";
import createDebug from "debug";
import { ImageName, getContainerRuntimeClient } from "testcontainers";
import type { Cluster, StartOptions } from "./cluster.ts";
import { clusterDidNotStart, imageUnavailable, noDockerEngine } from "./docker-errors.ts";
import { k3sImage } from "./k3s-image.ts";
import { loadImagesIntoK3s } from "./load-images.ts";

const debug = createDebug("grade:k3s");

/** Labels on every container grade starts, so `grade stop` and tests can find leftovers. */
export const GRADE_LABEL = "dev.grade.cluster";
export const EXERCISE_LABEL = "dev.grade.exercise";

/** Starts a throwaway single-node k3s through @testcontainers/k3s. */
export async function startK3sCluster(options: StartOptions): Promise<Cluster> {
  const image = k3sImage();
  const definition = new K3sContainer(image).withLabels({ [GRADE_LABEL]: "true", [EXERCISE_LABEL]: options.exerciseId });
  // A kept cluster must outlive this process: a reusable container carries no session label,
  // so Ryuk leaves it alone; `grade stop` removes it.
  if (options.keepAlive) definition.withReuse();

  // Engine, then image, then container: each failure gets its own message saying what to do.
  const client = await getContainerRuntimeClient().catch((e: unknown) => {
    throw noDockerEngine(e);
  });
  if (!(await client.image.exists(ImageName.fromString(image)))) {
    debug("pulling %s", image);
    await client.image.pull(ImageName.fromString(image)).catch((e: unknown) => {
      throw imageUnavailable(image, e);
    });
  }
  let container: StartedK3sContainer;
  try {
    debug("starting %s", image);
    container = await definition.start();
  } catch (e) {
    throw clusterDidNotStart(image, e);
  }
  return k3sCluster(container, image);
}

function k3sCluster(container: StartedK3sContainer, image: string): Cluster {
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    debug("removing %s", container.getId());
    await container.stop({ remove: true, removeVolumes: true });
  };
  return {
    kubeconfig: container.getKubeConfig(),
    description: `k3s ${image} in container ${container.getId().slice(0, 12)}`,
    containerId: container.getId(),
    loadImages: (images) => loadImagesIntoK3s(container, images),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/** Removes a kept cluster by container id (`grade stop`); returns false when it was already gone. */
export async function removeK3sContainer(containerId: string): Promise<boolean> {
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(containerId);
  try {
    await container.remove({ force: true, v: true });
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return false;
    throw e;
  }
}

/** Whether a container is still running (a kept cluster may have been removed by hand). */
export async function isContainerRunning(containerId: string): Promise<boolean> {
  const client = await getContainerRuntimeClient();
  try {
    const info = await client.container.getById(containerId).inspect();
    return info.State.Running;
  } catch {
    return false;
  }
}

/** Containers grade started and that still exist, for tests and `grade stop --all`. */
export async function listGradeContainers(): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const all = await client.container.dockerode.listContainers({ all: true, filters: { label: [`${GRADE_LABEL}=true`] } });
  return all.map((c) => c.Id);
}
