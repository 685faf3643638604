// grade as people get it: the npm package (packed here, installed into empty folders) and the
// workflow `grade init` writes, run step by step through grade's own action. Each part grades the
// reference solution on a real cluster, once.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import { loadExercise } from "../../harness/exercise/load.ts";
import { CLASSROOM_WORKFLOW_FILE, gradeAction } from "../../harness/init/classroom-workflow.ts";
import { REPO_ROOT } from "./support/cli-process.ts";
import { classroomReporterVerdict } from "../../harness/reporters/classroom-decoder.ts";
import { skipReason } from "./support/e2e-environment.ts";
import { actionCheckout, installPackage, packGrade, type PackedGrade } from "./support/packed-grade.ts";
import { runCommand } from "./support/cli-process.ts";
import { runJob } from "./support/workflow-runner.ts";

const EXERCISE = "exercise-3";
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
const maxPoints = async () => (await loadExercise(path.join(REPO_ROOT, "exercises", EXERCISE, "exercise.yaml"))).exercise.tasks.reduce((s, t) => s + t.points, 0);
const tempFolder = (name: string) => mkdtempSync(path.join(os.tmpdir(), `grade-${name}-`));

describe.skipIf(skipReason !== undefined)("grade as a package", () => {
  let packed: PackedGrade;
  /** A learner's folder holding only an exercise (no solution) and their work, with grade installed from the tarball. */
  let learner: string;
  const grade = (args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
    runCommand("npx", ["--no", "--", "grade", ...args], { cwd: o.cwd ?? learner, env: o.env });

  beforeAll(async () => {
    packed = await packGrade();
    learner = tempFolder("learner");
    cpSync(path.join(REPO_ROOT, "exercises", EXERCISE), path.join(learner, "exercises", EXERCISE), {
      recursive: true,
      filter: (source) => path.basename(source) !== "solution",
    });
    mkdirSync(path.join(learner, "work"));
    cpSync(path.join(REPO_ROOT, "exercises", EXERCISE, "solution"), path.join(learner, "work", EXERCISE), { recursive: true });
    const installed = await installPackage(packed.tarball, learner);
    console.log(`npm pack: ${packed.seconds.toFixed(1)} s, ${packed.size} bytes (${packed.files.length} files); npm install: ${installed.seconds.toFixed(1)} s`);
  });

  afterAll(async () => {
    expect(await listGradeContainers()).toEqual([]);
  });

  it("ships the built JavaScript and the exercises; no test, ci/ file, testdata or reference solution", () => {
    expect(packed.files).toContain("dist/harness/cli.js");
    expect(packed.files).toContain(`exercises/${EXERCISE}/exercise.yaml`);
    expect(packed.files).toContain(`exercises/${EXERCISE}/starter/10-deployment.yaml`);
    expect(packed.files).toContain("exercises/exercise.schema.json");
    const unwanted = packed.files.filter((f) => /(^|\/)(test|ci|testdata|test-support|solution)\//.test(f) || /\.test\.|\.ts$/.test(f));
    expect(unwanted).toEqual([]);
  });

  it("installed into an empty folder: --help, --version, list, validate, and full marks on a real cluster", async () => {
    const help = await grade(["--help"]);
    expect(help.code, help.stderr).toBe(0);
    for (const command of ["run", "start", "check", "stop", "list", "validate", "init"]) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    expect((await grade(["--version"])).stdout).toBe(`${version}\n`);

    const list = await grade(["list"]);
    expect(list.stdout).toMatch(new RegExp(`^${EXERCISE} .*\\(4 tasks, ${await maxPoints()} points\\)$`, "m"));

    const validate = await grade(["validate"]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout).toContain(`✓ exercises/${EXERCISE}/exercise.yaml`);
    const absolute = await grade(["validate", path.join(learner, "exercises", EXERCISE)]);
    expect(absolute.code, absolute.stdout + absolute.stderr).toBe(0);

    // The classroom result, through GITHUB_OUTPUT as in a workflow step.
    const outputFile = path.join(tempFolder("output"), "github-output");
    writeFileSync(outputFile, "");
    const run = await grade(["run", EXERCISE, "--reporter", "list,classroom"], { env: { GITHUB_OUTPUT: outputFile } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Score: ${await maxPoints()}/${await maxPoints()}`);
    const encoded = /^result=(.*)$/m.exec(readFileSync(outputFile, "utf8"))?.[1];
    const verdict = classroomReporterVerdict("grade", { GRADE_RESULTS: encoded });
    expect(verdict.notice).toBe(`Points ${await maxPoints()}/${await maxPoints()}`);
    expect(await listGradeContainers()).toEqual([]);

    // grade batch runs each submission as a child grade of the installed package (a submission
    // without a script needs no cluster: the child still runs, end to end).
    const submissions = tempFolder("class");
    mkdirSync(path.join(submissions, "ana"));
    const batch = await grade(["batch", EXERCISE, submissions, "--out", tempFolder("gradebook")]);
    expect(batch.code, batch.stdout + batch.stderr).toBe(0);
    expect(batch.stdout).toMatch(/^ana\s+0\/\d+\s+no-script/m);
  });

  it("grade init's workflow, run step by step through grade's action, gives the reference solution full marks", async () => {
    // An instructor scaffolds the assignment from the exercises that come with the package.
    const assignment = tempFolder("assignment");
    const init = await runCommand(path.join(learner, "node_modules", ".bin", "grade"), ["init", EXERCISE], { cwd: assignment });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(existsSync(path.join(assignment, "exercises", EXERCISE, "solution"))).toBe(false);
    // A learner hands in the reference solution.
    cpSync(path.join(REPO_ROOT, "exercises", EXERCISE, "solution"), path.join(assignment, "work", EXERCISE), { recursive: true });

    const job = await runJob({
      workflowFile: path.join(assignment, CLASSROOM_WORKFLOW_FILE),
      job: "run-autograding-tests",
      workspace: assignment,
      // Node 24 and kubectl of the cluster's version are on PATH here (checked below).
      satisfied: ["actions/checkout@", "actions/setup-node@", "azure/setup-kubectl@"],
      localActions: { [gradeAction()]: actionCheckout() },
      handBack: "classroom-resources/autograding-grading-reporter@v1",
    });
    console.log(job.log.join("\n"));
    expect(job.jobIf).toBe("github.actor != 'github-classroom[bot]'");

    const verdict = classroomReporterVerdict(job.handedBack!.with.runners!, job.handedBack!.env);
    expect(verdict.tests.filter((t) => t.status !== "pass")).toEqual([]);
    expect(verdict.tests.map((t) => t.line_no)).toEqual(verdict.tests.map(() => 0));
    expect(verdict.notice).toBe(`Points ${await maxPoints()}/${await maxPoints()}`);
    expect(verdict.failed).toBe(false);
    expect(Object.values(job.outputs).map((o) => o["exit-code"])).toEqual(["0"]);
    expect(await listGradeContainers()).toEqual([]);
  });

  it("the action fails with grade's exit code when grade leaves no result for Classroom's reporter", async () => {
    const workspace = tempFolder("no-exercise");
    const workflowFile = path.join(workspace, "workflow.yml");
    // Without the classroom reporter: with it, even an unknown exercise leaves an (errored) result.
    writeFileSync(workflowFile, `jobs:\n  grade:\n    steps:\n      - id: nope\n        uses: ${gradeAction()}\n        with:\n          exercise: nope\n          reporters: github\n`);
    const job = runJob({ workflowFile, job: "grade", workspace, satisfied: ["actions/setup-node@"], localActions: { [gradeAction()]: actionCheckout() }, handBack: "none" });
    await expect(job).rejects.toThrow(/step Grade failed \(exit 2\):[\s\S]*no exercise "nope": looked for exercises\/nope\/exercise\.yaml/);
  });

  it("the workflow's kubectl is the version on PATH here, so the run above used what it pins", async () => {
    const workflow = readFileSync(path.join(REPO_ROOT, "ci/github/classroom.yml"), "utf8");
    const pinned = /azure\/setup-kubectl@v4\n\s+with:\n\s+version: (v[\d.]+)/.exec(workflow)?.[1];
    const local = await runCommand("kubectl", ["version", "--client", "-o", "json"], { cwd: REPO_ROOT });
    const { clientVersion } = JSON.parse(local.stdout) as { clientVersion: { gitVersion: string } };
    expect(clientVersion.gitVersion.split(".").slice(0, 2)).toEqual(pinned!.split(".").slice(0, 2));
  });
});
