import { describe, expect, it } from "vitest";
import { execOutput } from "./exec-output.ts";
import { fakeCluster, pod, recorder } from "./test-support/fake-context.ts";

const spec = (fields: Record<string, unknown> = {}) =>
  execOutput.schema.parse({
    kind: "execOutput",
    pods: { labels: { app: "kubernetes-bootcamp" } },
    command: ["cat", "/tmp/hello.txt"],
    expect: { equals: "Hello from {{pod.name}}" },
    ...fields,
  });

describe("execOutput", () => {
  it("passes when the command exits 0 and prints what is expected (templates filled per pod)", async () => {
    const exec = recorder(async () => ({ stdout: "Hello from kubernetes-bootcamp-abc12\n", stderr: "", exitCode: 0 }));
    const ctx = fakeCluster({ pods: [pod()] }, { exec });
    const v = await execOutput.evaluate(ctx, spec());
    expect(v).toMatchObject({ status: "pass", message: "`cat /tmp/hello.txt` in kubernetes-bootcamp-abc12 printed what was expected" });
    expect(exec.calls).toEqual([["default", "kubernetes-bootcamp-abc12", undefined, ["cat", "/tmp/hello.txt"]]]);
  });

  it("fails on other output, showing the exit code and what it printed", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { exec: async () => ({ stdout: "Hello from me\n", stderr: "", exitCode: 0 }) });
    expect(await execOutput.evaluate(ctx, spec())).toMatchObject({
      status: "fail",
      message: "`cat /tmp/hello.txt` in kubernetes-bootcamp-abc12 printed something else",
      expected: 'exit 0, exactly "Hello from kubernetes-bootcamp-abc12"',
      actual: "exit 0, Hello from me",
    });
  });

  it("fails on the wrong exit code, showing stderr", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { exec: async () => ({ stdout: "", stderr: "cat: can't open '/tmp/hello.txt': No such file or directory\n", exitCode: 1 }) });
    expect(await execOutput.evaluate(ctx, spec())).toMatchObject({
      status: "fail",
      message: "`cat /tmp/hello.txt` in kubernetes-bootcamp-abc12 exited with 1",
      actual: "exit 1, cat: can't open '/tmp/hello.txt': No such file or directory",
    });
  });

  it("accepts a non-zero exit code when the check asks for it", async () => {
    const ctx = fakeCluster({ pods: [pod()] }, { exec: async () => ({ stdout: "", stderr: "", exitCode: 1 }) });
    expect((await execOutput.evaluate(ctx, spec({ command: ["test", "-e", "/gone"], exitCode: 1, expect: { equals: "" } }))).status).toBe("pass");
  });

  it("passes when any one pod prints it", async () => {
    const ctx = fakeCluster({ pods: [pod({ name: "a" }), pod({ name: "b" })] }, { exec: async (_ns, name) => ({ stdout: `Hello from ${name === "b" ? "b" : "x"}`, stderr: "", exitCode: 0 }) });
    expect((await execOutput.evaluate(ctx, spec())).message).toContain("in b printed");
  });

  it("fails when no pod is running", async () => {
    const ctx = fakeCluster({ pods: [] });
    expect(await execOutput.evaluate(ctx, spec())).toMatchObject({
      status: "fail",
      message: "no running pods with labels app=kubernetes-bootcamp in namespace default to run `cat /tmp/hello.txt` in",
    });
  });

  describe("schema", () => {
    const base = { kind: "execOutput", pods: {}, command: ["env"], expect: { contains: "HOSTNAME" } };
    it("accepts a minimal check", () => {
      expect(execOutput.schema.parse(base)).toMatchObject({ exitCode: 0 });
    });
    it("rejects an unknown key", () => {
      expect(execOutput.schema.safeParse({ ...base, tty: true }).success).toBe(false);
    });
    it("rejects a wrong type", () => {
      expect(execOutput.schema.safeParse({ ...base, command: "env" }).success).toBe(false);
      expect(execOutput.schema.safeParse({ ...base, command: [] }).success).toBe(false);
      expect(execOutput.schema.safeParse({ ...base, exitCode: "0" }).success).toBe(false);
    });
  });
});
