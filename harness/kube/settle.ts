import type { KubeObject } from "../../graders/types.ts";
import type { KubeClient } from "./kube-client.ts";
import { t } from "../i18n/messages.ts";

/**
 * When is a cluster settled enough to grade? Retrying a check is for a cluster still changing (a
 * rollout, a pod starting, a script's last command still landing), never for a wrong answer. So
 * grade waits until nothing is in motion, then runs every check once.
 *
 * Settled means: no pod is on its way somewhere (being scheduled, pulling, creating containers,
 * starting, terminating), every workload controller has seen its latest spec, and nothing the
 * learner can see (pods, workloads, services, endpoints) changed between two looks SETTLE_POLL_MS
 * apart, and no Service or endpoint changed so recently that kube-proxy may not route it yet.
 * Stuck is settled too: an image that cannot be pulled, a crash loop, an unschedulable pod, a pod
 * on a node that is down will not change by waiting, and grading says what it found.
 */
export const SETTLE_POLL_MS = 60;
/** Failed looks in a row before settling gives up (the error goes on to the caller). */
const READ_ATTEMPTS = 3;
/** A pod that just started may still be finding its feet (readiness probes): this long. */
const STARTING_MS = 10_000;
/**
 * A Service or its endpoints changed this recently may not be routed yet: kube-proxy syncs its
 * rules at most once a second (iptables.minSyncPeriod), and the change time is kept in seconds.
 */
const ROUTING_MS = 2_000;

/** Waiting reasons that will not fix themselves soon: the pod is stuck, which is a state to grade. */
const STUCK_REASONS = new Set([
  "ImagePullBackOff",
  "ErrImagePull",
  "InvalidImageName",
  "ErrImageNeverPull",
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
]);

export interface ClusterSnapshot {
  pods: KubeObject[];
  /** Deployments, ReplicaSets, StatefulSets, DaemonSets. */
  workloads: KubeObject[];
  /** Services and EndpointSlices: they follow pods a moment later. */
  routing: KubeObject[];
  /** Names of Ready nodes. */
  readyNodes: Set<string>;
}

/** Learners' namespaces: the system's own and grade's (its probes) move on their own. */
const watched = (o: KubeObject) => {
  const ns = o.metadata?.namespace ?? "";
  return !ns.startsWith("kube-") && !ns.startsWith("grade-");
};

export async function readClusterState(kube: KubeClient): Promise<ClusterSnapshot> {
  const list = (apiVersion: string, kind: string) => kube.listObjects({ apiVersion, kind }).then((xs) => xs.filter(watched));
  const [pods, deployments, replicaSets, statefulSets, daemonSets, services, slices, nodes] = await Promise.all([
    list("v1", "Pod"),
    list("apps/v1", "Deployment"),
    list("apps/v1", "ReplicaSet"),
    list("apps/v1", "StatefulSet"),
    list("apps/v1", "DaemonSet"),
    list("v1", "Service"),
    list("discovery.k8s.io/v1", "EndpointSlice"),
    kube.listNodes(),
  ]);
  return { pods, workloads: [...deployments, ...replicaSets, ...statefulSets, ...daemonSets], routing: [...services, ...slices], readyNodes: new Set(nodes.filter((n) => n.ready).map((n) => n.name)) };
}

/** What is still in motion, one line each ("pod web-1: ContainerCreating"); empty when nothing is. */
export function inMotion(snapshot: ClusterSnapshot, now: number): string[] {
  const say = t().progress;
  const moving: string[] = [];
  for (const pod of snapshot.pods) {
    const why = podInMotion(pod, snapshot.readyNodes, now);
    if (why) moving.push(say.podMoving({ pod: `${pod.metadata?.namespace}/${pod.metadata?.name}`, why }));
  }
  for (const r of snapshot.routing) {
    const changed = Math.max(0, ...((r.metadata as { managedFields?: { time?: string }[] }).managedFields ?? []).map((f) => Date.parse(f.time ?? "") || 0));
    if (now - changed < ROUTING_MS) moving.push(say.routingChanged({ object: `${r.kind} ${r.metadata?.namespace}/${r.metadata?.name}`, seconds: Math.max(0, Math.round((now - changed) / 1000)) }));
  }
  for (const w of snapshot.workloads) {
    const generation = Number((w.metadata as { generation?: number } | undefined)?.generation ?? 0);
    const observed = Number((w.status as { observedGeneration?: number } | undefined)?.observedGeneration ?? 0);
    if (observed < generation) moving.push(say.controllerBehind({ object: `${w.kind} ${w.metadata?.namespace}/${w.metadata?.name}` }));
  }
  return moving;
}

