import { randomBytes, randomUUID } from "node:crypto";
import { K3sContainer, type StartedK3sContainer } from "@testcontainers/k3s";
import createDebug from "debug";
import { ImageName, getContainerRuntimeClient, type StartedTestContainer } from "testcontainers";
import type { Cluster, StartOptions } from "./cluster.ts";
import { clusterDidNotStart, imageUnavailable, noDockerEngine } from "./docker-errors.ts";
import { K3sAgentContainer } from "./k3s-agent-container.ts";
import { k3sImage } from "./k3s-image.ts";
import { loadImagesIntoK3s } from "./load-images.ts";
import { KubeClient } from "../kube/kube-client.ts";
import { InfrastructureError } from "../errors.ts";

const debug = createDebug("grade:k3s");

/** Labels on every container and network grade starts, so `grade stop` and tests find leftovers. */
export const GRADE_LABEL = "dev.grade.cluster";
const EXERCISE_LABEL = "dev.grade.exercise";
/**
 * GRADE_OWNER (optional) tags every cluster with who started it, so a CI job or a test run can
 * find and remove its own clusters while others run on the same Docker engine.
 */
const OWNER_LABEL = "dev.grade.owner";
const ownerLabels = (env: NodeJS.ProcessEnv = process.env): Record<string, string> => (env.GRADE_OWNER ? { [OWNER_LABEL]: env.GRADE_OWNER } : {});
/** Docker label filters for grade's clusters: this owner's when GRADE_OWNER is set, else all. */
export const gradeLabelFilters = (env: NodeJS.ProcessEnv = process.env) => [`${GRADE_LABEL}=true`, ...(env.GRADE_OWNER ? [`${OWNER_LABEL}=${env.GRADE_OWNER}`] : [])];
const AGENTS_READY_TIMEOUT_MS = 120_000;

/** Starts a throwaway k3s through @testcontainers/k3s: one server, and `nodes - 1` agents. */
export async function startK3sCluster(options: StartOptions): Promise<Cluster> {
  const image = k3sImage();
  // Engine, then image, then containers: each failure gets its own message saying what to do.
  const client = await getContainerRuntimeClient().catch((e: unknown) => {
    throw noDockerEngine(e);
  });
  if (!(await client.image.exists(ImageName.fromString(image)))) {
    debug("pulling %s", image);
    await client.image.pull(ImageName.fromString(image)).catch((e: unknown) => {
      throw imageUnavailable(image, e);
    });
  }

  // A unique label per cluster: reuse (below) must never pick up an older cluster's container.
  const runId = randomUUID();
  const labels: Record<string, string> = { [GRADE_LABEL]: "true", [EXERCISE_LABEL]: options.exerciseId, "dev.grade.run": runId, ...ownerLabels() };
  const nodes = options.nodes ?? 1;
  const token = randomBytes(16).toString("hex");
  // Several nodes share a network of their own, made here (not by testcontainers) so that a kept
  // cluster's network outlives this process like its containers.
  const network = nodes > 1 ? (await client.network.create({ Name: `grade-${labels["dev.grade.run"]}`, Driver: "bridge", Labels: labels })) : undefined;
  const networkName = network ? `grade-${labels["dev.grade.run"]}` : undefined;

  const started: StartedTestContainer[] = [];
  const removeAll = () => removeK3sCluster(started.map((c) => c.getId()), networkName);
  try {
    const server = new K3sContainer(image).withLabels(labels);
    // No network alias: with one, testcontainers starts the container on Docker's default bridge
    // and only then connects it to the network, so the server's node IP (its first interface)
    // is one the agents cannot reach, and traffic between pods on different nodes is lost.
    if (networkName) server.withNetworkMode(networkName).withEnvironment({ K3S_TOKEN: token });
    // A kept cluster must outlive this process: a reusable container carries no session label,
    // so Ryuk leaves it alone; `grade stop` removes it.
    if (options.keepAlive) server.withReuse();
    debug("starting server %s", image);
    const serverContainer: StartedK3sContainer = await server.start().catch((e: unknown) => {
      throw clusterDidNotStart(image, e);
    });
    started.push(serverContainer);

    for (let i = 1; i < nodes; i++) {
      // By IP: the server's certificate names its IPs (k3s and the stand-in alike).
      const agent = new K3sAgentContainer(image, `https://${serverContainer.getIpAddress(networkName!)}:6443`, token).withLabels(labels).withNetworkMode(networkName!);
      if (options.keepAlive) agent.withReuse().withLabels({ "dev.grade.agent": String(i) });
      debug("starting agent %d", i);
      started.push(await agent.start().catch((e: unknown) => Promise.reject(clusterDidNotStart(image, e))));
    }
    const kubeconfig = serverContainer.getKubeConfig();
    if (nodes > 1) await waitForReadyNodes(new KubeClient(kubeconfig), nodes);
    return k3sCluster(serverContainer, started, kubeconfig, image, networkName);
  } catch (e) {
    await removeAll();
    throw e;
  }
}

async function waitForReadyNodes(kube: KubeClient, count: number): Promise<void> {
  const deadline = Date.now() + AGENTS_READY_TIMEOUT_MS;
  let ready = 0;
  while (Date.now() < deadline) {
    ready = (await kube.listNodes().catch(() => [])).filter((n) => n.ready).length;
    if (ready >= count) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new InfrastructureError(`only ${ready} of ${count} k3s nodes were Ready after ${AGENTS_READY_TIMEOUT_MS / 1000} s; \`docker logs\` of the agent containers says why`);
}

function k3sCluster(server: StartedK3sContainer, nodes: StartedTestContainer[], kubeconfig: string, image: string, networkName?: string): Cluster {
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    debug("removing %d node(s)", nodes.length);
    await removeK3sCluster(nodes.map((n) => n.getId()), networkName);
  };
  return {
    kubeconfig,
    description: `k3s ${image} in container ${server.getId().slice(0, 12)}${nodes.length > 1 ? ` and ${nodes.length - 1} agent(s)` : ""}`,
    containerIds: nodes.map((n) => n.getId()),
    networkName,
    loadImages: (images) => loadImagesIntoK3s(nodes, images),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/**
 * Removes a cluster's containers (with their anonymous volumes) and its network; returns how
 * many containers were still there. Used for run's teardown and `grade stop`.
 */
export async function removeK3sCluster(containerIds: string[], networkName?: string): Promise<number> {
  const client = await getContainerRuntimeClient();
  let removed = 0;
  // Agents first, the server last, so no agent outlives its server.
  for (const id of [...containerIds].reverse()) {
    try {
      await client.container.getById(id).remove({ force: true, v: true });
      removed++;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 404) throw e;
    }
  }
  if (networkName) {
    await client.container.dockerode
      .getNetwork(networkName)
      .remove()
      .catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 404) throw e;
      });
  }
  return removed;
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

/** Containers grade started (this GRADE_OWNER's, when set) and that still exist, for tests. */
export async function listGradeContainers(): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const all = await client.container.dockerode.listContainers({ all: true, filters: { label: gradeLabelFilters() } });
  return all.map((c) => c.Id);
}
