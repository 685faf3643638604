import { afterEach, describe, expect, it } from "vitest";
import { podPlacement } from "./pod-placement.ts";
import { setLanguage } from "../harness/i18n/language.ts";
import { fakeCluster, node, pod } from "./test-support/fake-context.ts";

const spec = (fields: Record<string, unknown> = {}) =>
  podPlacement.schema.parse({ kind: "podPlacement", pods: { labels: { app: "kubernetes-bootcamp" } }, ...fields });

describe("podPlacement", () => {
  afterEach(() => setLanguage("en"));

  it("in Korean, counts and places pods in Korean, keeping names, phases and conditions", async () => {
    setLanguage("ko");
    const ctx = fakeCluster({ pods: [pod({ ready: false }), pod({ name: "kubernetes-bootcamp-xyz", phase: "Pending" })], nodes: [node()] });
    expect(await podPlacement.evaluate(ctx, spec({ count: 2 }))).toEqual({
      status: "fail",
      message: "파드 2개 중 0개가 기대한 대로 배치되었습니다",
      expected: "네임스페이스 default에서 레이블이 app=kubernetes-bootcamp인 파드 2개, Running이고 Ready, Ready 노드에서",
      actual: "조건에 맞는 파드 0개 (없음); kubernetes-bootcamp-abc12: Ready 아님; kubernetes-bootcamp-xyz: Pending 상태",
    });
  });

  it("passes when a Running, Ready pod sits on a Ready node", async () => {
    const ctx = fakeCluster({ pods: [pod()], nodes: [node()] });
    const v = await podPlacement.evaluate(ctx, spec({ count: 1 }));
    expect(v.status).toBe("pass");
    expect(v.message).toBe("1 pod(s) placed: kubernetes-bootcamp-abc12 on node-1");
  });

  it("fails naming the selector when no pod matches", async () => {
    const ctx = fakeCluster({ pods: [pod({ labels: { app: "other" } })], nodes: [node()] });
    const v = await podPlacement.evaluate(ctx, spec({ count: 1 }));
    expect(v).toMatchObject({
      status: "fail",
      message: "no pods with labels app=kubernetes-bootcamp in namespace default",
      expected: "1 pods with labels app=kubernetes-bootcamp in namespace default Running and Ready on Ready nodes",
      actual: "0 good (none)",
    });
  });

  it("looks only in the namespace asked for", async () => {
    const ctx = fakeCluster({ pods: [pod({ namespace: "other" })], nodes: [node()] });
    expect((await podPlacement.evaluate(ctx, spec())).status).toBe("fail");
    const inOther = podPlacement.schema.parse({ kind: "podPlacement", pods: { namespace: "other", labels: { app: "kubernetes-bootcamp" } } });
    expect((await podPlacement.evaluate(ctx, inOther)).status).toBe("pass");
  });

  it("fails on a pod that is not Ready, saying so", async () => {
    const ctx = fakeCluster({ pods: [pod({ ready: false })], nodes: [node()] });
    const v = await podPlacement.evaluate(ctx, spec());
    expect(v.status).toBe("fail");
    expect(v.message).toBe("0 of 1 pods placed as expected");
    expect(v.expected).toBe("at least 1 pods with labels app=kubernetes-bootcamp in namespace default Running and Ready on Ready nodes");
    expect(v.actual).toBe("0 good (none); kubernetes-bootcamp-abc12: not Ready");
  });

  it("accepts a pod that is not Ready when ready: false", async () => {
    const ctx = fakeCluster({ pods: [pod({ ready: false })], nodes: [node()] });
    expect((await podPlacement.evaluate(ctx, spec({ ready: false }))).status).toBe("pass");
  });

  it("fails on a Pending pod and on a pod whose node is not Ready", async () => {
    const pending = fakeCluster({ pods: [pod({ phase: "Pending", nodeName: undefined })], nodes: [node()] });
    expect((await podPlacement.evaluate(pending, spec())).actual).toContain("kubernetes-bootcamp-abc12: phase Pending");
    const nodeDown = fakeCluster({ pods: [pod()], nodes: [node({ ready: false })] });
    expect((await podPlacement.evaluate(nodeDown, spec())).actual).toContain("node node-1 not Ready");
    expect((await podPlacement.evaluate(nodeDown, spec({ nodeReady: false }))).status).toBe("pass");
  });

  it("counts exactly when count is a number, and within bounds when it is a range", async () => {
    const two = fakeCluster({ pods: [pod({ name: "b" }), pod({ name: "a" })], nodes: [node()] });
    const exact = await podPlacement.evaluate(two, spec({ count: 1 }));
    expect(exact).toMatchObject({ status: "fail", message: "2 of 2 pods placed as expected", actual: "2 good (a on node-1, b on node-1)" });
    expect((await podPlacement.evaluate(two, spec({ count: 2 }))).status).toBe("pass");
    expect((await podPlacement.evaluate(two, spec({ count: { min: 1, max: 3 } }))).status).toBe("pass");
    const tooMany = await podPlacement.evaluate(two, spec({ count: { max: 1 } }));
    expect(tooMany.status).toBe("fail");
    expect(tooMany.expected).toMatch(/^0\.\.1 pods/);
  });

  it("requires node labels when asked", async () => {
    const ctx = fakeCluster({ pods: [pod()], nodes: [node({ labels: { zone: "a" } })] });
    expect((await podPlacement.evaluate(ctx, spec({ nodeLabels: { zone: "a" } }))).status).toBe("pass");
    const v = await podPlacement.evaluate(ctx, spec({ nodeLabels: { zone: "b" } }));
    expect(v.status).toBe("fail");
    expect(v.actual).toContain('node node-1 lacks labels {"zone":"b"}');
  });

  it("with distinctNodes, fails when two pods share a node", async () => {
    const shared = fakeCluster({ pods: [pod({ name: "a" }), pod({ name: "b" })], nodes: [node(), node({ name: "node-2" })] });
    const v = await podPlacement.evaluate(shared, spec({ count: 2, distinctNodes: true }));
    expect(v).toMatchObject({ status: "fail", message: "two or more pods share a node" });
    expect(v.expected).toContain("each on its own node");
    const spread = fakeCluster({ pods: [pod({ name: "a" }), pod({ name: "b", nodeName: "node-2" })], nodes: [node(), node({ name: "node-2" })] });
    expect((await podPlacement.evaluate(spread, spec({ count: 2, distinctNodes: true }))).status).toBe("pass");
  });

  describe("schema", () => {
    it("fills defaults", () => {
      expect(podPlacement.schema.parse({ kind: "podPlacement", pods: {} })).toMatchObject({
        pods: { namespace: "default", labels: {} },
        count: { min: 1 },
        ready: true,
        nodeReady: true,
        distinctNodes: false,
      });
    });
    it("rejects an unknown key, here and in the pod selector", () => {
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: {}, replicas: 2 }).success).toBe(false);
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: { label: { app: "x" } } }).success).toBe(false);
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: {}, count: { min: 1, most: 2 } }).success).toBe(false);
    });
    it("rejects a wrong type", () => {
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: {}, count: "one" }).success).toBe(false);
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: {}, count: -1 }).success).toBe(false);
      expect(podPlacement.schema.safeParse({ kind: "podPlacement", pods: {}, ready: "yes" }).success).toBe(false);
      expect(podPlacement.schema.safeParse({ kind: "podPlacement" }).success).toBe(false);
    });
  });
});
