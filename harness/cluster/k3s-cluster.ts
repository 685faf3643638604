import { randomBytes, randomUUID } from "node:crypto";
import { K3sContainer } from "@testcontainers/k3s";
import createDebug from "debug";
import { ImageName, getContainerRuntimeClient, type StartedTestContainer } from "testcontainers";
import type { Cluster, ClusterHandle, ClusterNode, MachineState, StartOptions } from "./cluster.ts";
import { whyApiUnreachable } from "./api-reachability.ts";
import { clusterDidNotStart, imageUnavailable, noDockerEngine } from "./docker-errors.ts";
import { K3sAgentContainer } from "./k3s-agent-container.ts";
import { k3sImage } from "./k3s-image.ts";
import { loadImagesIntoK3s } from "./load-images.ts";
import { SERVER_NODE, agentNode } from "./node-names.ts";
import { KubeClient } from "../kube/kube-client.ts";
import { onInterrupt } from "../runner/teardown.ts";
import { InfrastructureError, UsageError } from "../errors.ts";

const debug = createDebug("grade:k3s");

/** Labels on every container and network grade starts, so `grade stop` and tests find leftovers. */
export const GRADE_LABEL = "dev.grade.cluster";
const EXERCISE_LABEL = "dev.grade.exercise";
/** One value per cluster: its containers and network are found (and removed) by it. */
const RUN_LABEL = "dev.grade.run";
/** The node a container runs, e.g. k3s-agent-1. */
const NODE_LABEL = "dev.grade.node";
/**
 * GRADE_OWNER (optional) tags every cluster with who started it, so a CI job or a test run can
 * find and remove its own clusters while others run on the same Docker engine.
 */
const OWNER_LABEL = "dev.grade.owner";
const ownerLabels = (env: NodeJS.ProcessEnv = process.env): Record<string, string> => (env.GRADE_OWNER ? { [OWNER_LABEL]: env.GRADE_OWNER } : {});
/** Docker label filters for grade's clusters: this owner's when GRADE_OWNER is set, else all. */
export const gradeLabelFilters = (env: NodeJS.ProcessEnv = process.env) => [`${GRADE_LABEL}=true`, ...(env.GRADE_OWNER ? [`${OWNER_LABEL}=${env.GRADE_OWNER}`] : [])];

const AGENTS_READY_TIMEOUT_MS = 120_000;
/** How long a stopped node's machine gets to shut down before it is killed. */
const NODE_STOP_SECONDS = 5;

/** Starts a throwaway k3s through @testcontainers/k3s: one server, and `nodes - 1` agents (node-names.ts). */
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

  // A unique label per cluster: reuse (below) must never pick up an older cluster's container,
  // and Ctrl-C while containers are being created finds them by it.
  const runId = randomUUID();
  const labels: Record<string, string> = { [GRADE_LABEL]: "true", [EXERCISE_LABEL]: options.exerciseId, [RUN_LABEL]: runId, ...ownerLabels() };
  const forgetInterrupt = onInterrupt(async () => void (await removeRun(runId)));
  try {
    const nodes = options.nodes ?? 1;
    const token = randomBytes(16).toString("hex");
    // Several nodes share a network of their own, made here (not by testcontainers) so that a kept
    // cluster's network outlives this process like its containers.
    const network = nodes > 1 ? `grade-${runId}` : undefined;
    if (network) await client.network.create({ Name: network, Driver: "bridge", Labels: labels });

    const started: { node: ClusterNode; container: StartedTestContainer }[] = [];
    try {
      const server = new K3sContainer(image).withLabels({ ...labels, [NODE_LABEL]: SERVER_NODE }).withEnvironment({ K3S_NODE_NAME: SERVER_NODE });
      if (network) server.withNetworkMode(network).withNetworkAliases(SERVER_NODE).withEnvironment({ K3S_TOKEN: token });
      // A kept cluster must outlive this process: a reusable container carries no session label,
      // so Ryuk leaves it alone; `grade stop` removes it.
      if (options.keepAlive) server.withReuse();
      debug("starting server %s", image);
      const serverContainer = await server.start().catch((e: unknown) => {
        throw clusterDidNotStart(image, e);
      });
      started.push({ node: { name: SERVER_NODE, role: "server" }, container: serverContainer });

      for (let i = 1; i < nodes; i++) {
        const name = agentNode(i);
        const agent = new K3sAgentContainer(image, `https://${SERVER_NODE}:6443`, token)
          .withLabels({ ...labels, [NODE_LABEL]: name })
          .withEnvironment({ K3S_NODE_NAME: name })
          .withNetworkMode(network!);
        if (options.keepAlive) agent.withReuse();
        debug("starting agent %s", name);
        started.push({ node: { name, role: "agent" }, container: await agent.start().catch((e: unknown) => Promise.reject(clusterDidNotStart(image, e))) });
      }
      const kubeconfig = serverContainer.getKubeConfig();
      if (nodes > 1) await waitForReadyNodes(new KubeClient(kubeconfig), nodes);
      const handle: ClusterHandle = {
        provider: "k3s",
        image,
        runId,
        network,
        nodes: started.map(({ node, container }) => ({ ...node, containerId: container.getId() })),
      };
      return k3sCluster(handle, kubeconfig);
    } catch (e) {
      await removeRun(runId);
      throw e;
    }
  } finally {
    forgetInterrupt();
  }
}

