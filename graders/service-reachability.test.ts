import { describe, expect, it } from "vitest";
import { podNamedIn, serviceReachable } from "./service-reachability.ts";
import type { GradingContext, KubeObject, ProbeOrigin, ProbeReply } from "./types.ts";
import { fakeContext, fakeProbe, kubeObject } from "./test-support/fake-context.ts";

const PODS = ["kubernetes-bootcamp-5485cc6795-aaaaa", "kubernetes-bootcamp-5485cc6795-bbbbb"];
const hello = (pod: string, v = 1): ProbeReply => ({ status: 200, body: `Hello Kubernetes bootcamp! | Running on: ${pod} | v=${v}\n` });

function service(fields: { type?: string; clusterIP?: string; nodePort?: number; ingress?: { ip?: string }[] } = {}): KubeObject {
  return kubeObject({
    metadata: { name: "kubernetes-bootcamp", namespace: "default" },
    spec: { type: fields.type ?? "NodePort", clusterIP: fields.clusterIP ?? "10.43.7.7", ports: [{ port: 8080, targetPort: 8080, nodePort: fields.nodePort ?? 31234 }] },
    status: { loadBalancer: fields.ingress ? { ingress: fields.ingress } : {} },
  });
}

const slice = (pods: string[], ready = true) =>
  kubeObject({ endpoints: pods.map((name) => ({ conditions: { ready }, targetRef: { kind: "Pod", name } })) });

/** A cluster with one Service and its EndpointSlice, and a probe answering as `answer` says. */
function cluster(o: { svc?: KubeObject | null; endpoints?: KubeObject[]; answer?: (host: string, port: number, i: number) => ProbeReply; dns?: Record<string, string> } = {}) {
  const probe = fakeProbe(o.answer ?? ((_h, _p, i) => hello(PODS[i % 2]!)), { dns: o.dns, nodeIP: "172.18.0.2" });
  const origins: ProbeOrigin[] = [];
  const queries: Parameters<GradingContext["listObjects"]>[0][] = [];
  const ctx = fakeContext({
    listObjects: async (q) => {
      queries.push(q);
      if (q.kind === "Service") return o.svc === null ? [] : [o.svc ?? service()];
      if (q.kind === "EndpointSlice") return o.endpoints ?? [slice(PODS)];
      return [];
    },
    probe: async (origin) => {
      origins.push(origin);
      return probe;
    },
  });
  return { ctx, probe, origins, queries };
}

const spec = (fields: Record<string, unknown> = {}) => serviceReachable.schema.parse({ kind: "serviceReachable", service: "kubernetes-bootcamp", ...fields });

