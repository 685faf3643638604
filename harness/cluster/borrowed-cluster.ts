import { readFile } from "node:fs/promises";
import { KubeConfig } from "@kubernetes/client-node";
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
    throw new UsageError(`cannot read kubeconfig ${kubeconfigFile}: check the path given to --kubeconfig`);
  }
  const config = new KubeConfig();
  try {
    config.loadFromString(kubeconfig);
  } catch (e) {
    throw new UsageError(`${kubeconfigFile} is not a valid kubeconfig: ${(e as Error).message}`);
  }
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new UsageError(`${kubeconfigFile} names no current cluster (set current-context)`);
  const notOurs = (what: string) => () => Promise.reject(new UsageError(`grade cannot ${what} of a cluster it did not start (${server}, from ${kubeconfigFile})`));
  return {
    kubeconfig,
    description: `existing cluster at ${server}`,
    handle: { provider: "kubeconfig", file: kubeconfigFile },
    nodes: [],
    whyUnreachable: () => whyApiUnreachable(kubeconfig),
    loadImages: async (images) => images.map((image) => t().progress.imageBorrowed({ image })),
    stopNode: notOurs("stop a node"),
    startNode: notOurs("start a node"),
    nodeStates: async () => [],
    stop: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}
