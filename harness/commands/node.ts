import { KubeClient } from "../kube/kube-client.ts";
import { readState } from "../state.ts";
import { EXIT, UsageError } from "../errors.ts";
import { reachableCluster } from "./session-cluster.ts";
import type { Cluster } from "../cluster/cluster.ts";
import { t } from "../i18n/messages.ts";

/**
 * grade node list|stop|start [NAME]: a learner's hands on the nodes of the cluster `grade start`
 * made. Stopping a node stops its machine (the k3s container), as a power cut would: Kubernetes
 * notices on its own, as it would in a real cluster.
 */
export async function nodeCommand(action: string, name: string | undefined): Promise<number> {
  const say = t().session;
  const state = await readState();
  if (!state) throw new UsageError(say.noClusterHere);
  const cluster = await reachableCluster({ state, exerciseRef: state.exerciseId });
  if (action === "list") return listNodes(cluster);
  if (action !== "stop" && action !== "start") throw new UsageError(say.unknownNodeAction({ action }));
  if (!name) throw new UsageError(say.whichNode({ action, nodes: cluster.nodes.map((n) => n.name).join(", ") || say.noKnownNodes }));
  if (action === "stop") {
    await cluster.stopNode(name);
    process.stdout.write(`${say.nodeStopped({ node: name })}\n`);
  } else {
    await cluster.startNode(name);
    process.stdout.write(`${say.nodeStarted({ node: name })}\n`);
  }
  return EXIT.ok;
}

async function listNodes(cluster: Cluster): Promise<number> {
  const [machines, nodes] = await Promise.all([cluster.nodeStates(), new KubeClient(cluster.kubeconfig).listNodes()]);
  const ready = new Map(nodes.map((n) => [n.name, n.ready]));
  const rows = [["NAME", "ROLE", "MACHINE", "KUBERNETES"], ...machines.map(({ node, machine }) => [node.name, node.role, machine, !ready.has(node.name) ? "unknown" : ready.get(node.name) ? "Ready" : "NotReady"])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(row.map((cell, i) => cell.padEnd(widths[i]!)).join("   ").trimEnd() + "\n");
  return EXIT.ok;
}