describe("serviceReachable", () => {
  it("reaches the ClusterIP on the Service port from a pod by default, with one request", async () => {
    const { ctx, probe, origins, queries } = cluster();
    const v = await serviceReachable.evaluate(ctx, spec());
    expect(v).toMatchObject({ status: "pass", message: `Service default/kubernetes-bootcamp at 10.43.7.7:8080 (from a pod) answered: replies from ${PODS[0]}` });
    expect(probe.requests).toEqual([{ host: "10.43.7.7", port: 8080, path: "/", count: 1 }]);
    expect(origins).toEqual(["pod"]);
    expect(queries.find((q) => q.kind === "EndpointSlice")).toMatchObject({ namespace: "default", labelSelector: "kubernetes.io/service-name=kubernetes-bootcamp" });
  });

  it("reaches the node port on the probe's node IP, from the node", async () => {
    const { ctx, probe, origins } = cluster();
    const v = await serviceReachable.evaluate(ctx, spec({ via: "nodePort", from: "node" }));
    expect(v.status).toBe("pass");
    expect(v.message).toContain("172.18.0.2:31234 (node node-1) (from the node)");
    expect(probe.requests[0]).toMatchObject({ host: "172.18.0.2", port: 31234 });
    expect(origins).toEqual(["node"]);
  });

  it("reaches the load balancer's external IP on the Service port", async () => {
    const { ctx, probe } = cluster({ svc: service({ type: "LoadBalancer", ingress: [{ ip: "172.18.0.3" }, { ip: "172.18.0.4" }] }) });
    expect((await serviceReachable.evaluate(ctx, spec({ via: "loadBalancer" }))).status).toBe("pass");
    expect(probe.requests[0]).toMatchObject({ host: "172.18.0.3", port: 8080 });
  });

  it("resolves the DNS name in the cluster and connects to the address it resolves to", async () => {
    const { ctx, probe } = cluster({ dns: { "kubernetes-bootcamp.default.svc.cluster.local": "10.43.7.7" } });
    const v = await serviceReachable.evaluate(ctx, spec({ via: "dnsName" }));
    expect(v.status).toBe("pass");
    expect(v.message).toContain("kubernetes-bootcamp.default.svc.cluster.local (10.43.7.7):8080");
    expect(probe.requests[0]).toMatchObject({ host: "10.43.7.7", port: 8080 });
  });

  it("fails, pointing at cluster DNS, when the name does not resolve", async () => {
    const { ctx, probe } = cluster();
    const v = await serviceReachable.evaluate(ctx, spec({ via: "dnsName" }));
    expect(v).toMatchObject({
      status: "fail",
      message: expect.stringContaining("its DNS name kubernetes-bootcamp.default.svc.cluster.local does not resolve in the cluster: is cluster DNS (CoreDNS in kube-system) running?"),
      actual: "** server can't find kubernetes-bootcamp.default.svc.cluster.local: NXDOMAIN",
    });
    expect(probe.requests).toEqual([]);
  });

  it("fails without probing when the Service is missing, has no node port, or no external IP yet", async () => {
    const missing = cluster({ svc: null });
    expect(await serviceReachable.evaluate(missing.ctx, spec())).toMatchObject({
      status: "fail",
      message: "no Service default/kubernetes-bootcamp",
      expected: "a Service kubernetes-bootcamp in namespace default",
      actual: "no such Service",
    });
    const clusterIPOnly = cluster({ svc: service({ type: "ClusterIP", nodePort: 0 }) });
    expect(await serviceReachable.evaluate(clusterIPOnly.ctx, spec({ via: "nodePort" }))).toMatchObject({
      status: "fail",
      message: expect.stringContaining("it is of type ClusterIP, which opens no node port: expose it with --type=NodePort"),
      actual: "type ClusterIP",
    });
    const pending = cluster({ svc: service({ type: "LoadBalancer" }) });
    expect(await serviceReachable.evaluate(pending.ctx, spec({ via: "loadBalancer" }))).toMatchObject({
      status: "fail",
      message: expect.stringContaining("it has no external IP yet (EXTERNAL-IP <pending>)"),
      actual: "EXTERNAL-IP <pending>",
    });
    const notLB = cluster();
    expect((await serviceReachable.evaluate(notLB.ctx, spec({ via: "loadBalancer" }))).message).toContain("it is of type NodePort, not LoadBalancer");
    for (const c of [missing, clusterIPOnly, pending, notLB]) expect(c.probe.requests).toEqual([]);
  });

  it("fails on a port the Service does not have, listing the ports it has", async () => {
    const { ctx } = cluster();
    expect(await serviceReachable.evaluate(ctx, spec({ port: 80 }))).toMatchObject({ status: "fail", message: "Service default/kubernetes-bootcamp has no port 80", actual: "8080" });
  });

  it("says the Service has no ready endpoints when nothing answers and no pod backs it", async () => {
    const { ctx } = cluster({ endpoints: [slice(PODS, false)], answer: () => ({ body: "", error: "can't connect to remote host (10.43.7.7): Connection refused" }) });
    const v = await serviceReachable.evaluate(ctx, spec());
    expect(v).toMatchObject({
      status: "fail",
      message: "no reply from Service default/kubernetes-bootcamp at 10.43.7.7:8080 (from a pod): it has no ready endpoints (does its selector match the pods' labels, and are they Ready?)",
      expected: "HTTP 200, through its ClusterIP, from a pod",
      actual: "no reply (can't connect to remote host (10.43.7.7): Connection refused) ×1; 0 ready endpoint pod(s)",
    });
  });

  it("fails when a reply is not what is expected, showing it", async () => {
    const { ctx } = cluster({ answer: (_h, _p, i) => hello(PODS[i % 2]!, i === 2 ? 1 : 2) });
    const v = await serviceReachable.evaluate(ctx, spec({ requests: 4, expect: { contains: "v=2" } }));
    expect(v).toMatchObject({ status: "fail", expected: 'HTTP 200, text containing "v=2", through its ClusterIP, from a pod' });
    expect(v.message).toContain("a reply was not as expected");
    expect(v.actual).toContain(`HTTP 200: Hello Kubernetes bootcamp! | Running on: ${PODS[0]} | v=1`);
  });

  it("fails on a status other than the one asked for", async () => {
    const { ctx } = cluster({ answer: () => ({ status: 503, body: "unavailable" }) });
    expect((await serviceReachable.evaluate(ctx, spec())).actual).toContain("HTTP 503: unavailable");
  });

  it("counts the different endpoint pods named in the replies, sending 10 requests per pod asked for", async () => {
    const spread = cluster();
    const v = await serviceReachable.evaluate(spread.ctx, spec({ distinctPods: 2 }));
    expect(v.status).toBe("pass");
    expect(spread.probe.requests[0]!.count).toBe(20);
    expect(v.actual).toBe(`HTTP 200 from ${PODS[0]} ×10, HTTP 200 from ${PODS[1]} ×10; 2 ready endpoint pod(s)`);

    const onePod = cluster({ answer: () => hello(PODS[0]!) });
    expect(await serviceReachable.evaluate(onePod.ctx, spec({ distinctPods: 2, requests: 6 }))).toMatchObject({
      status: "fail",
      message: "6 replies from Service default/kubernetes-bootcamp at 10.43.7.7:8080 (from a pod) came from 1 different pod(s)",
      expected: "HTTP 200, from at least 2 different pods, through its ClusterIP, from a pod",
      actual: `HTTP 200 from ${PODS[0]} ×6; 2 ready endpoint pod(s)`,
    });
  });

  it("does not count replies that name no endpoint pod (a pod that is not behind the Service)", async () => {
    const { ctx } = cluster({ answer: (_h, _p, i) => hello(i % 2 ? "some-other-pod" : PODS[0]!) });
    const v = await serviceReachable.evaluate(ctx, spec({ distinctPods: 2 }));
    expect(v.status).toBe("fail");
    expect(v.actual).toContain("HTTP 200 from no endpoint pod named in the reply ×10");
  });

  describe("podNamedIn", () => {
    it("matches whole pod names only", () => {
      expect(podNamedIn("Running on: web-abc | v=1", ["web-ab", "web-abc"])).toBe("web-abc");
      expect(podNamedIn("Running on: web-abcd | v=1", ["web-abc"])).toBeUndefined();
      expect(podNamedIn("web-abc", ["web-abc"])).toBe("web-abc");
    });
  });

  describe("schema", () => {
    it("rejects unknown keys, an unknown via or origin, and a bad path", () => {
      expect(serviceReachable.schema.safeParse({ kind: "serviceReachable", service: "s", host: "x" }).success).toBe(false);
      expect(serviceReachable.schema.safeParse({ kind: "serviceReachable", service: "s", via: "ingress" }).success).toBe(false);
      expect(serviceReachable.schema.safeParse({ kind: "serviceReachable", service: "s", from: "host" }).success).toBe(false);
      expect(serviceReachable.schema.safeParse({ kind: "serviceReachable", service: "s", path: "x" }).success).toBe(false);
      expect(serviceReachable.schema.safeParse({ kind: "serviceReachable", service: "s", requests: 0 }).success).toBe(false);
    });
  });
});
