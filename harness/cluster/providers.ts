import type { Cluster, ClusterHandle, StartOptions } from "./cluster.ts";
import { k3sCluster } from "./k3s-kept-cluster.ts";

/**
 * Where clusters come from: `k3s` (started here in Docker, the default) or `kubeconfig` (an
 * existing cluster, borrowed). Every command gets its cluster through these two functions.
 */
export async function obtainCluster(o: StartOptions & { kubeconfigFile?: string }): Promise<Cluster> {
  // Starting needs testcontainers and the k3s module; attaching (check, node, stop) does not. The
  // Kubernetes client (borrowing) is loaded only when needed: a start loads it while Docker works.
  return o.kubeconfigFile ? borrowCluster(o.kubeconfigFile) : (await import("./k3s-cluster.ts")).startK3sCluster(o);
}

/** The cluster a handle (kept in .grade/state.json by `grade start`) names, from another process. */
export async function attachCluster(handle: ClusterHandle, kubeconfig: string): Promise<Cluster> {
  switch (handle.provider) {
    case "k3s":
      return k3sCluster(handle, kubeconfig);
    case "kubeconfig":
      return borrowCluster(handle.file);
  }
}

const borrowCluster = async (file: string) => (await import("./borrowed-cluster.ts")).borrowCluster(file);
