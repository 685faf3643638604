import { readFile } from "node:fs/promises";
import { KubeConfig } from "../kube/kubernetes-client.ts";
import type { Cluster } from "./cluster.ts";
import { whyApiUnreachable } from "./api-reachability.ts";
import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/**
 * An existing cluster (kind, k3d, a class's shared cluster) given by a kubeconfig file.
 * grade neither loads images into it nor stops it or its nodes: it only borrows it.
 */
export async function borrowCluster(kubeconfigFile: string): Promise<Cluster> {
  let kubeconfig: string;
  try {
    kubeconfig = await readFile(kubeconfigFile, "utf8");
  } catch {
    throw new UsageError(t().errors.unreadableKubeconfig({ file: kubeconfigFile }));
  }
  const config = new KubeConfig();
  try {
    config.loadFromString(kubeconfig);
  } catch (e) {
    throw new UsageError(t().errors.invalidKubeconfig({ file: kubeconfigFile, error: (e as Error).message }));
  }
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new UsageError(t().errors.noCurrentCluster({ file: kubeconfigFile }));
  const notOurs = (message: (p: { server: string; file: string }) => string) => () => Promise.reject(new UsageError(message({ server, file: kubeconfigFile })));
  return {
    kubeconfig,
    description: t().errors.borrowedDescription({ server }),
    handle: { provider: "kubeconfig", file: kubeconfigFile },
    nodes: [],
    whyUnreachable: () => whyApiUnreachable(kubeconfig),
    loadImages: async (images) => images.map((image) => t().progress.imageBorrowed({ image })),
    stopNode: notOurs(t().errors.cannotStopNode),
    startNode: notOurs(t().errors.cannotStartNode),
    nodeStates: async () => [],
    stop: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}
