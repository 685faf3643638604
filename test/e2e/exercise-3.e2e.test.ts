// Exercise 3 end to end, through the CLI and the same K3sContainer path users run.
import { readFileSync, existsSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT, runCli } from "./support/cli-process.ts";
import { scriptWorkDir, solutionWorkDir } from "./support/work-dirs.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import type { ExerciseReport } from "../../harness/report/model.ts";
import { liveCluster } from "./support/live-cluster.ts";
import { readPid, stopsRunning } from "../../graders/test-support/processes.ts";

function reportFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "grade-report-")), "report.json");
}

async function gradeRun(work: string): Promise<{ code: number | null; report: ExerciseReport; output: string }> {
  const output = reportFile();
  const run = await runCli(["run", "exercise-3", "--work", work, "--reporter", "list,json", "--output", output]);
  expect(existsSync(output), `no report was written; stderr:\n${run.stderr}`).toBe(true);
  return { code: run.code, report: JSON.parse(readFileSync(output, "utf8")) as ExerciseReport, output: run.stdout + run.stderr };
}

const answerChecks = (report: ExerciseReport) => report.tasks.flatMap((t) => t.checks.filter((c) => c.kind === "answer"));

describe.skipIf(skipReason !== undefined)("exercise 3 on a real cluster", () => {
  afterAll(async () => {
    // Whatever happened above, no cluster may be left behind.
    expect(await listGradeContainers()).toEqual([]);
  });

  it("scores the reference solution at full marks, and removes its cluster", async () => {
    const { code, report, output } = await gradeRun(solutionWorkDir("exercise-3"));
    expect(report.tasks.flatMap((t) => t.checks).filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.points).toBe(report.maxPoints);
    expect(code).toBe(0);
    expect(output).toContain("Removing the cluster");
    expect(await listGradeContainers()).toEqual([]);
  });

  it("scores the untouched starter lower, and every failed check says why", async () => {
    const { code, report, output } = await gradeRun(scriptWorkDir("starter", "kubectl get pods"));
    expect(code).toBe(1);
    expect(report.points).toBeGreaterThan(0); // the app's pod is placed: that much is given
    expect(report.points).toBeLessThan(report.maxPoints);
    const failed = report.tasks.flatMap((t) => t.checks).filter((c) => c.status !== "pass");
    expect(failed.length).toBeGreaterThan(0);
    for (const check of failed) {
      expect(check.status).toBe("fail"); // the learner's gap, not a grader fault
      expect(check.message.length).toBeGreaterThan(10);
      expect(check.hint).toBeTruthy();
    }
    expect(failed.find((c) => c.kind === "containerLogs")?.expected).toContain("Total Requests");
    expect(failed.find((c) => c.kind === "proxyReachable")?.message).toContain("kubectl proxy");
    expect(output).toContain("no answers file");
  });

  it("gives made-up answers nothing", async () => {
    const madeUp = `cat > answers.yaml <<'A'
pod: { name: kubernetes-bootcamp-5485cc6795-abcde, node: node-1, ip: 10.42.0.9 }
app: { reply: "Hello Kubernetes bootcamp! | Running on: kubernetes-bootcamp | v=1", startedAt: "2026-01-01T00:00:00.000Z" }
container: { hostname: kubernetes-bootcamp }
A`;
    const { report } = await gradeRun(scriptWorkDir("made-up", madeUp));
    const answers = answerChecks(report);
    expect(answers.length).toBeGreaterThanOrEqual(6);
    for (const check of answers) {
      expect(check.status, `${check.name}: ${check.message}`).toBe("fail");
      expect(check.message).toContain("does not match");
    }
  });

  it("stops a learner script that hangs at its time limit, with what it started, and still grades", async () => {
    const work = scriptWorkDir("hangs", "sleep 600 &\necho $! > background.pid\nsleep 600");
    const output = reportFile();
    const run = await runCli(["run", "harness/testdata/hanging-script", "--work", work, "--reporter", "json", "--output", output]);
    const report = JSON.parse(readFileSync(output, "utf8")) as ExerciseReport;
    expect(report.diagnostics.join("\n")).toContain("was stopped after 5.0 s");
    expect(report.points).toBe(1);
    expect(run.code).toBe(0);
    // Gone, or a zombie waiting for init to reap it (slow on some machines): it runs nothing.
    expect(await stopsRunning(readPid(path.join(work, "background.pid")))).toBe(true);
  });

  it("on Ctrl-C removes the cluster and kills the learner's script, then exits 130", async () => {
    const work = scriptWorkDir("interrupted", "sleep 600 &\necho $! > background.pid\nsleep 600");
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "harness/cli.ts"), "run", "exercise-3", "--work", work], { cwd: REPO_ROOT, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const pidFile = path.join(work, "background.pid");
    for (let i = 0; i < 120 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 1_000));
    expect(existsSync(pidFile), "the learner script never started").toBe(true);

    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(await listGradeContainers()).toEqual([]);
    expect(await stopsRunning(readPid(pidFile))).toBe(true);
  });

  it("grades an existing cluster given by --kubeconfig, and leaves it running", async () => {
    // A cluster grade did not start (here one the test starts, with the app's image in it).
    await using borrowed = await liveCluster({ images: ["gcr.io/google-samples/kubernetes-bootcamp:v1"], manifests: [] });
    const output = reportFile();
    const run = await runCli(["run", "exercise-3", "--kubeconfig", borrowed.kubeconfigFile, "--work", solutionWorkDir("exercise-3"), "--reporter", "json", "--output", output]);
    const report = JSON.parse(readFileSync(output, "utf8")) as ExerciseReport;
    expect(report.points, run.stderr).toBe(report.maxPoints);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Connecting to the cluster in");
    expect(run.stderr).not.toContain("Removing the cluster");
    expect((await borrowed.cluster.nodeStates()).map((n) => n.machine)).toEqual(["running"]);
  });

  it("start → check → stop: a learner's round trip leaves nothing running", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "grade-learner-"));
    // A learner's folder: the exercises next to their work.
    const { cpSync } = await import("node:fs");
    cpSync(path.join(REPO_ROOT, "exercises"), path.join(cwd, "exercises"), { recursive: true });

    const start = await runCli(["start", "exercise-3"], { cwd });
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toContain("export KUBECONFIG=");
    expect(start.stdout).toContain("Find your pod and the node it runs on");
    expect(existsSync(path.join(cwd, ".grade/kubeconfig"))).toBe(true);
    expect(readFileSync(path.join(cwd, "work/exercise-3/answers.yaml"), "utf8")).toContain("startedAt");

    const again = await runCli(["start", "exercise-3"], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already running");

    const before = await runCli(["check"], { cwd });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/Score: \d+(\.\d+)?\/10/);

    // The learner does the tasks (here: the reference solution, by hand, in their work folder).
    const { execFileSync } = await import("node:child_process");
    cpSync(path.join(REPO_ROOT, "exercises/exercise-3/solution/solution.sh"), path.join(cwd, "work/exercise-3/solution.sh"));
    const pidFile = path.join(cwd, "proxy.pid");
    execFileSync("bash", ["-c", `bash solution.sh > transcript.log 2>&1; pgrep -f 'kubectl proxy --port=8001' > ${pidFile} || true`], {
      cwd: path.join(cwd, "work/exercise-3"),
      env: { ...process.env, KUBECONFIG: path.join(cwd, ".grade/kubeconfig") },
    });
    try {
      const after = await runCli(["check"], { cwd });
      expect(after.stdout).toContain("Score: 10/10");
      expect(after.code).toBe(0);
    } finally {
      for (const pid of readFileSync(pidFile, "utf8").split("\n").filter(Boolean)) {
        try {
          process.kill(Number(pid));
        } catch {
          // gone already
        }
      }
    }

    const stop = await runCli(["stop"], { cwd });
    expect(stop.code).toBe(0);
    expect(existsSync(path.join(cwd, ".grade"))).toBe(false);
    expect(await listGradeContainers()).toEqual([]);
  });
});

describe.skipIf(skipReason !== undefined)("a learner's cluster removed behind grade's back", () => {
  it("check says so in one line naming the server (exit 3, within seconds), and stop still cleans up", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "grade-learner-gone-"));
    const { cpSync } = await import("node:fs");
    cpSync(path.join(REPO_ROOT, "exercises"), path.join(cwd, "exercises"), { recursive: true });
    expect((await runCli(["start", "exercise-3"], { cwd })).code).toBe(0);

    const state = JSON.parse(readFileSync(path.join(cwd, ".grade/state.json"), "utf8")) as { cluster: { runId: string } };
    const { removeRun } = await import("../../harness/cluster/k3s-docker.ts");
    await removeRun(state.cluster.runId);

    const started = Date.now();
    const check = await runCli(["check"], { cwd });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(check.code).toBe(3);
    expect(check.stderr).toMatch(/grade: https:\/\/\S+:\d+ does not answer: its k3s container \w{12} is not running any more: run `grade stop`, then `grade start exercise-3` for a new one\.\n/);

    const stop = await runCli(["stop"], { cwd });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain("was already gone");
    expect(existsSync(path.join(cwd, ".grade"))).toBe(false);
  });
});
