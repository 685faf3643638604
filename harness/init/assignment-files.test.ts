import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/language.ts";
import { UsageError } from "../errors.ts";
import { answersTemplate } from "../exercise/answers-template.ts";
import { exerciseJsonSchema } from "../exercise/gen-schema.ts";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { assignmentFiles, writeAssignment } from "./assignment-files.ts";

const exercise3 = () => loadExercise(resolveExerciseFile("exercise-3"));
const emptyFolder = () => mkdtempSync(path.join(tmpdir(), "grade-init-"));

describe("assignmentFiles", () => {
  it("holds the exercise without its reference solution, the learner's work, the workflow, .gitignore and a README", async () => {
    const files = await assignmentFiles([await exercise3()]);
    expect(files.map((f) => f.path)).toEqual([
      "exercises/exercise-3/README.ko.md",
      "exercises/exercise-3/README.md",
      "exercises/exercise-3/exercise.yaml",
      "exercises/exercise-3/starter/10-deployment.yaml",
      "work/exercise-3/solution.sh",
      "work/exercise-3/answers.yaml",
      "exercises/exercise.schema.json",
      ".github/workflows/classroom.yml",
      ".gitignore",
      "README.md",
    ]);
    const text = (p: string) => String(files.find((f) => f.path === p)!.content);
    expect(text("exercises/exercise-3/exercise.yaml")).toBe(readFileSync("exercises/exercise-3/exercise.yaml", "utf8"));
    expect(text("exercises/exercise.schema.json")).toBe(exerciseJsonSchema());
    expect(text(".gitignore").split("\n")).toEqual([".grade/", "node_modules/", ""]);
  });

  it("starts the learner with a stub that says what to do, and the answers template grade start writes", async () => {
    const loaded = await exercise3();
    const files = await assignmentFiles([loaded]);
    const stub = files.find((f) => f.path === "work/exercise-3/solution.sh")!;
    expect(stub.executable).toBe(true);
    expect(String(stub.content)).toMatch(/^#!\/usr\/bin\/env bash\n/);
    for (const task of loaded.exercise.tasks) expect(String(stub.content)).toContain(`${task.title} (${task.points} point`);
    expect(String(stub.content)).toContain("for at most 5 minutes");
    expect(String(stub.content)).toContain("exercises/exercise-3/README.md");
    const answers = files.find((f) => f.path === "work/exercise-3/answers.yaml")!;
    expect(parse(String(answers.content))).toEqual(answersTemplate(loaded.exercise));
  });

  it("links an exercise's Korean instructions only when grade speaks Korean, and English ones when it has no Korean", async () => {
    expect(String((await assignmentFiles([await exercise3()])).find((f) => f.path === "README.md")!.content)).toContain("(exercises/exercise-3/README.md)");
    const dir = path.join(emptyFolder(), "exercise-3");
    cpSync("exercises/exercise-3", dir, { recursive: true, filter: (src) => !src.endsWith("README.ko.md") });
    setLanguage("ko");
    try {
      const stub = String((await assignmentFiles([await loadExercise(path.join(dir, "exercise.yaml"))])).find((f) => f.path === "work/exercise-3/solution.sh")!.content);
      expect(stub).toContain("# 과제 (설명: exercises/exercise-3/README.md):");
    } finally {
      setLanguage("en");
    }
  });

  it("lists every exercise, with its points, in the learner's README", async () => {
    const readme = String((await assignmentFiles([await exercise3()])).find((f) => f.path === "README.md")!.content);
    expect(readme).toContain("| [exercise-3](exercises/exercise-3/README.md) | Pods and Nodes: explore your app | 10 |");
    expect(readme).toContain("grade start exercise-3");
  });
});

describe("assignmentFiles in Korean", () => {
  afterEach(() => setLanguage("en"));

  it("writes the README, the stub's comments and the answers header in Korean, points to README.ko.md, and makes the workflow report in Korean", async () => {
    setLanguage("ko");
    const files = await assignmentFiles([await exercise3()]);
    const text = (p: string) => String(files.find((f) => f.path === p)!.content);
    expect(text("README.md")).toMatch(/^# 쿠버네티스 실습\n/);
    expect(text("README.md")).toContain("| [exercise-3](exercises/exercise-3/README.ko.md) | 파드와 노드: 앱 조사하기 | 10 |");
    expect(text("work/exercise-3/solution.sh")).toContain("# 과제 (설명: exercises/exercise-3/README.ko.md):\n#   1. 파드와 그 파드가 실행 중인 노드 찾기 (4점)\n");
    expect(text("work/exercise-3/solution.sh")).toContain("work/exercise-3/ 폴더에서 최대 5분 동안 실행합니다.");
    expect(text("work/exercise-3/answers.yaml")).toMatch(/^# exercise-3의 답: /);
    expect(text(".github/workflows/classroom.yml")).toContain("          reporters: github,classroom\n          lang: ko\n");
  });
});

describe("writeAssignment", () => {
  const files = [
    { path: "a/b.txt", content: "new" },
    { path: "run.sh", content: "#!/bin/sh\n", executable: true },
  ];

  it("writes the files, creating folders, and makes scripts executable", async () => {
    const root = emptyFolder();
    await writeAssignment(root, files);
    expect(readFileSync(path.join(root, "a/b.txt"), "utf8")).toBe("new");
    expect(statSync(path.join(root, "run.sh")).mode & 0o777).toBe(0o755);
  });

  it("refuses to overwrite, names what is there, and writes nothing", async () => {
    const root = emptyFolder();
    writeFileSync(path.join(root, "run.sh"), "mine");
    const error = await writeAssignment(root, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${root} already has a file grade init would write: run.sh. Pass --force to overwrite them, or choose another --dir.`);
    expect(readFileSync(path.join(root, "run.sh"), "utf8")).toBe("mine");
    expect(existsSync(path.join(root, "a"))).toBe(false);
  });

  it("overwrites with force, executable bit included", async () => {
    const root = emptyFolder();
    mkdirSync(path.join(root, "a"));
    writeFileSync(path.join(root, "a/b.txt"), "old");
    writeFileSync(path.join(root, "run.sh"), "mine", { mode: 0o644 });
    await writeAssignment(root, files, { force: true });
    expect(readFileSync(path.join(root, "a/b.txt"), "utf8")).toBe("new");
    expect(statSync(path.join(root, "run.sh")).mode & 0o777).toBe(0o755);
  });
});