/** A cluster `grade start` left running, found again from its handle (another process). */
export async function attachK3sCluster(handle: Extract<ClusterHandle, { provider: "k3s" }>, kubeconfig: string): Promise<Cluster> {
  return k3sCluster(handle, kubeconfig);
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

function k3sCluster(handle: Extract<ClusterHandle, { provider: "k3s" }>, kubeconfig: string): Cluster {
  const server = handle.nodes[0]!;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    debug("removing %d node(s)", handle.nodes.length);
    await removeRun(handle.runId);
  };
  const containerOf = (name: string) => {
    const node = handle.nodes.find((n) => n.name === name);
    if (!node) throw new UsageError(`no node ${name} in this cluster: its nodes are ${handle.nodes.map((n) => n.name).join(", ")}`);
    return node;
  };
  return {
    kubeconfig,
    description: `k3s ${handle.image} in container ${server.containerId.slice(0, 12)}${handle.nodes.length > 1 ? ` and ${handle.nodes.length - 1} agent(s)` : ""}`,
    handle,
    nodes: handle.nodes.map(({ name, role }) => ({ name, role })),
    async whyUnreachable() {
      if (!(await isContainerRunning(server.containerId))) {
        return `${serverUrl(kubeconfig)} does not answer: its k3s container ${server.containerId.slice(0, 12)} is not running any more`;
      }
      return whyApiUnreachable(kubeconfig);
    },
    async loadImages(images) {
      const client = await getContainerRuntimeClient();
      return loadImagesIntoK3s(handle.nodes.map((n) => client.container.getById(n.containerId)), images);
    },
    async stopNode(name) {
      const node = containerOf(name);
      if (node.role === "server") throw new UsageError(`${name} is the server: stopping it stops the whole cluster's API. Stop an agent (${handle.nodes.filter((n) => n.role === "agent").map((n) => n.name).join(", ") || "this cluster has none"}).`);
      const client = await getContainerRuntimeClient();
      await client.container.getById(node.containerId).stop({ t: NODE_STOP_SECONDS });
    },
    async startNode(name) {
      const node = containerOf(name);
      const client = await getContainerRuntimeClient();
      const container = client.container.getById(node.containerId);
      if (!(await container.inspect()).State.Running) await container.start();
    },
    async nodeStates() {
      return Promise.all(handle.nodes.map(async ({ name, role, containerId }) => ({ node: { name, role }, machine: await machineState(containerId) })));
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function serverUrl(kubeconfig: string): string {
  try {
    return new KubeClient(kubeconfig).server;
  } catch {
    return "the cluster's API server";
  }
}

/**
 * Removes every container and the network carrying the run's label; returns how many containers
 * were still there. Looks twice: Ctrl-C may come while Docker is still creating a container, which
 * then shows up a moment later.
 */
export async function removeRun(runId: string): Promise<number> {
  const client = await getContainerRuntimeClient();
  const docker = client.container.dockerode;
  const filters = { label: [`${RUN_LABEL}=${runId}`] };
  let removed = 0;
  for (let round = 0; round < 2; round++) {
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
    if (round === 0) await new Promise((r) => setTimeout(r, 500));
  }
  return removed;
}

/** Whether a container is still running (a kept cluster may have been removed by hand). */
async function isContainerRunning(containerId: string): Promise<boolean> {
  return (await machineState(containerId)) === "running";
}

async function machineState(containerId: string): Promise<MachineState> {
  const client = await getContainerRuntimeClient();
  try {
    const info = await client.container.getById(containerId).inspect();
    return info.State.Running ? "running" : "stopped";
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return "gone";
    throw e;
  }
}

/** Containers grade started (this GRADE_OWNER's, when set) and that still exist, for tests. */
export async function listGradeContainers(): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const all = await client.container.dockerode.listContainers({ all: true, filters: { label: gradeLabelFilters() } });
  return all.map((c) => c.Id);
}
