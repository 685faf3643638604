// The started-once snapshot: a cluster started from it is a fresh one — nothing a previous
// cluster's user did is in it — with its system pods (CoreDNS) back; and snapshots can be turned off.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { startK3sCluster } from "../../harness/cluster/k3s-cluster.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import { KubeClient } from "../../harness/kube/kube-client.ts";
import { waitForSystemWorkloads } from "../../harness/kube/wait-ready.ts";

describe.skipIf(skipReason !== undefined)("clusters from a snapshot", () => {
  const saved = { cache: process.env.GRADE_CACHE_DIR, snapshots: process.env.GRADE_SNAPSHOTS };
  beforeAll(() => {
    process.env.GRADE_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), "grade-cache-"));
  });
  afterAll(async () => {
    process.env.GRADE_CACHE_DIR = saved.cache;
    process.env.GRADE_SNAPSHOTS = saved.snapshots;
    expect(await listGradeContainers()).toEqual([]);
  });

  it("the first start takes the snapshot (and drops those of images Docker no longer has); the next starts from it, fresh, with CoreDNS running", async () => {
    // A snapshot of a k3s image since rebuilt or upgraded: no image has this ID.
    const stale = path.join(process.env.GRADE_CACHE_DIR!, "snapshots", "00000000deadbeef-1n-v2");
    mkdirSync(stale, { recursive: true });
    writeFileSync(path.join(stale, "manifest.json"), "{}");
    const notes: string[] = [];
    {
      await using first = await startK3sCluster({ exerciseId: "e2e", keepAlive: false, progress: (n) => notes.push(n) });
      // What a learner leaves behind in one cluster…
      const kube = new KubeClient(first.kubeconfig);
      await kube.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "leftovers" } });
    }
    expect(notes).toEqual(["first start of this image: taking a snapshot that makes later starts faster"]);
    expect(readdirSync(path.join(process.env.GRADE_CACHE_DIR!, "snapshots")).filter((f) => !f.includes("."))).toHaveLength(1);
    expect(existsSync(stale)).toBe(false);

    const later: string[] = [];
    await using second = await startK3sCluster({ exerciseId: "e2e", keepAlive: false, progress: (n) => later.push(n) });
    expect(later).toEqual([]);
    const kube = new KubeClient(second.kubeconfig);
    // …is not in the next one.
    expect(await kube.listObjects({ apiVersion: "v1", kind: "Namespace", name: "leftovers" })).toEqual([]);
    expect((await kube.listNodes()).map((n) => [n.name, n.ready])).toEqual([["k3s-server", true]]);
    // As grade waits: past the statuses the snapshot brought, for containers started in this cluster.
    await waitForSystemWorkloads(kube, 60_000, second.startedAt);
    const coredns = await kube.listPods("kube-system", "k8s-app=kube-dns");
    expect(coredns.map((p) => p.ready)).toEqual([true]);
  });

  it("GRADE_SNAPSHOTS=off starts from scratch, taking none", async () => {
    process.env.GRADE_SNAPSHOTS = "off";
    process.env.GRADE_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), "grade-cache-off-"));
    const notes: string[] = [];
    await using cluster = await startK3sCluster({ exerciseId: "e2e", keepAlive: false, progress: (n) => notes.push(n) });
    expect((await new KubeClient(cluster.kubeconfig).listNodes()).map((n) => n.ready)).toEqual([true]);
    expect(notes).toEqual([]);
    expect(readdirSync(process.env.GRADE_CACHE_DIR)).toEqual([]);
  });
});
