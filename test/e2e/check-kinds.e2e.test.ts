// Every check kind, once passing and once failing, against one live k3s cluster.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT } from "./support/cli-process.ts";
import { kubectlProxy, liveCluster, type LiveCluster } from "./support/live-cluster.ts";
import { checkSchema, graders } from "../../graders/index.ts";
import type { GradingContext } from "../../graders/types.ts";
import { createGradingContext } from "../../harness/runner/grading-context.ts";
import { runCheck } from "../../harness/runner/run-check.ts";

const BOOTCAMP = { labels: { app: "kubernetes-bootcamp" } };

/** For each kind: a spec the live cluster satisfies, and one it does not. `{{proxyPort}}` is filled in. */
const cases: Record<string, { pass: object; fail: object }> = {
  podPlacement: {
    pass: { pods: BOOTCAMP, count: 1 },
    fail: { pods: BOOTCAMP, count: 2 },
  },
  containerLogs: {
    pass: { pods: BOOTCAMP, expect: { contains: "Kubernetes Bootcamp App Started At" } },
    fail: { pods: BOOTCAMP, expect: { contains: "this line is never logged" } },
  },
  execOutput: {
    pass: { pods: BOOTCAMP, command: ["cat", "/tmp/hello.txt"], expect: { equals: "Hello from {{pod.name}}" } },
    fail: { pods: BOOTCAMP, command: ["cat", "/tmp/missing.txt"], expect: { contains: "x" } },
  },
  proxyReachable: {
    pass: { pods: BOOTCAMP, port: 8080, via: "kubectlProxy", proxyPort: "{{proxyPort}}", expect: { matches: "Hello Kubernetes bootcamp! \\| Running on: {{pod.name}} \\| v=1" } },
    fail: { pods: BOOTCAMP, port: 8080, via: "apiServer", expect: { contains: "v=2" } },
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
  },
  answer: {
    pass: { key: "pod.name", truth: { podField: "name", pods: BOOTCAMP } },
    fail: { key: "pod.ip", truth: { podField: "podIP", pods: BOOTCAMP } },
  },
  script: {
    pass: { run: "kubectl get deployment kubernetes-bootcamp" },
    fail: { run: "kubectl get deployment no-such-deployment" },
  },
};

describe.skipIf(skipReason !== undefined)("every check kind on a live cluster", () => {
  let live: LiveCluster;
  let ctx: GradingContext;
  let proxy: Awaited<ReturnType<typeof kubectlProxy>>;

  beforeAll(async () => {
    live = await liveCluster({
      images: ["gcr.io/google-samples/kubernetes-bootcamp:v1"],
      manifests: [path.join(REPO_ROOT, "exercises/exercise-3/starter/10-deployment.yaml")],
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
      expect(outcome.message.length).toBeGreaterThan(10);
      expect(`${outcome.expected ?? ""}${outcome.actual ?? ""}`.length).toBeGreaterThan(0);
    });
  }
});
