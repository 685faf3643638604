import { readFile } from "node:fs/promises";
import type { Cluster } from "../cluster/cluster.ts";
import { borrowCluster } from "../cluster/borrowed-cluster.ts";
import { attachCluster } from "../cluster/providers.ts";
import { InfrastructureError } from "../errors.ts";
import type { SessionState } from "../state.ts";
import { t } from "../i18n/messages.ts";

/**
 * The cluster a command works on: --kubeconfig's, else the one `grade start` left (its state),
 * checked to answer within seconds. An unreachable cluster is an infrastructure error (exit 3)
 * naming the server and what to do, not a pile of timed-out checks.
 */
export async function reachableCluster(o: { kubeconfig?: string; state?: SessionState; exerciseRef: string }): Promise<Cluster> {
  const cluster = o.kubeconfig ? await borrowCluster(o.kubeconfig) : await attachCluster(o.state!.cluster, await readFile(o.state!.kubeconfigFile, "utf8"));
  const why = await cluster.whyUnreachable();
  if (why) {
    const advice =
      o.kubeconfig || o.state?.cluster.provider === "kubeconfig"
        ? t().session.checkTheKubeconfig({ file: o.kubeconfig ?? o.state?.kubeconfigFile ?? "" })
        : t().session.startAnother({ exercise: o.exerciseRef });
    throw new InfrastructureError(`${why}: ${advice}.`);
  }
  return cluster;
}
