import { describe, expect, it } from "vitest";
import { kubectlProxyUrl, proxyReachable } from "./proxy-reachability.ts";
import { fakeCluster, pod, recorder } from "./test-support/fake-context.ts";

const HELLO = "Hello Kubernetes bootcamp! | Running on: kubernetes-bootcamp-abc12 | v=1\n";

const spec = (fields: Record<string, unknown> = {}) =>
  proxyReachable.schema.parse({
    kind: "proxyReachable",
    pods: { labels: { app: "kubernetes-bootcamp" } },
    port: 8080,
    expect: { contains: "Hello Kubernetes bootcamp!" },
    ...fields,
  });

describe("proxyReachable via the API server", () => {
  it("passes when the app answers 200 with the expected body", async () => {
    const podProxyGet = recorder(async () => ({ status: 200, body: HELLO }));
    const ctx = fakeCluster({ pods: [pod()] }, { podProxyGet });
    const v = await proxyReachable.evaluate(ctx, spec());
    expect(v).toMatchObject({ status: "pass", message: "kubernetes-bootcamp-abc12:8080/ answered via apiServer" });
    expect(podProxyGet.calls).toEqual([["default", "kubernetes-bootcamp-abc12", 8080, "/"]]);
  });

  it("fails with the status and body it got", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { podProxyGet: async () => ({ status: 503, body: "no endpoints" }) });
    expect(await proxyReachable.evaluate(ctx, spec())).toMatchObject({
      status: "fail",
      message: "the app did not answer as expected via apiServer",
      expected: 'HTTP 200, text containing "Hello Kubernetes bootcamp!"',
      actual: "kubernetes-bootcamp-abc12: HTTP 503, no endpoints",
    });
  });

  it("fails when the body differs even though the status is right", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { podProxyGet: async () => ({ status: 200, body: "It works!" }) });
    expect((await proxyReachable.evaluate(ctx, spec())).actual).toBe("kubernetes-bootcamp-abc12: HTTP 200, It works!");
  });

  it("fails when no pod is running", async () => {
    const v = await proxyReachable.evaluate(fakeCluster({ pods: [pod({ phase: "Failed" })] }), spec());
    expect(v).toMatchObject({ status: "fail", message: "no running pods with labels app=kubernetes-bootcamp in namespace default to reach" });
  });
});

describe("proxyReachable via kubectl proxy", () => {
  it("asks the learner's proxy on localhost for the pod's proxy URL", async () => {
    const httpGet = recorder(async () => ({ status: 200, body: HELLO }));
    const ctx = fakeCluster({ pods: [pod()] }, { httpGet });
    const v = await proxyReachable.evaluate(ctx, spec({ via: "kubectlProxy", path: "/healthz" }));
    expect(v.status).toBe("pass");
    expect(httpGet.calls).toEqual([["http://127.0.0.1:8001/api/v1/namespaces/default/pods/kubernetes-bootcamp-abc12:8080/proxy/healthz"]]);
  });

  it("on connection refused, fails (not errors) and says to run kubectl proxy", async () => {
    const ctx = fakeCluster(
      { pods: [pod()] },
      {
        httpGet: async () => {
          throw new TypeError("fetch failed: connect ECONNREFUSED 127.0.0.1:8002");
        },
      },
    );
    const v = await proxyReachable.evaluate(ctx, spec({ via: "kubectlProxy", proxyPort: 8002 }));
    expect(v.status).toBe("fail");
    expect(v.message).toBe(
      "nothing answers at http://127.0.0.1:8002/api/v1/namespaces/default/pods/kubernetes-bootcamp-abc12:8080/proxy/: is `kubectl proxy --port=8002` running?",
    );
    expect(v.actual).toContain("ECONNREFUSED");
  });

  it("builds the URL from proxyPort, port and path", () => {
    expect(kubectlProxyUrl({ proxyPort: 8001, port: 80, path: "/x" }, "ns", "p")).toBe("http://127.0.0.1:8001/api/v1/namespaces/ns/pods/p:80/proxy/x");
  });
});

describe("proxyReachable schema", () => {
  it("fills defaults", () => {
    expect(proxyReachable.schema.parse({ kind: "proxyReachable", pods: {}, port: 8080 })).toMatchObject({ path: "/", via: "apiServer", proxyPort: 8001, status: 200 });
  });
  it("rejects an unknown key", () => {
    expect(proxyReachable.schema.safeParse({ kind: "proxyReachable", pods: {}, port: 8080, host: "x" }).success).toBe(false);
  });
  it("rejects a wrong type or value", () => {
    expect(proxyReachable.schema.safeParse({ kind: "proxyReachable", pods: {}, port: "8080" }).success).toBe(false);
    expect(proxyReachable.schema.safeParse({ kind: "proxyReachable", pods: {}, port: 70000 }).success).toBe(false);
    expect(proxyReachable.schema.safeParse({ kind: "proxyReachable", pods: {}, port: 8080, via: "ingress" }).success).toBe(false);
    expect(proxyReachable.schema.safeParse({ kind: "proxyReachable", pods: {}, port: 8080, path: "healthz" }).success).toBe(false);
  });
});