function podInMotion(pod: KubeObject, readyNodes: Set<string>, now: number): string | undefined {
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  const status = (pod.status ?? {}) as PodStatus;
  const onDeadNode = spec.nodeName !== undefined && !readyNodes.has(spec.nodeName);
  if ((pod.metadata as { deletionTimestamp?: string }).deletionTimestamp) return onDeadNode ? undefined : "Terminating";
  if (onDeadNode) return undefined; // nothing on a node that is down moves until it comes back
  const containers = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  if (containers.some((c) => STUCK_REASONS.has(c.state?.waiting?.reason ?? ""))) return undefined;
  if (status.phase === "Succeeded" || status.phase === "Failed") return undefined;
  if (status.phase === "Pending") {
    const unschedulable = status.conditions?.some((c) => c.type === "PodScheduled" && c.status === "False" && c.reason === "Unschedulable");
    return unschedulable ? undefined : (containers.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason ?? "Pending");
  }
  const ready = status.conditions?.some((c) => c.type === "Ready" && c.status === "True");
  if (!ready) {
    const started = Math.max(0, ...containers.map((c) => Date.parse(c.state?.running?.startedAt ?? "") || 0));
    if (now - started < STARTING_MS) return t().progress.podStarting;
  }
  return undefined;
}

interface PodStatus {
  phase?: string;
  conditions?: { type: string; status: string; reason?: string }[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}
interface ContainerStatus {
  state?: { waiting?: { reason?: string }; running?: { startedAt?: string } };
}

/** Changes between two looks: every object learners see, by name and resourceVersion. */
function fingerprint(snapshot: ClusterSnapshot): string {
  return [...snapshot.pods, ...snapshot.workloads, ...snapshot.routing]
    .map((o) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}@${(o.metadata as { resourceVersion?: string }).resourceVersion}`)
    .sort()
    .join("\n");
}

export interface SettleResult {
  ms: number;
  /** Set when the deadline came first: what was still in motion then. */
  stillMoving?: string[];
}

/**
 * Looks until the cluster is settled (nothing in motion, and the same on two looks in a row) or the
 * deadline passes, whichever comes first. Never throws for a cluster that keeps moving: grading
 * then goes ahead and the caller says what was still moving.
 */
export async function waitUntilSettled(
  read: () => Promise<ClusterSnapshot>,
  timeoutMs: number,
  clock: { now(): number; sleep(ms: number): Promise<void> },
  /** "Now" by the cluster's clock, which its start and change times are compared with. */
  clusterNow: () => number = Date.now,
): Promise<SettleResult> {
  const started = clock.now();
  let previous: string | undefined;
  let failedReads = 0;
  for (;;) {
    let snapshot: ClusterSnapshot;
    try {
      snapshot = await read();
      failedReads = 0;
    } catch (e) {
      // One lost answer is no reason to give up grading; a cluster that stops answering is.
      if (++failedReads >= READ_ATTEMPTS) throw e;
      previous = undefined;
      await clock.sleep(SETTLE_POLL_MS);
      continue;
    }
    const moving = inMotion(snapshot, clusterNow());
    const print = fingerprint(snapshot);
    if (moving.length === 0 && print === previous) return { ms: clock.now() - started };
    previous = moving.length === 0 ? print : undefined;
    if (clock.now() - started + SETTLE_POLL_MS > timeoutMs) return { ms: clock.now() - started, stillMoving: moving.length ? moving : [t().progress.keptChanging] };
    await clock.sleep(SETTLE_POLL_MS);
  }
}
