// The k3s image grade runs (the pinned rancher/k3s, or GRADE_K3S_IMAGE such as the offline
// stand-in) started through K3sContainer, exercised with plain kubectl as a learner would.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContainerRuntimeClient } from "testcontainers";
import { skipReason } from "./support/e2e-environment.ts";
import { kubectlProxy, liveCluster, type LiveCluster } from "./support/live-cluster.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";

const run = promisify(execFile);

const SERVICE = `
apiVersion: v1
kind: Service
metadata: { name: bootcamp, namespace: default }
spec:
  type: NodePort
  selector: { app: kubernetes-bootcamp }
  ports: [{ port: 8080, targetPort: 8080 }]
`;

describe.skipIf(skipReason !== undefined)("a k3s cluster through K3sContainer", () => {
  let live: LiveCluster;
  let pod: string;
  const kubectl = async (...args: string[]) => (await run("kubectl", args, { env: { ...process.env, KUBECONFIG: live.kubeconfigFile }, timeout: 60_000 })).stdout;

  beforeAll(async () => {
    const dir = path.join(import.meta.dirname, "../../exercises/exercise-3/starter");
    live = await liveCluster({ images: ["gcr.io/google-samples/kubernetes-bootcamp:v1", "busybox:1.36"], manifests: [path.join(dir, "10-deployment.yaml")] });
    const serviceFile = path.join(live.dir, "service.yaml");
    writeFileSync(serviceFile, SERVICE);
    await kubectl("apply", "-f", serviceFile);
    pod = (await kubectl("get", "pods", "-l", "app=kubernetes-bootcamp", "-o", "jsonpath={.items[0].metadata.name}")).trim();
  });

  afterAll(async () => {
    const id = live?.cluster.handle.provider === "k3s" ? live.cluster.handle.nodes[0]?.containerId : undefined;
    await live?.[Symbol.asyncDispose]();
    // Stopping leaves nothing: no container, and its anonymous volumes are gone with it.
    expect(await listGradeContainers()).toEqual([]);
    if (id) {
      const client = await getContainerRuntimeClient();
      await expect(client.container.getById(id).inspect()).rejects.toThrow();
    }
  });

  it("has a Ready node", async () => {
    expect(await kubectl("get", "nodes", "-o", "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}")).toBe("True");
  });

  it("tells its time in the API server's Date header: the engine's clock, here this machine's", async () => {
    const sentAt = Date.now();
    const reply = await live.kube.get("/version");
    expect(Math.abs(Date.parse(reply.date!) + 500 - (sentAt + Date.now()) / 2)).toBeLessThan(2_000);
    expect(await live.kube.clockOffset()).toBe(0);
  });

  it("runs the bootcamp image in the Deployment's pod", async () => {
    expect(await kubectl("get", "pod", pod, "-o", "jsonpath={.status.phase} {.spec.containers[0].image}")).toBe(
      "Running gcr.io/google-samples/kubernetes-bootcamp:v1",
    );
  });

  it("serves kubectl logs", async () => {
    expect(await kubectl("logs", pod)).toMatch(/Kubernetes Bootcamp App Started At: \S+ \| Running On: +\S+/);
  });

  it("serves kubectl exec", async () => {
    expect(await kubectl("exec", pod, "--", "env")).toContain(`HOSTNAME=${pod}`);
  });

  it("proxies to the pod through the API server", async () => {
    const reply = await live.kube.podProxyGet("default", pod, 8080, "/");
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
  });

  it("proxies to the pod through kubectl proxy", async () => {
    const proxy = await kubectlProxy(live.kubeconfigFile);
    try {
      const res = await fetch(`http://127.0.0.1:${proxy.port}/api/v1/namespaces/default/pods/${pod}:8080/proxy/`);
      expect(await res.text()).toContain(`Running on: ${pod}`);
    } finally {
      proxy.stop();
    }
    expect(await kubectl("logs", pod)).toMatch(/Total Requests: \d+/);
  });

  it("routes a ClusterIP service (kube-proxy) from another pod", async () => {
    const ip = (await kubectl("get", "service", "bootcamp", "-o", "jsonpath={.spec.clusterIP}")).trim();
    const out = await kubectl("run", "client", "--image=busybox:1.36", "--image-pull-policy=IfNotPresent", "--restart=Never", "--rm", "-i", "--quiet", "--", "wget", "-qO-", `http://${ip}:8080/`);
    expect(out).toContain("Hello Kubernetes bootcamp!");
  });

  it("opens a NodePort on the node", async () => {
    const port = (await kubectl("get", "service", "bootcamp", "-o", "jsonpath={.spec.ports[0].nodePort}")).trim();
    const nodeIp = (await kubectl("get", "nodes", "-o", "jsonpath={.items[0].status.addresses[?(@.type==\"InternalIP\")].address}")).trim();
    // The node is a container this test started: its address is ours to reach.
    const res = await fetch(`http://${nodeIp}:${port}/`, { signal: AbortSignal.timeout(10_000) });
    expect(await res.text()).toContain("Hello Kubernetes bootcamp!");
  });
});
