import createDebug from "debug";
import type { Cluster, ClusterHandle } from "./cluster.ts";
import { whyApiUnreachable } from "./api-reachability.ts";
import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

const debug = createDebug("grade:k3s");
const docker = () => import("./k3s-docker.ts");

export type K3sHandle = Extract<ClusterHandle, { provider: "k3s" }>;

/**
 * A k3s cluster grade started, as a Cluster: right after the start, or found again from its handle
 * by a later command. The Docker engine is asked only for what needs it (nodes, removal), so
 * grading a cluster that answers costs no Docker client at all.
 */
export function k3sCluster(handle: K3sHandle, kubeconfig: string, started?: { at: number; preloaded: ReadonlySet<string> }): Cluster {
  const preloaded = started?.preloaded ?? new Set<string>();
  const server = handle.nodes[0]!;
  // One removal at a time: a Ctrl-C during teardown waits for the removal under way; a failed one
  // may be tried again.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      debug("removing %d node(s)", handle.nodes.length);
      // Every container of a started cluster is known and created: one look is enough.
      await (await docker()).removeRun(handle.runId, { creationMayBeUnderWay: false });
    })().catch((e: unknown) => {
      stopping = undefined;
      throw e;
    }));
  const containerOf = (name: string) => {
    const node = handle.nodes.find((n) => n.name === name);
    if (!node) throw new UsageError(t().errors.noSuchNode({ node: name, nodes: handle.nodes.map((n) => n.name).join(", ") }));
    return node;
  };
  return {
    kubeconfig,
    description: t().errors.k3sDescription({ image: handle.image, container: server.containerId.slice(0, 12), agents: handle.nodes.length - 1 }),
    handle,
    startedAt: started?.at,
    nodes: handle.nodes.map(({ name, role }) => ({ name, role })),
    async whyUnreachable() {
      const why = await whyApiUnreachable(kubeconfig);
      // Silent: say why when the reason is that its container stopped or is gone.
      if (why && (await (await docker()).machineState(server.containerId)) !== "running") {
        return t().errors.containerGone({ server: await serverUrl(kubeconfig), container: server.containerId.slice(0, 12) });
      }
      return why;
    },
    async loadImages(images) {
      const later = images.filter((i) => !preloaded.has(i));
      const lines = later.length ? await (await docker()).loadImagesIntoContainers(handle.nodes.map((n) => n.containerId), later) : [];
      return [...images.filter((i) => preloaded.has(i)).map((image) => t().progress.imagePreloaded({ image, nodes: handle.nodes.length })), ...lines];
    },
    async stopNode(name) {
      const node = containerOf(name);
      if (node.role === "server") {
        throw new UsageError(t().errors.serverNode({ node: name, agents: handle.nodes.filter((n) => n.role === "agent").map((n) => n.name).join(", ") || t().errors.noAgents }));
      }
      await (await docker()).stopContainer(node.containerId);
    },
    async startNode(name) {
      await (await docker()).startContainer(containerOf(name).containerId);
    },
    async nodeStates() {
      const { machineState } = await docker();
      return Promise.all(handle.nodes.map(async ({ name, role, containerId }) => ({ node: { name, role }, machine: await machineState(containerId) })));
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

async function serverUrl(kubeconfig: string): Promise<string> {
  try {
    const { KubeClient } = await import("../kube/kube-client.ts");
    return new KubeClient(kubeconfig).server;
  } catch {
    return t().errors.theApiServer;
  }
}
