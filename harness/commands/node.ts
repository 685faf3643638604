import { KubeClient } from "../kube/kube-client.ts";
import { readState } from "../state.ts";
import { EXIT, UsageError } from "../errors.ts";
import { reachableCluster } from "./session-cluster.ts";
import type { Cluster } from "../cluster/cluster.ts";

/**
 * grade node list|stop|start [NAME]: a learner's hands on the nodes of the cluster `grade start`
 * made. Stopping a node stops its machine (the k3s container), as a power cut would: Kubernetes
 * notices on its own, as it would in a real cluster.
 */
export async function nodeCommand(action: string, name: string | undefined): Promise<number> {
  const state = await readState();
  if (!state) throw new UsageError("no cluster here: run `grade start <exercise>` first");
  const cluster = await reachableCluster({ state, exerciseRef: state.exerciseId });
  if (action === "list") return listNodes(cluster);
  if (action !== "stop" && action !== "start") throw new UsageError(`unknown action "${action}": use grade node list, grade node stop NAME or grade node start NAME`);
  if (!name) throw new UsageError(`which node? grade node ${action} NAME, one of: ${cluster.nodes.map((n) => n.name).join(", ") || "(grade knows no nodes of this cluster)"}`);
  if (action === "stop") {
    await cluster.stopNode(name);
    process.stdout.write(`Stopped ${name}. Kubernetes marks it NotReady when its kubelet has been silent for the node monitor grace period (about 50 s); watch with \`kubectl get nodes -w\`. \`grade node start ${name}\` brings it back.\n`);
  } else {
    await cluster.startNode(name);
    process.stdout.write(`Started ${name}. It turns Ready again once its kubelet reports (seconds); watch with \`kubectl get nodes -w\`.\n`);
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
