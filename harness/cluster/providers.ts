import type { Cluster, ClusterHandle, StartOptions } from "./cluster.ts";
import { borrowCluster } from "./borrowed-cluster.ts";
import { attachK3sCluster, startK3sCluster } from "./k3s-cluster.ts";

/**
 * Where clusters come from: `k3s` (started here in Docker, the default) or `kubeconfig` (an
 * existing cluster, borrowed). Every command gets its cluster through these two functions.
 */
export function obtainCluster(o: StartOptions & { kubeconfigFile?: string }): Promise<Cluster> {
  return o.kubeconfigFile ? borrowCluster(o.kubeconfigFile) : startK3sCluster(o);
}

/** The cluster a handle (kept in .grade/state.json by `grade start`) names, from another process. */
export function attachCluster(handle: ClusterHandle, kubeconfig: string): Promise<Cluster> {
  switch (handle.provider) {
    case "k3s":
      return attachK3sCluster(handle, kubeconfig);
    case "kubeconfig":
      return borrowCluster(handle.file);
  }
}
