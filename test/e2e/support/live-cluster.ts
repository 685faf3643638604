import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startK3sCluster } from "../../../harness/cluster/k3s-cluster.ts";
import type { Cluster } from "../../../harness/cluster/cluster.ts";
import { KubeClient } from "../../../harness/kube/kube-client.ts";
import { applyManifests } from "../../../harness/kube/apply-manifests.ts";
import { waitUntilReady } from "../../../harness/kube/wait-ready.ts";

export interface LiveCluster extends AsyncDisposable {
  cluster: Cluster;
  kube: KubeClient;
  kubeconfigFile: string;
  dir: string;
}

/** A real k3s (through K3sContainer, as users get it) with images loaded and manifests applied. */
export async function liveCluster(o: { images: string[]; manifests: string[] }): Promise<LiveCluster> {
  const cluster = await startK3sCluster({ exerciseId: "e2e", keepAlive: false });
  try {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grade-e2e-"));
    const kubeconfigFile = path.join(dir, "kubeconfig");
    writeFileSync(kubeconfigFile, cluster.kubeconfig, { mode: 0o600 });
    await cluster.loadImages(o.images);
    const kube = new KubeClient(cluster.kubeconfig);
    await waitUntilReady(kube, await applyManifests(kube, o.manifests), 180_000);
    return { cluster, kube, kubeconfigFile, dir, [Symbol.asyncDispose]: () => cluster.stop() };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

/** `kubectl proxy` on a free port; resolves once it serves. */
export function kubectlProxy(kubeconfigFile: string): Promise<{ port: number; process: ChildProcess; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn("kubectl", ["proxy", "--port=0"], { env: { ...process.env, KUBECONFIG: kubeconfigFile }, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("kubectl proxy did not start serving within 20 s"));
    }, 20_000);
    child.stdout.on("data", (d: Buffer) => {
      const m = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), process: child, stop: () => child.kill() });
      }
    });
    child.on("error", reject);
  });
}
