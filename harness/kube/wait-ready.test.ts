import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../graders/types.ts";
import type { KubeClient } from "./kube-client.ts";
import { isFresh, waitForSystemWorkloads } from "./wait-ready.ts";

const START = Date.parse("2026-11-27T12:00:00Z");
const at = (s: number) => new Date(START + s * 1000).toISOString().replace(/\.\d+Z$/, "Z");

const coredns = (startedAt: string, ready: boolean): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "coredns-1", namespace: "kube-system" },
  status: { phase: "Running", containerStatuses: [{ ready, state: { running: { startedAt } } }] },
});

/** A cluster whose CoreDNS Deployment says ready, and whose pod goes through the given looks. */
function restoredCluster(looks: KubeObject[]): { kube: KubeClient; looked: () => number } {
  let n = 0;
  const kube = {
    listObjects: async (q: { kind: string }) => {
      if (q.kind === "Deployment") return [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "coredns" }, spec: { replicas: 1 }, status: { readyReplicas: 1 } }];
      return [looks[Math.min(n++, looks.length - 1)]!];
    },
  } as unknown as KubeClient;
  return { kube, looked: () => n };
}

describe("waitForSystemWorkloads on a cluster restored from its snapshot", () => {
  it("waits past the statuses the snapshot brought (Ready from before) for containers started since", async () => {
    const { kube, looked } = restoredCluster([coredns(at(-300), true), coredns(at(-300), false), coredns(at(2), true)]);
    await waitForSystemWorkloads(kube, 10_000, START);
    expect(looked()).toBe(3);
  });

  it("without a start time (a borrowed cluster) believes the Deployment", async () => {
    const { kube, looked } = restoredCluster([coredns(at(-300), true)]);
    await waitForSystemWorkloads(kube, 10_000);
    expect(looked()).toBe(0);
  });

  it("says which pod it still waited for at the deadline", async () => {
    const { kube } = restoredCluster([coredns(at(-300), true)]);
    await expect(waitForSystemWorkloads(kube, 0, START)).rejects.toThrow(/coredns-1/);
  });
});

describe("isFresh", () => {
  it("forgives the second a status time was cut to, not more", () => {
    expect(isFresh(at(0), START + 999)).toBe(true);
    expect(isFresh(at(-2), START)).toBe(false);
    expect(isFresh(undefined, START)).toBe(false);
  });
});
