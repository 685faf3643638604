import { randomBytes } from "node:crypto";
import createDebug from "debug";
import type { ClusterProbe, KubeObject, ProbeOrigin } from "../../graders/types.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { httpGetCommand, parseHttpOutput, parseResolveOutput, resolveCommand } from "./probe-commands.ts";
import { t } from "../i18n/messages.ts";

const debug = createDebug("grade:probe");

/** Out of the learner's way: `kubectl get pods` in their namespaces never shows the probe. */
export const PROBE_NAMESPACE = "grade-probe";
const MANAGED_BY = { "app.kubernetes.io/managed-by": "grade", "app.kubernetes.io/component": "probe" };
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 250;
/** A probe grade failed to remove (a killed process) ends by itself after this. */
const LIFETIME_S = 600;
const CONTAINER = "probe";
/** Waiting reasons that will not pass: say so at once rather than at the deadline. */
const HOPELESS = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "CreateContainerConfigError"]);

function probePod(name: string, origin: ProbeOrigin, image: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: PROBE_NAMESPACE, labels: { ...MANAGED_BY, "grade.dev/probe-origin": origin } },
    spec: {
      // "node": the node's own network namespace, so requests leave from the node as curl on it would.
      hostNetwork: origin === "node",
      dnsPolicy: origin === "node" ? "ClusterFirstWithHostNet" : "ClusterFirst",
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      restartPolicy: "Never",
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: LIFETIME_S,
      containers: [{ name: CONTAINER, image, imagePullPolicy: "IfNotPresent", command: ["sleep", String(LIFETIME_S)] }],
    },
  };
}

/**
 * grade's probes in a cluster: a pod per origin, started on first use (in a namespace of its own)
 * and deleted by remove() when grading ends. Checks reach them only as ClusterProbe.
 */
export class ProbePods {
  private readonly probes = new Map<ProbeOrigin, Promise<ClusterProbe>>();
  private readonly created: string[] = [];

  private readonly kube: KubeClient;
  private readonly image: string;

  constructor(kube: KubeClient, image: string) {
    this.kube = kube;
    this.image = image;
  }

  /** The probe for an origin; a probe that failed to start stays failed for this grading (no minute-long retries per check). */
  get(origin: ProbeOrigin): Promise<ClusterProbe> {
    let probe = this.probes.get(origin);
    if (!probe) {
      probe = this.start(origin);
      this.probes.set(origin, probe);
    }
    return probe;
  }

  async remove(): Promise<void> {
    const names = this.created.splice(0);
    this.probes.clear();
    await Promise.all(names.map((name) => this.kube.deletePod(PROBE_NAMESPACE, name).catch((e: unknown) => debug("removing %s: %s", name, (e as Error).message))));
  }

  private async start(origin: ProbeOrigin): Promise<ClusterProbe> {
    await this.kube.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: PROBE_NAMESPACE, labels: MANAGED_BY } });
    await this.removeFinished();
    const name = `probe-${origin}-${randomBytes(3).toString("hex")}`;
    debug("starting %s (%s)", name, this.image);
    await this.createPod(probePod(name, origin, this.image));
    this.created.push(name);
    const pod = await this.waitReady(name);
    const node = String((pod.spec as { nodeName?: string }).nodeName ?? "");
    const nodeIP = String((pod.status as { hostIP?: string }).hostIP ?? "");
    const exec = async (command: string[]) => {
      const r = await this.kube.exec(PROBE_NAMESPACE, name, CONTAINER, command);
      if (r.exitCode !== 0 && r.stdout === "") throw new Error(t().checks.probe.couldNotRun({ image: this.image, exitCode: r.exitCode, stderr: r.stderr.trim() }));
      return r.stdout;
    };
    return {
      origin,
      node,
      nodeIP,
      resolve: async (host) => parseResolveOutput(await exec(resolveCommand(host))),
      httpGet: async (host, port, path, count) => parseHttpOutput(await exec(httpGetCommand(host, port, path, count)), count),
    };
  }

  /** A new namespace gets its default ServiceAccount a moment after it exists; pods wait for it. */
  private async createPod(pod: KubeObject): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        await this.kube.apply(pod as never);
        return;
      } catch (e) {
        const text = JSON.stringify((e as { body?: unknown }).body ?? (e as Error).message);
        if (!/serviceaccount/i.test(text) || Date.now() > deadline) throw new Error(t().checks.probe.couldNotCreate({ namespace: PROBE_NAMESPACE, error: text }));
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
  }

  private async waitReady(name: string): Promise<KubeObject> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const say = t().checks;
    let state = say.probe.notCreatedYet;
    while (Date.now() < deadline) {
      const [pod] = await this.kube.listObjects({ apiVersion: "v1", kind: "Pod", namespace: PROBE_NAMESPACE, name });
      const status = (pod?.status ?? {}) as {
        phase?: string;
        conditions?: { type: string; status: string; reason?: string; message?: string }[];
        containerStatuses?: { state?: { waiting?: { reason?: string; message?: string } } }[];
      };
      if (status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) return pod!;
      const waiting = status.containerStatuses?.[0]?.state?.waiting;
      if (waiting?.reason && HOPELESS.has(waiting.reason)) {
        throw new Error(say.probe.cannotStart({ reason: waiting.reason, image: this.image }));
      }
      const unschedulable = status.conditions?.find((c) => c.type === "PodScheduled" && c.status === "False");
      state = unschedulable
        ? say.probe.notScheduled({ why: unschedulable.message ?? unschedulable.reason ?? "" })
        : `${say.podPlacement.phase({ phase: status.phase })}${waiting?.reason ? `, ${waiting.reason}` : ""}`;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(say.probe.notReady({ pod: `${PROBE_NAMESPACE}/${name}`, seconds: READY_TIMEOUT_MS / 1000, state }));
  }

  /** Probes a killed grade left behind have ended by now (activeDeadlineSeconds); clear them away. */
  private async removeFinished(): Promise<void> {
    const pods = await this.kube.listObjects({ apiVersion: "v1", kind: "Pod", namespace: PROBE_NAMESPACE, labelSelector: "app.kubernetes.io/component=probe" });
    const finished = pods.filter((p) => ["Failed", "Succeeded"].includes(String((p.status as { phase?: string } | undefined)?.phase)));
    await Promise.all(finished.map((p) => this.kube.deletePod(PROBE_NAMESPACE, p.metadata!.name!)));
  }
}
