import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPid, stopsRunning } from "../../graders/test-support/processes.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { createGradingContext, runShell } from "./grading-context.ts";

describe("runShell (the script check's shell, real bash)", () => {
  const o = () => ({ cwd: mkdtempSync(path.join(tmpdir(), "grade-shell-")), kubeconfigFile: "/tmp/some-kubeconfig" });

  it("captures stdout and stderr, with KUBECONFIG set, in the work dir", async () => {
    const opts = o();
    expect(await runShell('echo "$KUBECONFIG"; echo "$(pwd)" >&2; exit 4', 5_000, opts)).toEqual({
      exitCode: 4,
      output: `/tmp/some-kubeconfig\n${opts.cwd}\n`,
      timedOut: false,
    });
  });

  it("kills a command at its time limit", async () => {
    const opts = o();
    const started = Date.now();
    const result = await runShell("echo $$ > pid; sleep 100", 300, opts);
    expect(result).toMatchObject({ exitCode: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stopsRunning(readPid(path.join(opts.cwd, "pid")))).toBe(true);
  });

  it("does not wait for, or leave behind, a background child holding its output", async () => {
    const opts = o();
    const started = Date.now();
    const result = await runShell("sleep 100 & echo $! > child; echo done", 10_000, opts);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.output).toContain("done");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stopsRunning(readPid(path.join(opts.cwd, "child")))).toBe(true);
  });
});

describe("createGradingContext: the learner's answers", () => {
  const ctxIn = (workDir: string) =>
    createGradingContext({ kube: {} as KubeClient, kubeconfigFile: "kubeconfig", workDir, answersFile: "answers.yaml" });

  it("are undefined when there is no file, and name the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "grade-ctx-"));
    expect(await ctxIn(dir).answers()).toEqual({ file: path.join(dir, "answers.yaml"), values: undefined });
  });

  it("are parsed from YAML", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "grade-ctx-"));
    writeFileSync(path.join(dir, "answers.yaml"), "pod:\n  name: web-1\n  ip: 10.42.0.7\n");
    expect((await ctxIn(dir).answers()).values).toEqual({ pod: { name: "web-1", ip: "10.42.0.7" } });
  });

  it("read as empty when the file is broken or not a map, so each answer says it is missing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "grade-ctx-"));
    for (const text of ["pod: [unclosed\n", "- a\n- b\n", "", "just text\n"]) {
      writeFileSync(path.join(dir, "answers.yaml"), text);
      expect((await ctxIn(dir).answers()).values, JSON.stringify(text)).toEqual({});
    }
  });
});
