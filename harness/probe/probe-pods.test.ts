import { describe, expect, it } from "vitest";
import type { ExecResult, KubeObject } from "../../graders/types.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { PROBE_NAMESPACE, ProbePods } from "./probe-pods.ts";

/**
 * A KubeClient stand-in that keeps applied pods, turns them Ready (or stuck) at once, and records
 * what was asked of it.
 */
function fakeKube(o: { waiting?: string; serviceAccountMissingFor?: number; exec?: (command: string[]) => ExecResult } = {}) {
  const pods = new Map<string, KubeObject>();
  const applied: KubeObject[] = [];
  const deleted: string[] = [];
  const execs: { pod: string; command: string[] }[] = [];
  let refusals = o.serviceAccountMissingFor ?? 0;
  const kube = {
    apply: async (object: KubeObject) => {
      applied.push(object);
      if (object.kind !== "Pod") return object;
      if (refusals-- > 0) throw Object.assign(new Error("HTTP 403"), { body: { message: 'error looking up service account grade-probe/default: serviceaccount "default" not found' } });
      const spec = object.spec as { hostNetwork?: boolean };
      pods.set(object.metadata!.name!, {
        ...object,
        spec: { ...spec, nodeName: "node-1" },
        status: o.waiting
          ? { phase: "Pending", containerStatuses: [{ state: { waiting: { reason: o.waiting } } }] }
          : { phase: "Running", hostIP: "172.18.0.2", conditions: [{ type: "Ready", status: "True" }] },
      });
      return object;
    },
    listObjects: async (q: { kind: string; name?: string }) => (q.kind === "Pod" ? [...pods.values()].filter((p) => !q.name || p.metadata?.name === q.name) : []),
    deletePod: async (_ns: string, name: string) => {
      deleted.push(name);
      pods.delete(name);
    },
    exec: async (_ns: string, pod: string, _c: string, command: string[]) => {
      execs.push({ pod, command });
      return o.exec?.(command) ?? { stdout: "", stderr: "", exitCode: 0 };
    },
  };
  return { kube: kube as unknown as KubeClient, pods, applied, deleted, execs };
}

describe("ProbePods", () => {
  it("starts one pod per origin in its own namespace, however many checks ask at once", async () => {
    const fake = fakeKube();
    const probes = new ProbePods(fake.kube, "busybox:1.36");
    const [a, b, node] = await Promise.all([probes.get("pod"), probes.get("pod"), probes.get("node")]);
    expect(a).toBe(b);
    expect(fake.pods.size).toBe(2);
    expect(fake.applied[0]).toMatchObject({ kind: "Namespace", metadata: { name: PROBE_NAMESPACE } });
    const [podProbe, nodeProbe] = [...fake.pods.values()];
    expect(podProbe).toMatchObject({ metadata: { namespace: PROBE_NAMESPACE }, spec: { hostNetwork: false, containers: [{ image: "busybox:1.36", imagePullPolicy: "IfNotPresent" }] } });
    expect(nodeProbe).toMatchObject({ spec: { hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" } });
    expect(a).toMatchObject({ origin: "pod", node: "node-1", nodeIP: "172.18.0.2" });
    expect(node.origin).toBe("node");
  });

  it("waits for the namespace's ServiceAccount before the pod can be created", async () => {
    const fake = fakeKube({ serviceAccountMissingFor: 2 });
    await new ProbePods(fake.kube, "busybox:1.36").get("pod");
    expect(fake.applied.filter((o) => o.kind === "Pod")).toHaveLength(3);
  });

  it("says at once when the probe's image cannot be pulled, and what to do", async () => {
    const fake = fakeKube({ waiting: "ErrImagePull" });
    await expect(new ProbePods(fake.kube, "busybox:1.36").get("pod")).rejects.toThrow(
      "grade's probe pod cannot start: ErrImagePull for image busybox:1.36. Put that image in your local Docker (grade loads it into clusters it starts), or set GRADE_PROBE_IMAGE",
    );
  });

  it("sends requests and lookups as commands in the probe's container", async () => {
    const fake = fakeKube({ exec: () => ({ stdout: "\n@@grade-probe@@ reply 1 rc=0\nHTTP/1.0 200 OK\r\n\r\nhi\n\n@@grade-probe@@ stderr 1\n", stderr: "", exitCode: 0 }) });
    const probe = await new ProbePods(fake.kube, "busybox:1.36").get("pod");
    expect(await probe.httpGet("10.43.0.9", 8080, "/", 1)).toEqual([{ status: 200, body: "hi\n" }]);
    expect(fake.execs[0]!.command.slice(-4)).toEqual(["10.43.0.9", "8080", "/", "1"]);
  });

  it("fails loudly when the probe's image cannot run its commands", async () => {
    const fake = fakeKube({ exec: () => ({ stdout: "", stderr: 'exec: "sh": executable file not found in $PATH', exitCode: 127 }) });
    const probe = await new ProbePods(fake.kube, "distroless:1").get("pod");
    await expect(probe.httpGet("10.43.0.9", 8080, "/", 1)).rejects.toThrow("grade's probe (image distroless:1) could not run its command (exit 127): exec: \"sh\": executable file not found");
  });

  it("removes the pods it started, and starts afresh afterwards", async () => {
    const fake = fakeKube();
    const probes = new ProbePods(fake.kube, "busybox:1.36");
    await Promise.all([probes.get("pod"), probes.get("node")]);
    await probes.remove();
    expect(fake.deleted.sort()).toEqual([...fake.applied.filter((o) => o.kind === "Pod").map((o) => o.metadata!.name!)].sort());
    expect(fake.pods.size).toBe(0);
    await probes.get("pod");
    expect(fake.pods.size).toBe(1);
  });
});
