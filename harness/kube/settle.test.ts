import { describe, expect, it } from "vitest";
import { fakeClock } from "../../graders/test-support/fake-clock.ts";
import type { KubeObject } from "../../graders/types.ts";
import { SETTLE_POLL_MS, inMotion, waitUntilSettled, type ClusterSnapshot } from "./settle.ts";

const NOW = Date.parse("2026-11-27T12:00:00Z");
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

function pod(name: string, status: Record<string, unknown>, extra: { node?: string; deleting?: boolean; rv?: string } = {}): KubeObject {
  return {
    kind: "Pod",
    metadata: { name, namespace: "default", resourceVersion: extra.rv ?? "1", ...(extra.deleting && { deletionTimestamp: ago(1) }) } as KubeObject["metadata"],
    spec: { nodeName: extra.node ?? "k3s-server" },
    status,
  };
}
const ready = { type: "Ready", status: "True" };
const running = (startedSecondsAgo = 60) => ({ phase: "Running", conditions: [ready], containerStatuses: [{ state: { running: { startedAt: ago(startedSecondsAgo) } } }] });
const waiting = (reason: string) => ({ phase: "Pending", containerStatuses: [{ state: { waiting: { reason } } }] });
const snap = (pods: KubeObject[], workloads: KubeObject[] = [], readyNodes = ["k3s-server"]): ClusterSnapshot => ({ pods, workloads, routing: [], readyNodes: new Set(readyNodes) });

describe("inMotion", () => {
  it("is empty for running, ready pods and workloads that saw their spec", () => {
    const deployment = { kind: "Deployment", metadata: { name: "web", namespace: "default", generation: 2 } as KubeObject["metadata"], status: { observedGeneration: 2 } };
    expect(inMotion(snap([pod("a", running())], [deployment]), NOW)).toEqual([]);
  });

  it("names pods on their way somewhere: scheduling, creating, starting, terminating", () => {
    const moving = inMotion(
      snap([
        pod("pending", { phase: "Pending" }),
        pod("creating", waiting("ContainerCreating")),
        pod("starting", { phase: "Running", conditions: [{ type: "Ready", status: "False" }], containerStatuses: [{ state: { running: { startedAt: ago(2) } } }] }),
        pod("leaving", running(), { deleting: true }),
      ]),
      NOW,
    );
    expect(moving).toEqual(["pod default/pending: Pending", "pod default/creating: ContainerCreating", "pod default/starting: starting", "pod default/leaving: Terminating"]);
  });

  it("counts stuck as settled: waiting will not change an image that cannot be pulled, a crash loop, an unschedulable pod", () => {
    const unschedulable = { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] };
    const neverReady = { phase: "Running", conditions: [{ type: "Ready", status: "False" }], containerStatuses: [{ state: { running: { startedAt: ago(60) } } }] };
    expect(inMotion(snap([pod("a", waiting("ImagePullBackOff")), pod("b", waiting("ErrImagePull")), pod("c", waiting("CrashLoopBackOff")), pod("d", unschedulable), pod("e", neverReady)]), NOW)).toEqual([]);
  });

  it("counts pods on a node that is down as settled, even terminating ones: they wait for the node", () => {
    expect(inMotion(snap([pod("a", running(), { node: "k3s-agent-1", deleting: true }), pod("b", running(), { node: "k3s-agent-1" })], [], ["k3s-server"]), NOW)).toEqual([]);
  });

  it("waits out a Service or endpoints changed in the last seconds: kube-proxy may not route them yet", () => {
    const service = (changedSecondsAgo: number): KubeObject => ({
      kind: "Service",
      metadata: { name: "web", namespace: "default", managedFields: [{ time: ago(changedSecondsAgo) }] } as KubeObject["metadata"],
    });
    expect(inMotion({ ...snap([]), routing: [service(1)] }, NOW)).toEqual(["Service default/web: changed 1 s ago, not surely routed yet"]);
    expect(inMotion({ ...snap([]), routing: [service(3)] }, NOW)).toEqual([]);
  });

  it("names a workload whose controller has not acted on its latest change", () => {
    const deployment = { kind: "Deployment", metadata: { name: "web", namespace: "default", generation: 3 } as KubeObject["metadata"], status: { observedGeneration: 2 } };
    expect(inMotion(snap([], [deployment]), NOW)).toEqual(["Deployment default/web: its controller has not acted on the latest change yet"]);
  });
});

describe("waitUntilSettled", () => {
  it("is settled once nothing moves and two looks in a row agree", async () => {
    const clock = fakeClock();
    const looks = [snap([pod("a", waiting("ContainerCreating"))]), snap([pod("a", running(1), { rv: "2" })]), snap([pod("a", running(), { rv: "3" })]), snap([pod("a", running(), { rv: "3" })])];
    let n = 0;
    const result = await waitUntilSettled(async () => looks[Math.min(n++, looks.length - 1)]!, 60_000, clock, () => NOW + 20_000);
    expect(result).toEqual({ ms: 3 * SETTLE_POLL_MS });
    expect(n).toBe(4);
  });

  it("gives up at the deadline, saying what still moved", async () => {
    const result = await waitUntilSettled(async () => snap([pod("a", waiting("ContainerCreating"))]), 1_000, fakeClock(), () => NOW);
    expect(result.stillMoving).toEqual(["pod default/a: ContainerCreating"]);
    expect(result.ms).toBeLessThanOrEqual(1_000);
  });

  it("looks again after a lost answer, and gives up (with the error) only when the cluster stops answering", async () => {
    let n = 0;
    const flaky = async () => {
      if (n++ === 0) throw new Error("read ECONNRESET");
      return snap([pod("a", running())]);
    };
    expect((await waitUntilSettled(flaky, 60_000, fakeClock(), () => NOW + 20_000)).stillMoving).toBeUndefined();
    await expect(waitUntilSettled(() => Promise.reject(new Error("connect ECONNREFUSED")), 60_000, fakeClock(), () => NOW)).rejects.toThrow("ECONNREFUSED");
  });
});
