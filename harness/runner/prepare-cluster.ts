import type { Cluster } from "../cluster/cluster.ts";
import { obtainCluster } from "../cluster/providers.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import { requiredImages } from "../exercise/required-images.ts";
import { applyManifests } from "../kube/apply-manifests.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { waitForSystemWorkloads, waitUntilReady } from "../kube/wait-ready.ts";
import { step } from "../ui/step.ts";
import { InfrastructureError } from "../errors.ts";
import { onInterrupt } from "./teardown.ts";
import { t } from "../i18n/messages.ts";

export interface PreparedCluster {
  cluster: Cluster;
  kube: KubeClient;
  /** ms per phase: cluster, images, starter. */
  timings: Record<string, number>;
}

/**
 * Cluster → images → starter manifests → ready. On any failure (or Ctrl-C) a cluster grade
 * started is removed before the error goes on: nothing is left running.
 */
export async function prepareCluster(loaded: LoadedExercise, o: { kubeconfigFile?: string; keepAlive: boolean }): Promise<PreparedCluster> {
  const { exercise } = loaded;
  const say = t().progress;
  const wanted = requiredImages(exercise);
  const title = o.kubeconfigFile ? say.connecting({ file: o.kubeconfigFile }) : say.startingK3s({ nodes: exercise.cluster.nodes });
  let forget = () => {};
  const started = await step(title, async (note) => {
    const cluster = await obtainCluster({ exerciseId: exercise.id, keepAlive: o.keepAlive, nodes: exercise.cluster.nodes, images: wanted, kubeconfigFile: o.kubeconfigFile, progress: note });
    // From here on a Ctrl-C removes it (the start's own handler ended with the start).
    forget = onInterrupt(() => cluster.stop());
    const why = await cluster.whyUnreachable();
    if (why) {
      forget();
      await cluster.stop();
      throw new InfrastructureError(t().errors.clusterUnreachable({ why, file: o.kubeconfigFile }));
    }
    return cluster;
  });
  const cluster = started.value;
  try {
    // Loaded here, not at the top: a k3s start has loaded it already while it waited (k3s-cluster.ts).
    const kube = new (await import("../kube/kube-client.ts")).KubeClient(cluster.kubeconfig);
    const images = await step(say.makingImages({ count: wanted.length }), () => cluster.loadImages(wanted));
    for (const line of images.value) process.stderr.write(`    ${line}\n`);
    const starter = await step(say.applyingStarter({ count: loaded.starterFiles.length }), async () => {
      const applied = await applyManifests(kube, loaded.starterFiles);
      // The cluster's own services (DNS) come up meanwhile; the learner gets both ready.
      await Promise.all([waitUntilReady(kube, applied, exercise.ready.timeout), waitForSystemWorkloads(kube, exercise.ready.timeout, cluster.startedAt)]);
      return applied;
    });
    forget();
    return { cluster, kube, timings: { cluster: started.ms, images: images.ms, starter: starter.ms } };
  } catch (e) {
    forget();
    await cluster.stop();
    throw e;
  }
}
