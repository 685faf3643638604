import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { K3sContainer } from "@testcontainers/k3s";
import createDebug from "debug";
import { ImageName, getContainerRuntimeClient, type ContainerRuntimeClient, type StartedTestContainer } from "testcontainers";
import type { Cluster, ClusterHandle, ClusterNode, StartOptions } from "./cluster.ts";
import { clusterDidNotStart, imageUnavailable, noDockerEngine } from "./docker-errors.ts";
import { K3sAgentContainer } from "./k3s-agent-container.ts";
import { removeRun } from "./k3s-docker.ts";
import { k3sImage } from "./k3s-image.ts";
import { k3sCluster } from "./k3s-kept-cluster.ts";
import { whyApiUnreachable } from "./api-reachability.ts";
import { EXERCISE_LABEL, GRADE_LABEL, NODE_LABEL, RUN_ID_ENV, RUN_LABEL, ownerLabels } from "./k3s-labels.ts";
import { archivesFor, readSnapshot, snapshotDir, snapshotImageKey, snapshotsEnabled, withSnapshotLock, writeSnapshot, type Snapshot } from "./k3s-snapshot.ts";
import { pruneGoneImages } from "./cache-pruning.ts";
import { SERVER_NODE, agentNode } from "./node-names.ts";
import { K3S_IMAGES_DIR, imageTarballName, savedImage } from "./saved-images.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { isFresh, waitForSystemWorkloads } from "../kube/wait-ready.ts";
import { onInterrupt } from "../runner/teardown.ts";
import { InfrastructureError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

const debug = createDebug("grade:k3s");

const AGENTS_READY_TIMEOUT_MS = 120_000;
/** How often a start looks whether every node reported Ready: a look is one cheap list. */
const NODES_POLL_MS = 250;
const SYSTEM_READY_TIMEOUT_MS = 120_000;
/** Stopping a node to copy its state out: long enough for its datastore to close cleanly. */
const SNAPSHOT_STOP_SECONDS = 10;
/** When to load the Kubernetes client during a start: once the container itself runs (~1 s). */
const KUBE_CLIENT_WARM_UP_MS = 1_500;
/** How long a started server's API may take to answer from the host (see waitForApiFromHost). */
const API_FROM_HOST_GRACE_MS = 10_000;

/**
 * Starts a throwaway k3s through @testcontainers/k3s: one server, and `nodes - 1` agents
 * (node-names.ts), from the started-once snapshot of this image (k3s-snapshot.ts), taken first
 * when there is none yet.
 */
export async function startK3sCluster(options: StartOptions): Promise<Cluster> {
  const image = k3sImage();
  const nodes = options.nodes ?? 1;
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
  const snapshot = snapshotsEnabled() ? await snapshotOf(client, image, nodes, options.progress) : undefined;
  return startNodes(client, image, { ...options, nodes }, snapshot);
}

/** The snapshot for this image and node count; taken now (once, whoever asks first) if missing. */
async function snapshotOf(client: ContainerRuntimeClient, image: string, nodes: number, progress?: (note: string) => void): Promise<Snapshot | undefined> {
  const imageId = (await client.container.dockerode.getImage(image).inspect()).Id;
  const dir = snapshotDir(imageId, nodes);
  const found = readSnapshot(dir);
  if (found) return found;
  try {
    await withSnapshotLock(dir, async () => {
      progress?.(t().progress.snapshotFirst);
      const token = randomBytes(16).toString("hex");
      const cluster = await startNodes(client, image, { exerciseId: "snapshot", keepAlive: false, nodes, token }, undefined);
      const forget = onInterrupt(() => cluster.stop());
      try {
        // A snapshot of a settled cluster: its system pods (CoreDNS) up, so every restored one has them.
        await waitForSystemWorkloads(await kubeClient(cluster.kubeconfig), SYSTEM_READY_TIMEOUT_MS);
        const docker = client.container.dockerode;
        const handle = cluster.handle as Extract<ClusterHandle, { provider: "k3s" }>;
        const containers = handle.nodes.map((n) => ({ name: n.name, role: n.role, container: docker.getContainer(n.containerId) }));
        // Agents first, so the server records their leaving while it still runs.
        for (const c of [...containers].reverse()) await c.container.stop({ t: SNAPSHOT_STOP_SECONDS });
        await writeSnapshot(dir, token, containers);
        await pruneGoneImages(docker, path.dirname(dir), snapshotImageKey, "snapshots");
      } finally {
        await cluster.stop();
        forget();
      }
    });
  } catch (e) {
    // A cluster still starts without one, only slower; the next start tries again.
    progress?.(t().progress.snapshotNone({ error: (e as Error).message.split("\n")[0]! }));
    return undefined;
  }
  return readSnapshot(dir);
}

async function startNodes(client: ContainerRuntimeClient, image: string, options: StartOptions & { nodes: number; token?: string }, snapshot: Snapshot | undefined): Promise<Cluster> {
  // A unique label per cluster: reuse (below) must never pick up an older cluster's container,
  // and Ctrl-C while containers are being created finds them by it.
  const runId = process.env[RUN_ID_ENV] || randomUUID();
  const labels: Record<string, string> = { [GRADE_LABEL]: "true", [EXERCISE_LABEL]: options.exerciseId, [RUN_LABEL]: runId, ...ownerLabels() };
  const forgetInterrupt = onInterrupt(async () => void (await removeRun(runId)));
  // This machine's clock, in case the engine's time for the server's start cannot be read (below).
  const requestedAt = Date.now();
  try {
    const { nodes } = options;
    // A restored cluster keeps the token its nodes were registered with.
    const token = snapshot?.token ?? options.token ?? randomBytes(16).toString("hex");
    // Several nodes share a network of their own, made here (not by testcontainers) so that a kept
    // cluster's network outlives this process like its containers.
    const network = nodes > 1 ? `grade-${runId}` : undefined;
    if (network) await client.network.create({ Name: network, Driver: "bridge", Labels: labels });

    // The exercise's images go into each node's images folder: k3s imports them as it starts,
    // meanwhile doing the rest of its start, and before its kubelet runs a pod.
    const preloaded: { image: string; tarball: string }[] = [];
    for (const wanted of options.images ?? []) {
      const tarball = await savedImage(client.container.dockerode, wanted);
      if (tarball) preloaded.push({ image: wanted, tarball });
    }
    const imageFiles = preloaded.map(({ image, tarball }) => ({ source: tarball, target: `${K3S_IMAGES_DIR}/${imageTarballName(image)}` }));

    const started: { node: ClusterNode; container: StartedTestContainer }[] = [];
    try {
      const server = new K3sContainer(image)
        .withLabels({ ...labels, [NODE_LABEL]: SERVER_NODE })
        .withEnvironment({ K3S_NODE_NAME: SERVER_NODE, K3S_TOKEN: token })
        .withCopyArchivesToContainer(archivesFor(SERVER_NODE, snapshot))
        .withCopyFilesToContainer(imageFiles);
      // No network alias: with one, testcontainers starts the container on Docker's default bridge
      // and only then connects it to the network, so the server's node IP (its first interface)
      // is one the agents cannot reach, and traffic between pods on different nodes is lost.
      if (network) server.withNetworkMode(network);
      // A kept cluster must outlive this process: a reusable container carries no session label,
      // so Ryuk leaves it alone; `grade stop` removes it.
      if (options.keepAlive) server.withReuse();
      debug("starting server %s%s", image, snapshot ? " from its snapshot" : "");
      // k3s takes seconds to come up once its container runs: the Kubernetes client (~0.4 s of
      // loading, idle otherwise until then) loads in that wait rather than before or after it.
      const warmUp = setTimeout(() => void import("../kube/kube-client.ts").catch(() => {}), KUBE_CLIENT_WARM_UP_MS);
      const serverContainer = await server
        .start()
        .catch((e: unknown) => {
          throw clusterDidNotStart(image, e);
        })
        .finally(() => clearTimeout(warmUp));
      started.push({ node: { name: SERVER_NODE, role: "server" }, container: serverContainer });
      // Node and pod statuses older than this came with the snapshot (see Cluster.startedAt).
      const startedAt = (await engineStartTime(client, serverContainer.getId())) ?? requestedAt;

      for (let i = 1; i < nodes; i++) {
        const name = agentNode(i);
        // By IP: the server's certificate names its IPs (k3s and the stand-in alike).
        const agent = new K3sAgentContainer(image, `https://${serverContainer.getIpAddress(network!)}:6443`, token)
          .withLabels({ ...labels, [NODE_LABEL]: name })
          .withEnvironment({ K3S_NODE_NAME: name })
          .withNetworkMode(network!)
          .withCopyArchivesToContainer(archivesFor(name, snapshot))
          .withCopyFilesToContainer(imageFiles);
        if (options.keepAlive) agent.withReuse();
        debug("starting agent %s", name);
        started.push({ node: { name, role: "agent" }, container: await agent.start().catch((e: unknown) => Promise.reject(clusterDidNotStart(image, e))) });
      }
      const kubeconfig = serverContainer.getKubeConfig();
      await waitForApiFromHost(kubeconfig);
      if (nodes > 1) await waitForReadyNodes(await kubeClient(kubeconfig), nodes, startedAt);
      const handle: ClusterHandle = {
        provider: "k3s",
        image,
        runId,
        network,
        nodes: started.map(({ node, container }) => ({ ...node, containerId: container.getId() })),
      };
      return k3sCluster(handle, kubeconfig, { at: startedAt, preloaded: new Set(preloaded.map((p) => p.image)) });
    } catch (e) {
      await removeRun(runId);
      throw e;
    }
  } finally {
    forgetInterrupt();
  }
}

/**
 * The ready line is printed inside the container; from the host the API is one hop further (the
 * engine's port forwarding), which was once seen to reset the first connections of a fresh
 * cluster (ECONNRESET). A brief grace for that hop; a fault that lasts is left for the caller's
 * reachability check to report.
 */
async function waitForApiFromHost(kubeconfig: string): Promise<void> {
  const deadline = Date.now() + API_FROM_HOST_GRACE_MS;
  for (;;) {
    const why = await whyApiUnreachable(kubeconfig, 2_000);
    if (!why || Date.now() >= deadline) return;
    debug("API not answering from the host yet: %s", why);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * When the engine started a container, by the engine's clock: the clock the cluster's statuses are
 * written by (the host's with a Linux engine, a VM's with Docker Desktop, whose clock may drift
 * from the host's, e.g. after sleep). Undefined when the engine does not say.
 */
async function engineStartTime(client: ContainerRuntimeClient, containerId: string): Promise<number | undefined> {
  const state = await client.container.dockerode
    .getContainer(containerId)
    .inspect()
    .then((c) => c.State.StartedAt)
    .catch(() => undefined);
  const ms = Date.parse(state ?? "");
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The Kubernetes client, loaded on first use (it takes ~0.4 s): by then Docker has kept us waiting. */
const kubeClient = async (kubeconfig: string) => new (await import("../kube/kube-client.ts")).KubeClient(kubeconfig);

/**
 * Every node Ready by a report of its kubelet since the start: a restored agent's node object says
 * Ready (and names its old address) until the agent reports again, and pods sent its way meanwhile
 * would be routed to an address it no longer has.
 */
async function waitForReadyNodes(kube: KubeClient, count: number, since: number): Promise<void> {
  const deadline = Date.now() + AGENTS_READY_TIMEOUT_MS;
  let ready = 0;
  while (Date.now() < deadline) {
    const nodes = await kube.listNodes().catch(() => []);
    ready = nodes.filter((node) => node.ready && isFresh(node.readyReportedAt, since)).length;
    if (ready >= count) return;
    await new Promise((r) => setTimeout(r, NODES_POLL_MS));
  }
  throw new InfrastructureError(t().errors.agentsNotReady({ ready, count, seconds: AGENTS_READY_TIMEOUT_MS / 1000 }));
}
