import { describe, expect, it } from "vitest";
import type { GradingContext, KubeObject } from "../types.ts";
import { fakeContext, kubeObject, recorder } from "../test-support/fake-context.ts";
import { readTruth, truthSourceSchema } from "./truth-source.ts";

const truth = (ctx: GradingContext, source: unknown) => readTruth(ctx, truthSourceSchema.parse(source));

const nodes = [
  kubeObject({ metadata: { name: "server", labels: { role: "server" } }, spec: { podCIDR: "10.42.0.0/24" }, status: { addresses: [{ type: "InternalIP", address: "172.18.0.2" }], nodeInfo: { kubeletVersion: "v1.34.2" } } }),
  kubeObject({ metadata: { name: "agent-1", labels: { role: "agent" } }, spec: { podCIDR: "10.42.1.0/24", unschedulable: true }, status: { addresses: [{ type: "InternalIP", address: "172.18.0.3" }], nodeInfo: { kubeletVersion: "v1.34.2" } } }),
];

const DEPLOYMENT_UID = "d-1";
const replicaSet = (name: string, revision: string, image: string, owner = DEPLOYMENT_UID) =>
  kubeObject({
    metadata: { name, annotations: { "deployment.kubernetes.io/revision": revision }, ownerReferences: [{ kind: "Deployment", uid: owner }] },
    spec: { replicas: 0, template: { spec: { containers: [{ image }] } } },
  });
const rollout: Record<string, KubeObject[]> = {
  Deployment: [kubeObject({ metadata: { name: "kubernetes-bootcamp", uid: DEPLOYMENT_UID, annotations: { "deployment.kubernetes.io/revision": "4" } } })],
  ReplicaSet: [
    replicaSet("kubernetes-bootcamp-v1", "1", "gcr.io/google-samples/kubernetes-bootcamp:v1"),
    replicaSet("kubernetes-bootcamp-v10", "3", "gcr.io/google-samples/kubernetes-bootcamp:v10"),
    replicaSet("kubernetes-bootcamp-v2", "4", "docker.io/jocatalin/kubernetes-bootcamp:v2"),
    replicaSet("someone-elses", "4", "nginx", "d-2"),
  ],
};

