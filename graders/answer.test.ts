import { describe, expect, it } from "vitest";
import { answer } from "./answer.ts";
import type { GradingContext } from "./types.ts";
import { fakeCluster, fakeContext, kubeObject, pod } from "./test-support/fake-context.ts";

const FILE = "work/exercise-3/answers.yaml";
const answers = (values: Record<string, unknown> | undefined): Pick<GradingContext, "answers"> => ({ answers: async () => ({ file: FILE, values }) });
const APP = { labels: { app: "kubernetes-bootcamp" } };

const spec = (fields: Record<string, unknown>) => answer.schema.parse({ kind: "answer", ...fields });
const podName = spec({ key: "pod.name", truth: { podField: "name", pods: APP } });

describe("answer", () => {
  it("passes on the right answer (surrounding spaces ignored)", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, answers({ pod: { name: " kubernetes-bootcamp-abc12 " } }));
    expect(await answer.evaluate(ctx, podName)).toMatchObject({ status: "pass", message: "pod.name is right", actual: '"kubernetes-bootcamp-abc12"' });
  });

  it("fails on a made-up answer WITHOUT revealing the true value", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, answers({ pod: { name: "my-pod" } }));
    const v = await answer.evaluate(ctx, podName);
    expect(v).toMatchObject({ status: "fail", message: "pod.name does not match the pods' name", expected: "the value shown by the pods' name", actual: '"my-pod"' });
    expect(JSON.stringify(v)).not.toContain("kubernetes-bootcamp-abc12");
  });

  it("does not reveal a value read from logs, exec or an object either", async () => {
    const secrets = { startedAt: "2026-01-31T12:00:00.000Z", hostname: "kubernetes-bootcamp-abc12", ip: "10.42.0.7" };
    const ctx = fakeCluster(
      { pods: [pod()] },
      {
        ...answers({ app: { startedAt: "yesterday" }, container: { hostname: "localhost" }, svc: { ip: "1.2.3.4" } }),
        podLogs: async () => `Kubernetes Bootcamp App Started At: ${secrets.startedAt} | Running On: x`,
        exec: async () => ({ stdout: `PATH=/bin\nHOSTNAME=${secrets.hostname}\nHOME=/root\n`, stderr: "", exitCode: 0 }),
        listObjects: async () => [kubeObject({ metadata: { name: "web" }, spec: { clusterIP: secrets.ip } })],
      },
    );
    const checks = [
      spec({ key: "app.startedAt", truth: { logs: { pods: APP, pattern: "Started At: (\\S+)" } } }),
      spec({ key: "container.hostname", truth: { exec: { pods: APP, command: ["env"], pattern: "^HOSTNAME=(.*)$" } } }),
      spec({ key: "svc.ip", truth: { objectField: { apiVersion: "v1", kind: "Service", name: "web", path: "spec.clusterIP" } } }),
    ];
    for (const check of checks) {
      const v = await answer.evaluate(ctx, check);
      expect(v.status).toBe("fail");
      for (const secret of Object.values(secrets)) expect(JSON.stringify(v)).not.toContain(secret);
    }
  });

  it("does not reveal values read from the API server, node fields, ReplicaSets or events", async () => {
    const secrets = { version: "v1.34.2+k3s1", url: "https://localhost:32771", ip: "172.18.0.2", rs: "kubernetes-bootcamp-7d6f8694b6", reason: "ImagePullBackOff" };
    const ctx = fakeContext({
      ...answers({ a: "wrong" }),
      apiGet: async () => ({ status: 200, body: JSON.stringify({ gitVersion: secrets.version }) }),
      apiServerUrl: () => secrets.url,
      listObjects: async (q) =>
        ({
          Node: [kubeObject({ metadata: { name: "n" }, status: { addresses: [{ type: "InternalIP", address: secrets.ip }] } })],
          Deployment: [kubeObject({ metadata: { name: "d", uid: "u", annotations: { "deployment.kubernetes.io/revision": "2" } } })],
          ReplicaSet: [kubeObject({ metadata: { name: secrets.rs, ownerReferences: [{ uid: "u" }], annotations: { "deployment.kubernetes.io/revision": "2" } } })],
          Event: [kubeObject({ involvedObject: { kind: "Pod", name: "p" }, reason: "Failed", message: `Error: ${secrets.reason}` })],
        })[q.kind] ?? [],
    });
    const sources = [
      { apiPath: { path: "/version", field: "gitVersion" } },
      { apiServer: "url" },
      { objectField: { apiVersion: "v1", kind: "Node", path: "status.addresses[type=InternalIP].address" } },
      { objectCount: { apiVersion: "v1", kind: "Node" } },
      { currentReplicaSet: { deployment: "d" } },
      { event: { involvedObject: { kind: "Pod" }, reason: "Failed", pattern: "^Error: (\\w+)$" } },
    ];
    for (const truth of sources) {
      const v = await answer.evaluate(ctx, spec({ key: "a", truth }));
      expect(v.status, JSON.stringify(truth)).toBe("fail");
      expect(v.message).toContain("does not match");
      for (const secret of [...Object.values(secrets), "1"]) expect(JSON.stringify(v), JSON.stringify(truth)).not.toContain(`"${secret}"`);
      for (const secret of Object.values(secrets)) expect(JSON.stringify(v)).not.toContain(secret);
    }
  });

  it("reads truths from logs (first capture), exec (multi-line ^$), the pod proxy and an object field", async () => {
    const ctx = fakeCluster(
      { pods: [pod()] },
      {
        ...answers({ app: { startedAt: "2026-01-31T12:00:00.000Z", reply: "Hello Kubernetes bootcamp! | v=1" }, container: { hostname: "kubernetes-bootcamp-abc12" }, svc: { port: 8080 } }),
        podLogs: async () => "Kubernetes Bootcamp App Started At: 2026-01-31T12:00:00.000Z | Running On: x\n",
        exec: async () => ({ stdout: "PATH=/bin\nHOSTNAME=kubernetes-bootcamp-abc12\nHOME=/root\n", stderr: "", exitCode: 0 }),
        podProxyGet: async () => ({ status: 200, body: "Hello Kubernetes bootcamp! | v=1\n" }),
        listObjects: async () => [kubeObject({ metadata: { name: "web" }, spec: { ports: { first: 8080 } } })],
      },
    );
    const checks = [
      spec({ key: "app.startedAt", truth: { logs: { pods: APP, pattern: "Started At: (\\S+)" } } }),
      spec({ key: "container.hostname", truth: { exec: { pods: APP, command: ["env"], pattern: "^HOSTNAME=(.*)$" } } }),
      spec({ key: "app.reply", truth: { podProxy: { pods: APP, port: 8080 } } }),
      spec({ key: "svc.port", truth: { objectField: { apiVersion: "v1", kind: "Service", name: "web", path: "spec.ports.first" } } }),
    ];
    for (const check of checks) expect(await answer.evaluate(ctx, check)).toMatchObject({ status: "pass" });
  });

  it("says when there is no answers file, naming the file", async () => {
    const v = await answer.evaluate(fakeCluster({ pods: [pod()] }, answers(undefined)), podName);
    expect(v).toMatchObject({ status: "fail", message: `no answers file: write your answer to pod.name in ${FILE}` });
  });

  it("says when the key is missing or empty", async () => {
    for (const values of [{}, { pod: {} }, { pod: { name: "" } }, { pod: { name: null } }, { pod: "x" }]) {
      const v = await answer.evaluate(fakeCluster({ pods: [pod()] }, answers(values)), podName);
      expect(v).toMatchObject({ status: "fail", message: `pod.name is not answered in ${FILE}` });
    }
  });

  it("refuses a list or map where a single value belongs", async () => {
    const v = await answer.evaluate(fakeCluster({ pods: [pod()] }, answers({ pod: { name: ["a", "b"] } })), podName);
    expect(v).toMatchObject({ status: "fail", message: `pod.name in ${FILE} must be a single value, not a list or map` });
  });

  it("accepts the value of any one of several matching pods", async () => {
    const pods = [pod({ name: "web-a", nodeName: "node-1" }), pod({ name: "web-b", nodeName: "node-2" })];
    const nodeOf = spec({ key: "pod.node", truth: { podField: "nodeName", pods: APP } });
    expect((await answer.evaluate(fakeCluster({ pods }, answers({ pod: { name: "web-b" } })), podName)).status).toBe("pass");
    expect((await answer.evaluate(fakeCluster({ pods }, answers({ pod: { name: "web-a" } })), podName)).status).toBe("pass");
    expect((await answer.evaluate(fakeCluster({ pods }, answers({ pod: { node: "node-2" } })), nodeOf)).status).toBe("pass");
    expect((await answer.evaluate(fakeCluster({ pods }, answers({ pod: { name: "web-c" } })), podName)).status).toBe("fail");
  });

  it("compares numbers as text, and ignores case only when asked", async () => {
    const ctx = fakeContext({ ...answers({ replicas: 2, name: "WEB" }), listObjects: async () => [kubeObject({ spec: { replicas: 2 }, metadata: { name: "web" } })] });
    const replicas = spec({ key: "replicas", truth: { objectField: { apiVersion: "apps/v1", kind: "Deployment", name: "web", path: "spec.replicas" } } });
    expect((await answer.evaluate(ctx, replicas)).status).toBe("pass");
    const name = { key: "name", truth: { objectField: { apiVersion: "apps/v1", kind: "Deployment", name: "web", path: "metadata.name" } } };
    expect((await answer.evaluate(ctx, spec(name))).status).toBe("fail");
    expect((await answer.evaluate(ctx, spec({ ...name, ignoreCase: true }))).status).toBe("pass");
  });

  it("fails (shown the learner's answer) when the cluster offers nothing to compare with", async () => {
    const v = await answer.evaluate(fakeCluster({ pods: [] }, answers({ pod: { name: "web-a" } })), podName);
    expect(v).toMatchObject({ status: "fail", message: "the cluster shows no value to compare pod.name with (from the pods' name)", actual: '"web-a"' });
  });

  describe("schema", () => {
    it("rejects an unknown key, in the check and in the truth source", () => {
      expect(answer.schema.safeParse({ kind: "answer", key: "a", truth: { podField: "name", pods: {} }, trim: true }).success).toBe(false);
      expect(answer.schema.safeParse({ kind: "answer", key: "a", truth: { podField: "name", pods: {}, pod: {} } }).success).toBe(false);
    });
    it("rejects a wrong type, an unknown pod field and a bad pattern", () => {
      expect(answer.schema.safeParse({ kind: "answer", key: 3, truth: { podField: "name", pods: {} } }).success).toBe(false);
      expect(answer.schema.safeParse({ kind: "answer", key: "a", truth: { podField: "uid", pods: {} } }).success).toBe(false);
      expect(answer.schema.safeParse({ kind: "answer", key: "a", truth: { logs: { pods: {}, pattern: "([" } } }).success).toBe(false);
    });
  });
});
