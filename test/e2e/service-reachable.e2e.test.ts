// serviceReachable on a live cluster: grade's probe pods reach a Service by ClusterIP, node port,
// DNS name and load balancer IP, from a pod and from the node, count the pods that answered, say
// why when they cannot, and are gone once grading ends.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { liveCluster, type LiveCluster } from "./support/live-cluster.ts";
import { checkSchema } from "../../graders/index.ts";
import { createGradingContext, type LiveGradingContext } from "../../harness/runner/grading-context.ts";
import { runCheck } from "../../harness/runner/run-check.ts";
import { applyManifests } from "../../harness/kube/apply-manifests.ts";
import { waitUntilReady } from "../../harness/kube/wait-ready.ts";
import { PROBE_NAMESPACE } from "../../harness/probe/probe-pods.ts";
import { DEFAULT_PROBE_IMAGE } from "../../harness/probe/probe-image.ts";

/** Two replicas of the app, behind a NodePort Service, a LoadBalancer one, and one that selects nothing. */
const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "gcr.io/google-samples/kubernetes-bootcamp:v1", imagePullPolicy: IfNotPresent }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 8080, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: web-lb, namespace: default }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 8081, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: nobody, namespace: default }
spec:
  selector: { app: no-such-app }
  ports: [{ port: 8080 }]
