// Every check kind, once passing and once failing, against one live k3s cluster.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT } from "./support/cli-process.ts";
import { kubectlProxy, liveCluster, type LiveCluster } from "./support/live-cluster.ts";
import { checkSchema, graders } from "../../graders/index.ts";
import { createGradingContext, type LiveGradingContext } from "../../harness/runner/grading-context.ts";
import { DEFAULT_PROBE_IMAGE } from "../../harness/probe/probe-image.ts";
import { runCheck } from "../../harness/runner/run-check.ts";

const BOOTCAMP = { labels: { app: "kubernetes-bootcamp" } };

/**
 * For each kind: a spec the live cluster satisfies, and one it does not, with what the failure
 * must say (its message, then what was expected and found). `{{proxyPort}}` is filled in.
 */
const cases: Record<string, { pass: object; fail: object; says: RegExp }> = {
  podPlacement: {
    pass: { pods: BOOTCAMP, count: 1 },
    fail: { pods: BOOTCAMP, count: 2 },
    says: /^1 of 1 pods placed as expected.*\nexpected: 2 pods with labels app=kubernetes-bootcamp .*\nactual: 1 good/s,
  },
  containerLogs: {
    pass: { pods: BOOTCAMP, expect: { contains: "Kubernetes Bootcamp App Started At" } },
    fail: { pods: BOOTCAMP, expect: { contains: "this line is never logged" } },
    says: /does not show what was asked.*\nexpected: text containing "this line is never logged"/s,
  },
  execOutput: {
    pass: { pods: BOOTCAMP, command: ["cat", "/tmp/hello.txt"], expect: { equals: "Hello from {{pod.name}}" } },
    fail: { pods: BOOTCAMP, command: ["cat", "/tmp/missing.txt"], expect: { contains: "x" } },
    says: /^`cat \/tmp\/missing.txt` in kubernetes-bootcamp-\S+ exited with 1.*\nexpected: exit 0, text containing "x"\nactual: exit 1, .*No such file/s,
  },
  serviceReachable: {
    pass: { service: "kubernetes-bootcamp", via: "nodePort", expect: { contains: "Hello Kubernetes bootcamp!" } },
    fail: { service: "kubernetes-bootcamp", via: "nodePort", expect: { contains: "v=2" } },
    says: /a reply was not as expected.*\nexpected: HTTP 200, text containing "v=2", through its node port.*\nactual: HTTP 200: Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=1/s,
  },
  eventRecorded: {
    pass: { involvedObject: { kind: "Deployment", name: "kubernetes-bootcamp" }, reason: "ScalingReplicaSet", message: { matches: "to 1$" } },
    fail: { involvedObject: { kind: "Deployment", name: "kubernetes-bootcamp" }, reason: "ScalingReplicaSet", message: { matches: "to 4$" } },
    says: /^none of the \d+ events with reason ScalingReplicaSet about Deployment kubernetes-bootcamp .*\nexpected: an event with reason ScalingReplicaSet, message text matching \/to 4\$\/m\nactual: Deployment\/kubernetes-bootcamp ScalingReplicaSet: Scaled up replica set kubernetes-bootcamp-\S+ (from 0 )?to 1/s,
  },
  proxyReachable: {
    pass: { pods: BOOTCAMP, port: 8080, via: "kubectlProxy", proxyPort: "{{proxyPort}}", expect: { matches: "Hello Kubernetes bootcamp! \\| Running on: {{pod.name}} \\| v=1" } },
    fail: { pods: BOOTCAMP, port: 8080, via: "apiServer", expect: { contains: "v=2" } },
    says: /^the app did not answer as expected via apiServer.*\nexpected: HTTP 200, text containing "v=2"\nactual: kubernetes-bootcamp-\S+: HTTP 200, Hello Kubernetes bootcamp!/s,
  },
  resource: {
    pass: {
      resource: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "kubernetes-bootcamp", namespace: "default" },
        spec: { template: { spec: { containers: [{ image: "gcr.io/google-samples/kubernetes-bootcamp:v1" }] } } },
        status: { availableReplicas: 1 },
      },
    },
    fail: { resource: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "kubernetes-bootcamp", namespace: "default" }, spec: { replicas: 3 } } },
    says: /^Deployment kubernetes-bootcamp does not match.*\nactual: \* spec.replicas: expected 3, got 1/s,
  },
  answer: {
    pass: { key: "pod.name", truth: { podField: "name", pods: BOOTCAMP } },
    fail: { key: "pod.ip", truth: { podField: "podIP", pods: BOOTCAMP } },
    says: /^pod.ip does not match the pods\' podIP.*\nexpected: the value shown by the pods\' podIP\nactual: "10.99.99.99"/s,
  },
  script: {
    pass: { run: "kubectl get deployment kubernetes-bootcamp" },
    fail: { run: "kubectl get deployment no-such-deployment" },
    says: /^`kubectl get deployment no-such-deployment` exited 1.*\nexpected: exit 0\nactual: .*not found/s,
  },
};

describe.skipIf(skipReason !== undefined)("every check kind on a live cluster", () => {
  let live: LiveCluster;
  let ctx: LiveGradingContext;
  let proxy: Awaited<ReturnType<typeof kubectlProxy>>;

  beforeAll(async () => {
    live = await liveCluster({
      images: ["gcr.io/google-samples/kubernetes-bootcamp:v1", DEFAULT_PROBE_IMAGE],
      // The app, and module 4's NodePort Service in front of it.
      manifests: [path.join(REPO_ROOT, "exercises/exercise-3/starter/10-deployment.yaml"), path.join(REPO_ROOT, "exercises/exercise-5/starter/20-service.yaml")],
    });
    const [pod] = await live.kube.listPods("default", "app=kubernetes-bootcamp");
    await live.kube.exec("default", pod!.name, undefined, ["sh", "-c", 'echo "Hello from $HOSTNAME" > /tmp/hello.txt']);
    proxy = await kubectlProxy(live.kubeconfigFile);
    const workDir = mkdtempSync(path.join(os.tmpdir(), "grade-kinds-"));
    writeFileSync(path.join(workDir, "answers.yaml"), `pod:\n  name: ${pod!.name}\n  ip: 10.99.99.99\n`);
    ctx = createGradingContext({ kube: live.kube, kubeconfigFile: live.kubeconfigFile, workDir, answersFile: "answers.yaml" });
  });

  afterAll(async () => {
    proxy?.stop();
    await ctx?.close();
    await live?.[Symbol.asyncDispose]();
  });

  it("covers every registered kind", () => {
    expect(Object.keys(cases).sort()).toEqual(graders.map((g) => g.kind).sort());
  });

  for (const [kind, { pass, fail }] of Object.entries(cases)) {
    const spec = (body: object) =>
      checkSchema.parse(JSON.parse(JSON.stringify({ kind, timeout: "3s", ...body }).replace('"{{proxyPort}}"', String(proxy.port))));

    it(`${kind} passes when the cluster shows it`, async () => {
      const outcome = await runCheck(ctx, spec(pass), undefined);
      expect(outcome.status, `${outcome.message}\nexpected: ${outcome.expected}\nactual: ${outcome.actual}`).toBe("pass");
    });

    it(`${kind} fails, saying why, when it does not`, async () => {
      const outcome = await runCheck(ctx, spec(fail), undefined);
      expect(outcome.status, outcome.message).toBe("fail");
      expect(`${outcome.message}\nexpected: ${outcome.expected}\nactual: ${outcome.actual}`).toMatch(cases[kind]!.says);
    });
  }
});
