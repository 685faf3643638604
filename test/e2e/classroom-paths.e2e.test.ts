// Classroom on every path: whatever stops a run — no learner script, no Docker, Ctrl-C at any
// moment of the cluster's creation — the classroom reporter leaves a result the autograding
// reporter can read, and no container is left behind.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT, runCli } from "./support/cli-process.ts";
import { solutionWorkDir } from "./support/work-dirs.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import { classroomPointsLine, decodeClassroomResult } from "../../harness/reporters/classroom-decoder.ts";
import type { ClassroomResult } from "../../harness/reporters/classroom.ts";

/** A GITHUB_OUTPUT file, and the classroom result grade appended to it (as the reporter would read it). */
function githubOutput() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "grade-gh-output-")), "output");
  return {
    file,
    result(): ClassroomResult | undefined {
      if (!existsSync(file)) return undefined;
      const line = readFileSync(file, "utf8").split("\n").find((l) => l.startsWith("result="));
      return line === undefined ? undefined : decodeClassroomResult(line.slice("result=".length));
    },
  };
}

describe.skipIf(skipReason !== undefined)("a classroom result on every path", () => {
  afterEach(async () => {
    expect(await listGradeContainers()).toEqual([]);
  });

  it("no solution.sh yet: 0/10, every task failed saying so, exit 1, no cluster started", async () => {
    const output = githubOutput();
    const work = mkdtempSync(path.join(os.tmpdir(), "grade-empty-work-"));
    const run = await runCli(["exercise-3", "--work", work, "--reporter", "classroom"], { env: { GITHUB_OUTPUT: output.file } });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("Starting a k3s cluster");
    const result = output.result()!;
    expect(classroomPointsLine([result])).toBe("Points 0/10");
    expect(result.status).toBe("fail");
    expect(result.tests.map((t) => [t.status, t.line_no])).toEqual(result.tests.map(() => ["fail", 0]));
    for (const t of result.tests) expect(t.message).toMatch(/^no solution\.sh yet: write .*solution\.sh/);
  });

  it("no Docker engine: every task errored with the one-line reason, exit 3", async () => {
    // The engine's socket made unusable for this process only (a mount namespace of its own).
    const output = githubOutput();
    const cli = path.join(REPO_ROOT, "harness/cli.ts");
    const args = ["exercise-3", "--work", solutionWorkDir("exercise-3"), "--reporter", "classroom"];
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const script = `mount --bind /dev/null /var/run/docker.sock && exec "$0" "$@"`;
      const child = spawn("unshare", ["--mount", "--propagation", "private", "sh", "-c", script, process.execPath, cli, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: "1", GITHUB_OUTPUT: output.file, DOCKER_HOST: "" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("grade: No Docker engine answers");
    const result = output.result()!;
    expect(result.status).toBe("error");
    expect(classroomPointsLine([result])).toBe("Points 0/10");
    for (const t of result.tests) {
      expect(t.status).toBe("error");
      expect(t.message).toMatch(/^No Docker engine answers \(.*\)\. Start Docker/);
    }
  });

  // Ctrl-C at several moments of `grade run`: while Node starts, while the cluster's container is
  // being created, while k3s boots, while images load.
  // The action's reporters: Classroom's result, and GitHub's annotations on the run's page.
  it.each([1, 3, 6, 9])("SIGINT %i s into grade run: the cluster removed, a result written, a warning on the run's page, exit 130", async (seconds) => {
    const output = githubOutput();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "harness/cli.ts"), "exercise-3", "--work", solutionWorkDir("exercise-3"), "--reporter", "github,classroom"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: "1", GITHUB_OUTPUT: output.file, GITHUB_STEP_SUMMARY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, seconds * 1000));
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    const result = output.result();
    expect(result, `no classroom result; stderr:\n${stderr}`).toBeDefined();
    expect(result!.status).toBe("error");
    expect(stdout).toContain("::warning title=grade::interrupted by SIGINT before grading finished; nothing was graded");
    // Before the exercise loaded there is nothing at stake; after, every task says it was interrupted.
    if (result!.max_score > 0) {
      expect(result!.tests).toHaveLength(4);
      for (const t of result!.tests) expect(t).toMatchObject({ status: "error", score: 0, message: "interrupted by SIGINT before grading finished; nothing was graded" });
    }
  });
});