`;

const HELLO = { matches: "^Hello Kubernetes bootcamp! \\| Running on: web-\\S+ \\| v=1$" };

describe.skipIf(skipReason !== undefined)("serviceReachable on a live cluster", () => {
  let live: LiveCluster;
  let ctx: LiveGradingContext;
  let hasClusterDns = false;
  let loadBalancerIP: string | undefined;

  const check = (fields: object) => runCheck(ctx, checkSchema.parse({ kind: "serviceReachable", timeout: "5s", ...fields }), undefined);
  const probePods = async () => (await live.kube.listPods(PROBE_NAMESPACE, "")).map((p) => p.name);

  beforeAll(async () => {
    live = await liveCluster({ images: ["gcr.io/google-samples/kubernetes-bootcamp:v1", DEFAULT_PROBE_IMAGE], manifests: [] });
    const file = path.join(live.dir, "web.yaml");
    writeFileSync(file, MANIFESTS);
    await waitUntilReady(live.kube, await applyManifests(live.kube, [file]), 120_000);
    ctx = createGradingContext({ kube: live.kube, kubeconfigFile: live.kubeconfigFile, workDir: mkdtempSync(path.join(os.tmpdir(), "grade-svc-")), answersFile: "answers.yaml" });
    // What this cluster offers: k3s has CoreDNS and ServiceLB; a bare stand-in may lack either.
    hasClusterDns = (await live.kube.listObjects({ apiVersion: "v1", kind: "Service", namespace: "kube-system", name: "kube-dns" })).length > 0;
    for (let i = 0; i < 30 && !loadBalancerIP; i++) {
      const [lb] = await live.kube.listObjects({ apiVersion: "v1", kind: "Service", namespace: "default", name: "web-lb" });
      loadBalancerIP = (lb?.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress?.[0]?.ip;
      if (!loadBalancerIP) await new Promise((r) => setTimeout(r, 1_000));
    }
    // Which branch the DNS and load balancer tests take, in the log.
    console.info(`cluster DNS: ${hasClusterDns ? "kube-dns present" : "none"}; load balancer: ${loadBalancerIP ?? "none (EXTERNAL-IP pending)"}`);
  });

  afterAll(async () => {
    await ctx?.close();
    await live?.[Symbol.asyncDispose]();
  });

  it("reaches the ClusterIP from a pod, and counts both pods behind it", async () => {
    const outcome = await check({ service: "web", distinctPods: 2, expect: HELLO });
    expect(outcome.status, `${outcome.message}\n${outcome.actual}`).toBe("pass");
    expect(outcome.message).toMatch(/^Service default\/web at 10\.43\.\d+\.\d+:8080 \(from a pod\) answered: replies from web-\S+, web-\S+$/);
    expect(outcome.actual).toMatch(/^HTTP 200 from web-\S+ ×\d+, HTTP 200 from web-\S+ ×\d+; 2 ready endpoint pod\(s\)$/);
  });

  it("reaches the node port from the node itself, on the node's IP", async () => {
    const [node] = await live.kube.listObjects({ apiVersion: "v1", kind: "Node" });
    const nodeIP = (node!.status as { addresses: { type: string; address: string }[] }).addresses.find((a) => a.type === "InternalIP")!.address;
    const outcome = await check({ service: "web", via: "nodePort", from: "node", distinctPods: 2, expect: HELLO });
    expect(outcome.status, `${outcome.message}\n${outcome.actual}`).toBe("pass");
    expect(outcome.message).toContain(`at ${nodeIP}:3`);
    expect(outcome.message).toContain("(from the node)");
    // "the node" is a hostNetwork pod: its IP is the node's.
    const nodeProbe = (await live.kube.listPods(PROBE_NAMESPACE, "grade.dev/probe-origin=node"))[0];
    expect(nodeProbe?.podIP).toBe(nodeIP);
  });

  it("reaches the DNS name where the cluster has DNS, and says DNS is missing where it has none", async () => {
    const outcome = await check({ service: "web", via: "dnsName", expect: HELLO });
    if (hasClusterDns) {
      expect(outcome.status, `${outcome.message}\n${outcome.actual}`).toBe("pass");
      expect(outcome.message).toMatch(/web\.default\.svc\.cluster\.local \(10\.43\.\d+\.\d+\):8080/);
    } else {
      expect(outcome.status).toBe("fail");
      expect(outcome.message).toContain("its DNS name web.default.svc.cluster.local does not resolve in the cluster: is cluster DNS (CoreDNS in kube-system) running?");
      expect(outcome.actual).toBeTruthy();
    }
  });

  it("reaches the load balancer's IP where the cluster has a load balancer, and says EXTERNAL-IP is pending where it has none", async () => {
    const outcome = await check({ service: "web-lb", via: "loadBalancer", from: "node", expect: HELLO });
    if (loadBalancerIP) {
      expect(outcome.status, `${outcome.message}\n${outcome.actual}`).toBe("pass");
      expect(outcome.message).toContain(`at ${loadBalancerIP}:8081`);
    } else {
      expect(outcome).toMatchObject({ status: "fail", actual: "EXTERNAL-IP <pending>" });
      expect(outcome.message).toContain("it has no external IP yet (EXTERNAL-IP <pending>)");
    }
  });

  it("fails when the replies are not what is asked, showing one", async () => {
    const outcome = await check({ service: "web", requests: 2, expect: { contains: "v=2" } });
    expect(outcome.status).toBe("fail");
    expect(outcome.expected).toBe('HTTP 200, text containing "v=2", through its ClusterIP, from a pod');
    expect(outcome.actual).toMatch(/^HTTP 200: Hello Kubernetes bootcamp! \| Running on: web-\S+ \| v=1; all: HTTP 200 from web-/);
  });

  it("fails when fewer pods answer than asked for", async () => {
    const outcome = await check({ service: "web", distinctPods: 3 });
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toMatch(/^30 replies from Service default\/web at \S+ \(from a pod\) came from 2 different pod\(s\)/);
    expect(outcome.actual).toContain("; 2 ready endpoint pod(s)");
  });

  it("fails, naming the empty endpoints, when the Service selects no pod", async () => {
    const outcome = await check({ service: "nobody" });
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toContain("no reply from Service default/nobody");
    expect(outcome.message).toContain("it has no ready endpoints (does its selector match the pods' labels, and are they Ready?)");
    expect(outcome.actual).toMatch(/^no reply \(.+\) ×1; 0 ready endpoint pod\(s\)$/);
  });

  it("removes its probe pods when grading ends", async () => {
    expect((await probePods()).length).toBeGreaterThan(0);
    await ctx.close();
    expect(await probePods()).toEqual([]);
  });
});
