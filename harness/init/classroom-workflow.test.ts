import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_K3S_IMAGE } from "../cluster/k3s-image.ts";
import { classroomWorkflow, gradeAction, kubernetesVersionOf, stepIdFor } from "./classroom-workflow.ts";

interface Workflow {
  name: string;
  on: string[];
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; if: string; steps: { name?: string; id?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }>;
}
const workflow = (ids: string[]) => parse(classroomWorkflow(ids)) as Workflow;

describe("classroomWorkflow", () => {
  it("is shaped as the workflow GitHub Classroom generates", () => {
    const w = workflow(["exercise-3"]);
    expect(w.name).toBe("Autograding Tests");
    expect(w.on).toEqual(["push", "workflow_dispatch", "repository_dispatch"]);
    expect(w.permissions).toEqual({ checks: "write", actions: "read", contents: "read" });
    expect(Object.keys(w.jobs)).toEqual(["run-autograding-tests"]);
    const job = w.jobs["run-autograding-tests"]!;
    expect(job["runs-on"]).toBe("ubuntu-latest");
    expect(job.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(job.steps[0]!.uses).toBe("actions/checkout@v4");
    expect(job.steps.at(-1)!.uses).toBe("classroom-resources/autograding-grading-reporter@v1");
  });

  it("pins kubectl to the Kubernetes release of grade's k3s image", () => {
    const kubectl = workflow(["exercise-3"]).jobs["run-autograding-tests"]!.steps.find((s) => s.uses?.startsWith("azure/setup-kubectl@"));
    expect(kubectl?.with?.version).toBe(kubernetesVersionOf(DEFAULT_K3S_IMAGE));
    expect(DEFAULT_K3S_IMAGE).toContain(`:${kubectl?.with?.version}-`);
  });

  it("grades each exercise in a step of its own, and hands every step's result to the reporter", () => {
    const steps = workflow(["exercise-3", "scale-it"]).jobs["run-autograding-tests"]!.steps;
    const grading = steps.filter((s) => s.uses === gradeAction());
    expect(grading.map((s) => [s.id, s.with?.exercise, s.with?.reporters])).toEqual([
      ["exercise_3", "exercise-3", "github,classroom"],
      ["scale_it", "scale-it", "github,classroom"],
    ]);
    const reporter = steps.at(-1)!;
    expect(reporter.with?.runners).toBe("exercise_3,scale_it");
    expect(reporter.env).toEqual({
      EXERCISE_3_RESULTS: "${{ steps.exercise_3.outputs.result }}",
      SCALE_IT_RESULTS: "${{ steps.scale_it.outputs.result }}",
    });
  });

  it("tells the action the language to report in when asked (grade init in Korean); says nothing of it otherwise", () => {
    const grading = (lang?: string) => (parse(classroomWorkflow(["exercise-3"], { lang })) as Workflow).jobs["run-autograding-tests"]!.steps.filter((s) => s.uses === gradeAction());
    expect(grading("ko").map((s) => s.with)).toEqual([{ exercise: "exercise-3", reporters: "github,classroom", lang: "ko" }]);
    expect(grading(undefined).map((s) => s.with)).toEqual([{ exercise: "exercise-3", reporters: "github,classroom" }]);
  });

  it("uses the action named in package.json's repository, at its major tag, unless told another", () => {
    const { repository } = JSON.parse(readFileSync("package.json", "utf8")) as { repository: { url: string } };
    expect(repository.url).toContain(`github.com/${gradeAction().split("@")[0]}.git`);
    expect(gradeAction()).toMatch(/@v1$/);
    expect(classroomWorkflow(["exercise-3"], { action: "me/grade@0123abc" })).toContain("uses: me/grade@0123abc\n");
  });

  it("is what ci/github/classroom.yml shows (regenerate: node harness/init/classroom-workflow.ts > ci/github/classroom.yml)", () => {
    expect(readFileSync("ci/github/classroom.yml", "utf8")).toBe(classroomWorkflow(["exercise-3"]));
  });
});

describe("stepIdFor", () => {
  it("makes a step id whose upper-cased form is a plain environment variable name", () => {
    expect(stepIdFor("exercise-3")).toBe("exercise_3");
    expect(stepIdFor("3-pods")).toBe("exercise_3_pods");
    for (const id of ["exercise-3", "3-pods", "a"]) expect(`${stepIdFor(id).toUpperCase()}_RESULTS`).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});

describe("kubernetesVersionOf", () => {
  it("reads the release from a k3s image tag, and refuses a tag without one", () => {
    expect(kubernetesVersionOf("rancher/k3s:v1.34.2-k3s1")).toBe("v1.34.2");
    expect(kubernetesVersionOf("grade/k3s-offline:v1.35.0-k3s1")).toBe("v1.35.0");
    expect(() => kubernetesVersionOf("rancher/k3s:latest")).toThrow("has no Kubernetes version in its tag");
  });
});
