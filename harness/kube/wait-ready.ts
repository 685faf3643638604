import type { KubeClient } from "./kube-client.ts";
import type { AppliedObject } from "./apply-manifests.ts";
import type { KubeObject } from "../../graders/types.ts";
import { InfrastructureError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/** A pod is ready a second or two after it is applied; a look costs a few list calls, so look often. */
const POLL_MS = 100;
/** Waiting reasons that will not fix themselves: stop waiting and say so. */
const HOPELESS = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "CreateContainerConfigError"]);

/**
 * Waits until every workload applied is ready (Deployments: all replicas available; Pods: Ready).
 * Other kinds count as ready once applied. Gives up at the deadline, saying what it still waited for.
 */
export async function waitUntilReady(kube: KubeClient, objects: AppliedObject[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending: string[] = [];
  for (;;) {
    pending = [];
    for (const o of objects) {
      const problem = await notReadyReason(kube, o);
      if (problem) pending.push(problem);
    }
    if (pending.length === 0) return;
    const stuck = await hopelessPods(kube, objects);
    if (stuck.length) throw new InfrastructureError(t().errors.starterCannotBeReady({ problems: stuck.map((s) => `  ${s}`).join("\n") }));
    if (Date.now() > deadline) {
      throw new InfrastructureError(t().errors.starterNotReady({ seconds: timeoutMs / 1000, pending: pending.map((p) => `  ${p}`).join("\n") }));
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function notReadyReason(kube: KubeClient, o: AppliedObject): Promise<string | undefined> {
  if (!["Deployment", "StatefulSet", "ReplicaSet", "Pod"].includes(o.kind)) return undefined;
  const [object] = await kube.listObjects({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, name: o.name });
  if (!object) return t().errors.objectNotFound({ object: `${o.kind} ${o.name}` });
  if (o.kind === "Pod") {
    const ready = (status(object).conditions as { type: string; status: string }[] | undefined)?.some((c) => c.type === "Ready" && c.status === "True");
    return ready ? undefined : t().errors.podNotReady({ pod: o.name, phase: String(status(object).phase ?? "unknown") });
  }
  const want = Number((object.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  const have = Number(status(object).readyReplicas ?? 0);
  return have >= want ? undefined : t().errors.replicasReady({ object: `${o.kind} ${o.name}`, ready: have, wanted: want });
}

const status = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown>;

/** Pods of the applied objects' namespaces whose containers wait for a reason that won't pass. */
async function hopelessPods(kube: KubeClient, objects: AppliedObject[]): Promise<string[]> {
  const namespaces = [...new Set(objects.map((o) => o.namespace))];
  const out: string[] = [];
  for (const namespace of namespaces) {
    const pods = await kube.listObjects({ apiVersion: "v1", kind: "Pod", namespace });
    for (const pod of pods) {
      const statuses = (status(pod).containerStatuses ?? []) as { name: string; image: string; state?: { waiting?: { reason?: string; message?: string } } }[];
      for (const c of statuses) {
        const reason = c.state?.waiting?.reason;
        if (reason && HOPELESS.has(reason)) {
          out.push(t().errors.containerStuck({ pod: pod.metadata?.name ?? "", container: c.name, reason, image: c.image, advice: imageAdvice(reason) }));
        }
      }
    }
  }
  return out;
}

function imageAdvice(reason: string): string {
  return reason.includes("Pull") || reason === "InvalidImageName" ? t().errors.cannotPull : t().errors.describeThePod;
}

/**
 * Waits until the cluster's own Deployments in kube-system (CoreDNS; on k3s also the local-path
 * provisioner and metrics-server) are available: a learner's first `nslookup` or Service by name
 * must not meet a DNS that is still starting. With `freshSince` (a cluster restored from its
 * snapshot), their pods must also be running containers started since then: until the kubelet looks
 * again, the restored pods and Deployments still say Ready from before the snapshot was taken.
 */
export async function waitForSystemWorkloads(kube: KubeClient, timeoutMs: number, freshSince?: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const deployments = await kube.listObjects({ apiVersion: "apps/v1", kind: "Deployment", namespace: "kube-system" });
  const objects = deployments.map((d) => ({ apiVersion: "apps/v1", kind: "Deployment", name: d.metadata?.name ?? "", namespace: "kube-system" }));
  await waitUntilReady(kube, objects, timeoutMs);
  if (freshSince === undefined) return;
  for (;;) {
    const pods = await kube.listObjects({ apiVersion: "v1", kind: "Pod", namespace: "kube-system" });
    const stale = pods.filter((pod) => !["Succeeded", "Failed"].includes(String(status(pod).phase)) && !runsFreshAndReady(pod, freshSince));
    if (stale.length === 0) return;
    if (Date.now() > deadline) {
      const pending = stale.map((pod) => `  ${t().errors.podNotReady({ pod: pod.metadata?.name ?? "", phase: String(status(pod).phase ?? "unknown") })}`);
      throw new InfrastructureError(t().errors.starterNotReady({ seconds: timeoutMs / 1000, pending: pending.join("\n") }));
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function runsFreshAndReady(pod: KubeObject, since: number): boolean {
  const containers = (status(pod).containerStatuses ?? []) as { ready?: boolean; state?: { running?: { startedAt?: string } } }[];
  return containers.length > 0 && containers.every((c) => c.ready === true && isFresh(c.state?.running?.startedAt, since));
}

/**
 * Whether a status time (RFC 3339, whole seconds) was written at or after `since` (ms since the
 * epoch, on the cluster's clock: see Cluster.startedAt). The second it was cut to is forgiven; a
 * snapshot's statuses are older by the seconds its nodes took to stop and be copied at the least.
 */
export function isFresh(time: string | undefined, since: number): boolean {
  const ms = Date.parse(time ?? "");
  return Number.isFinite(ms) && ms >= since - 1_000;
}