describe("truth sources", () => {
  it("objectField reads every object of a kind when no name is given, through list filters", async () => {
    const listObjects = recorder(async (_q: Parameters<GradingContext["listObjects"]>[0]) => nodes);
    const ctx = fakeContext({ listObjects });
    expect(await truth(ctx, { objectField: { apiVersion: "v1", kind: "Node", path: "status.addresses[type=InternalIP].address" } })).toEqual({
      values: ["172.18.0.2", "172.18.0.3"],
      from: "Nodes: status.addresses[type=InternalIP].address",
    });
    expect(listObjects.calls[0]).toEqual([{ apiVersion: "v1", kind: "Node", namespace: undefined, name: undefined, labelSelector: undefined }]);
  });

  it("objectField narrows by labels (asked of the API server) and by field values (where)", async () => {
    const listObjects = recorder(async (_q: Parameters<GradingContext["listObjects"]>[0]) => nodes);
    const ctx = fakeContext({ listObjects });
    const where = await truth(ctx, { objectField: { apiVersion: "v1", kind: "Node", where: { "spec.unschedulable": true }, path: "metadata.name" } });
    expect(where.values).toEqual(["agent-1"]);
    await truth(ctx, { objectField: { apiVersion: "v1", kind: "Node", labels: { role: "agent" }, path: "metadata.name" } });
    expect(listObjects.calls[1]![0].labelSelector).toBe("role=agent");
  });

  it("objectField shows a label map as kubectl does (key=value)", async () => {
    const ctx = fakeContext({ listObjects: async () => [kubeObject({ spec: { selector: { matchLabels: { app: "kubernetes-bootcamp" } } } })] });
    expect((await truth(ctx, { objectField: { apiVersion: "apps/v1", kind: "Deployment", name: "d", path: "spec.selector.matchLabels" } })).values).toEqual(["app=kubernetes-bootcamp"]);
  });

  it("objectCount counts the objects that match", async () => {
    const ctx = fakeContext({ listObjects: async () => nodes });
    expect(await truth(ctx, { objectCount: { apiVersion: "v1", kind: "Node" } })).toEqual({ values: ["2"], from: "the number of Nodes" });
    expect((await truth(ctx, { objectCount: { apiVersion: "v1", kind: "Node", where: { "spec.podCIDR": "10.42.9.0/24" } } })).values).toEqual(["0"]);
  });

  it("apiPath reads a field of the API server's JSON reply, or the whole reply", async () => {
    const apiGet = recorder(async () => ({ status: 200, body: '{"major":"1","minor":"34","gitVersion":"v1.34.2+k3s1"}' }));
    const ctx = fakeContext({ apiGet });
    expect(await truth(ctx, { apiPath: { path: "/version", field: "gitVersion" } })).toEqual({ values: ["v1.34.2+k3s1"], from: "gitVersion of GET /version on the API server" });
    expect(apiGet.calls).toEqual([["/version"]]);
    expect((await truth(fakeContext({ apiGet: async () => ({ status: 200, body: "ok\n" }) }), { apiPath: { path: "/readyz" } })).values).toEqual(["ok"]);
    expect(await truth(fakeContext(), { apiPath: { path: "/version", field: "gitVersion" } })).toEqual({ values: [], from: "GET /version on the API server (HTTP 404)" });
  });

  it("apiServer is the control plane's URL from the kubeconfig", async () => {
    expect(await truth(fakeContext({ apiServerUrl: () => "https://localhost:32771" }), { apiServer: "url" })).toEqual({ values: ["https://localhost:32771"], from: "the control plane's URL" });
  });

  it("currentReplicaSet is the Deployment's ReplicaSet of its own revision, not an older one or another owner's", async () => {
    const ctx = fakeContext({ listObjects: async (q) => (rollout[q.kind] ?? []).filter((o) => !q.name || o.metadata?.name === q.name) });
    expect((await truth(ctx, { currentReplicaSet: { deployment: "kubernetes-bootcamp" } })).values).toEqual(["kubernetes-bootcamp-v2"]);
    expect((await truth(ctx, { currentReplicaSet: { deployment: "kubernetes-bootcamp", path: "spec.template.spec.containers[0].image" } })).values).toEqual(["docker.io/jocatalin/kubernetes-bootcamp:v2"]);
    expect((await truth(ctx, { currentReplicaSet: { deployment: "missing" } })).values).toEqual([]);
  });

  it("objectField with where picks an old revision's ReplicaSet by its image", async () => {
    const ctx = fakeContext({ listObjects: async (q) => rollout[q.kind] ?? [] });
    const failed = await truth(ctx, {
      objectField: { apiVersion: "apps/v1", kind: "ReplicaSet", where: { "spec.template.spec.containers[0].image": "gcr.io/google-samples/kubernetes-bootcamp:v10" }, path: 'metadata.annotations["deployment.kubernetes.io/revision"]' },
    });
    expect(failed.values).toEqual(["3"]);
  });

  it("event captures from the messages of the matching events", async () => {
    const events = [
      kubeObject({ involvedObject: { kind: "Pod", name: "p1" }, reason: "Failed", message: "Error: ErrImagePull", lastTimestamp: "2026-01-01T10:00:00Z" }),
      kubeObject({ involvedObject: { kind: "Pod", name: "p1" }, reason: "Failed", message: 'Failed to pull image "x:v10": not found', lastTimestamp: "2026-01-01T10:00:00Z" }),
      kubeObject({ involvedObject: { kind: "Pod", name: "p1" }, reason: "Failed", message: "Error: ImagePullBackOff", lastTimestamp: "2026-01-01T10:00:09Z" }),
      kubeObject({ involvedObject: { kind: "Node", name: "n" }, reason: "Failed", message: "Error: Other", lastTimestamp: "2026-01-01T10:00:09Z" }),
    ];
    const ctx = fakeContext({ listObjects: async () => events });
    expect(await truth(ctx, { event: { involvedObject: { kind: "Pod" }, reason: "Failed", pattern: "^Error: (\\w+)$" } })).toEqual({
      values: ["ErrImagePull", "ImagePullBackOff"],
      from: "the messages of events with reason Failed about Pod in namespace default",
    });
  });

  it("rejects a source with two forms, unknown keys or a bad object path", () => {
    expect(truthSourceSchema.safeParse({ apiServer: "url", apiPath: { path: "/version" } }).success).toBe(false);
    expect(truthSourceSchema.safeParse({ objectCount: { apiVersion: "v1", kind: "Node", path: "x" } }).success).toBe(false);
    expect(truthSourceSchema.safeParse({ objectField: { apiVersion: "v1", kind: "Node", path: "a..b" } }).success).toBe(false);
    expect(truthSourceSchema.safeParse({ apiPath: { path: "version" } }).success).toBe(false);
    expect(truthSourceSchema.safeParse({ event: { reason: "Failed" } }).success).toBe(false);
  });
});
