import { afterEach, describe, expect, it } from "vitest";
import { containerLogs } from "./container-logs.ts";
import { setLanguage } from "../harness/i18n/language.ts";
import { fakeCluster, pod, recorder } from "./test-support/fake-context.ts";

const spec = (fields: Record<string, unknown> = {}) =>
  containerLogs.schema.parse({ kind: "containerLogs", pods: { labels: { app: "kubernetes-bootcamp" } }, expect: { matches: "Total Requests: [1-9]" }, ...fields });

const BOOT_LOG = "Kubernetes Bootcamp App Started At: 2026-01-31T12:00:00.000Z | Running On:  kubernetes-bootcamp-abc12 \n";

describe("containerLogs", () => {
  afterEach(() => setLanguage("en"));

  it("in Korean, says what was asked and what the log showed, the log and the pattern as they are", async () => {
    setLanguage("ko");
    const ctx = fakeCluster({ pods: [pod()] }, { podLogs: async () => BOOT_LOG });
    expect(await containerLogs.evaluate(ctx, spec({ container: "kubernetes-bootcamp" }))).toEqual({
      status: "fail",
      message: "파드 kubernetes-bootcamp-abc12 (컨테이너 kubernetes-bootcamp)의 로그에 요구한 내용이 없습니다",
      expected: "다음 정규식과 일치하는 텍스트: /Total Requests: [1-9]/m",
      actual: BOOT_LOG.trim(),
    });
    const none = fakeCluster({ pods: [pod({ phase: "Pending" })] });
    expect(await containerLogs.evaluate(none, spec())).toMatchObject({
      message: "네임스페이스 default에서 레이블이 app=kubernetes-bootcamp인 파드 중 실행 중인 것이 없어 로그를 읽을 수 없습니다",
      actual: "실행 중인 파드 없음",
    });
  });

  it("passes when the log meets the expectation, reading the container asked for", async () => {
    const podLogs = recorder(async () => `${BOOT_LOG}Running On: kubernetes-bootcamp-abc12 | Total Requests: 1 | App Uptime: 3 seconds\n`);
    const ctx = fakeCluster({ pods: [pod()] }, { podLogs });
    const v = await containerLogs.evaluate(ctx, spec({ container: "kubernetes-bootcamp" }));
    expect(v).toMatchObject({ status: "pass", message: "log of kubernetes-bootcamp-abc12 meets the expectation" });
    expect(podLogs.calls).toEqual([["default", "kubernetes-bootcamp-abc12", "kubernetes-bootcamp"]]);
  });

  it("fails showing the expectation and the log it saw", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { podLogs: async () => BOOT_LOG });
    const v = await containerLogs.evaluate(ctx, spec());
    expect(v).toMatchObject({
      status: "fail",
      message: "log of kubernetes-bootcamp-abc12 does not show what was asked",
      expected: "text matching /Total Requests: [1-9]/m",
      actual: BOOT_LOG.trim(),
    });
  });

  it("names the container in the message when one was asked for", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { podLogs: async () => "" });
    const v = await containerLogs.evaluate(ctx, spec({ container: "sidecar", expect: { contains: "hello" } }));
    expect(v).toMatchObject({ status: "fail", message: "log of kubernetes-bootcamp-abc12 (container sidecar) does not show what was asked", actual: "(empty)" });
  });

  it("fails when no pod is running, without reading any log", async () => {
    const podLogs = recorder(async () => "Total Requests: 1");
    const ctx = fakeCluster({ pods: [pod({ phase: "Pending" })] }, { podLogs });
    const v = await containerLogs.evaluate(ctx, spec());
    expect(v).toMatchObject({ status: "fail", message: "no running pods with labels app=kubernetes-bootcamp in namespace default to read logs from" });
    expect(podLogs.calls).toHaveLength(0);
  });

  it("passes when any one pod's log meets it, unless every: true", async () => {
    const logs: Record<string, string> = { a: "Total Requests: 0", b: "Total Requests: 2" };
    const ctx = fakeCluster({ pods: [pod({ name: "a" }), pod({ name: "b" })] }, { podLogs: async (_ns, name) => logs[name]! });
    expect(await containerLogs.evaluate(ctx, spec())).toMatchObject({ status: "pass", message: "log of b meets the expectation" });
    expect(await containerLogs.evaluate(ctx, spec({ every: true }))).toMatchObject({ status: "fail", message: "log of a does not show what was asked", actual: "Total Requests: 0" });
  });

  it("fills {{pod.name}} in the expectation with the pod being checked", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { podLogs: async () => BOOT_LOG });
    expect((await containerLogs.evaluate(ctx, spec({ expect: { contains: "Running On:  {{pod.name}}" } }))).status).toBe("pass");
    const v = await containerLogs.evaluate(ctx, spec({ expect: { contains: "Stopped on {{pod.name}}" } }));
    expect(v.expected).toBe('text containing "Stopped on kubernetes-bootcamp-abc12"');
  });

  describe("schema", () => {
    it("rejects an unknown key and an expectation with two forms", () => {
      expect(containerLogs.schema.safeParse({ kind: "containerLogs", pods: {}, expect: { contains: "x" }, follow: true }).success).toBe(false);
      expect(containerLogs.schema.safeParse({ kind: "containerLogs", pods: {}, expect: { contains: "x", equals: "y" } }).success).toBe(false);
    });
    it("rejects a wrong type and a bad regex", () => {
      expect(containerLogs.schema.safeParse({ kind: "containerLogs", pods: {}, expect: { contains: 3 } }).success).toBe(false);
      expect(containerLogs.schema.safeParse({ kind: "containerLogs", pods: {}, expect: "hello" }).success).toBe(false);
      expect(containerLogs.schema.safeParse({ kind: "containerLogs", pods: {}, expect: { matches: "(" } }).success).toBe(false);
    });
  });
});
