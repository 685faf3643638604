import { describe, expect, it } from "vitest";
import { script } from "./script.ts";
import { fakeContext, recorder } from "./test-support/fake-context.ts";

const spec = script.schema.parse({ kind: "script", run: "kubectl get svc web" });

describe("script", () => {
  it("passes when the command exits 0, giving each attempt 30 s", async () => {
    const runScript = recorder(async () => ({ exitCode: 0, output: "NAME  TYPE\nweb   NodePort\n", timedOut: false }));
    const v = await script.evaluate(fakeContext({ runScript }), spec);
    expect(v).toMatchObject({ status: "pass", message: "`kubectl get svc web` exited 0", actual: "NAME  TYPE\nweb   NodePort" });
    expect(runScript.calls).toEqual([["kubectl get svc web", 30_000]]);
  });

  it("fails with the exit code and output otherwise", async () => {
    const runScript = async () => ({ exitCode: 1, output: 'Error from server (NotFound): services "web" not found\n', timedOut: false });
    expect(await script.evaluate(fakeContext({ runScript }), spec)).toMatchObject({
      status: "fail",
      message: "`kubectl get svc web` exited 1",
      expected: "exit 0",
      actual: 'Error from server (NotFound): services "web" not found',
    });
  });

  it("says when the command ran out of time", async () => {
    const runScript = async () => ({ exitCode: null, output: "", timedOut: true });
    expect(await script.evaluate(fakeContext({ runScript }), spec)).toMatchObject({ status: "fail", message: "`kubectl get svc web` did not finish within 30 s", actual: "(empty)" });
  });

  describe("schema", () => {
    it("rejects an unknown key, a wrong type and an empty command", () => {
      expect(script.schema.safeParse({ kind: "script", run: "true", shell: "sh" }).success).toBe(false);
      expect(script.schema.safeParse({ kind: "script", run: ["true"] }).success).toBe(false);
      expect(script.schema.safeParse({ kind: "script", run: "" }).success).toBe(false);
    });
  });
});
