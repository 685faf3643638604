import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { setLanguage } from "../i18n/language.ts";
import { BUNDLED_EXERCISES_DIR } from "../package-info.ts";
import { exerciseJsonSchema, SCHEMA_FILE } from "./gen-schema.ts";
import { ExerciseFileError, listExerciseFiles, loadExercise, parseExercise, resolveExerciseFile } from "./load.ts";
import { maxPointsOf } from "../report/points.ts";

const TESTDATA = "harness/exercise/testdata";
const fixture = (name: string) => path.join(TESTDATA, name);

/** The error loadExercise throws for a fixture (fails the test when it loads). */
async function loadError(name: string): Promise<ExerciseFileError> {
  const error = await loadExercise(fixture(name)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExerciseFileError);
  expect(error).toBeInstanceOf(UsageError);
  return error as ExerciseFileError;
}

describe("loadExercise", () => {
  it("loads a good file, filling defaults", async () => {
    const { exercise, dir, file, starterFiles } = await loadExercise(fixture("good.yaml"));
    expect({ dir, file, starterFiles }).toEqual({ dir: TESTDATA, file: fixture("good.yaml"), starterFiles: [] });
    expect(exercise).toMatchObject({
      id: "good",
      images: [],
      cluster: { nodes: 1 },
      ready: { timeout: 180_000 },
      work: { answers: "answers.yaml", script: "solution.sh", scriptTimeout: 300_000 },
      defaults: {},
    });
    expect(exercise.tasks.map((t) => t.checks.map((c) => c.kind))).toEqual([
      ["podPlacement", "answer"],
      ["containerLogs", "execOutput", "proxyReachable", "resource", "script"],
    ]);
    expect(exercise.tasks[1]!.checks[0]).toMatchObject({ name: "logs say hello", timeout: 20_000 });
  });

  it("names file:line, the path and the fix for an unknown key in a check", async () => {
    const { message } = await loadError("bad-unknown-key.yaml");
    expect(message).toBe(
      `${fixture("bad-unknown-key.yaml")} is not a valid exercise:\n` +
        `  ${fixture("bad-unknown-key.yaml")}:10 tasks[0].checks[0]: unknown key "replica": remove it or fix the spelling`,
    );
  });

  it("lists the known check kinds for an unknown one", async () => {
    const { message } = await loadError("bad-unknown-kind.yaml");
    expect(message).toContain(
      `${fixture("bad-unknown-kind.yaml")}:8 tasks[0].checks[0].kind: unknown check kind: use one of podPlacement, containerLogs, execOutput, proxyReachable, serviceReachable, resource, eventRecorded, answer, script`,
    );
  });

  it("says what type was expected and what was found", async () => {
    const { message } = await loadError("bad-wrong-type.yaml");
    expect(message).toContain(`${fixture("bad-wrong-type.yaml")}:6 tasks[0].points: expected number, received string`);
  });

  it("in Korean: the problems are said in Korean, zod's own wording included; file, line, path and names stay as they are", async () => {
    setLanguage("ko");
    try {
      expect((await loadError("bad-unknown-key.yaml")).message).toBe(
        `올바른 실습 파일이 아닙니다: ${fixture("bad-unknown-key.yaml")}\n` +
          `  ${fixture("bad-unknown-key.yaml")}:10 tasks[0].checks[0]: 알 수 없는 키 "replica": 지우거나 철자를 고치십시오`,
      );
      expect((await loadError("bad-wrong-type.yaml")).message).toContain(`${fixture("bad-wrong-type.yaml")}:6 tasks[0].points: 예상 타입은 number, 받은 타입은 string입니다`);
      expect((await loadError("bad-duplicate-ids.yaml")).message).toContain(`tasks[1].id: 과제 id가 두 번 쓰였습니다: "same". id는 서로 달라야 합니다`);
      const task = "id: x\ntitle: X\ntasks:\n  - id: a\n    title: A\n    checks: [{ kind: script, run: \"true\" }]\n";
      expect(() => parseExercise(task, "f.yaml")).toThrow("f.yaml:4 tasks[0].points: 꼭 있어야 합니다: number 값이 필요합니다");
    } finally {
      setLanguage("en");
    }
  });

  it("rejects a pattern that is not a regular expression when loading, not when grading", async () => {
    const { message } = await loadError("bad-regex.yaml");
    expect(message).toContain(`${fixture("bad-regex.yaml")}:10 tasks[0].checks[0].expect.matches: not a valid regular expression (JavaScript syntax)`);
  });

  it("rejects duplicate task ids, pointing at the second", async () => {
    const { message } = await loadError("bad-duplicate-ids.yaml");
    expect(message).toContain(`${fixture("bad-duplicate-ids.yaml")}:10 tasks[1].id: task id "same" is used twice; ids must be unique`);
  });

  it("reports invalid YAML with file and line", async () => {
    const { message } = await loadError("bad-yaml.yaml");
    expect(message).toMatch(new RegExp(`^${fixture("bad-yaml.yaml").replaceAll(".", "\\.")}:5: `));
    expect(message).not.toContain("is not a valid exercise");
  });

  it("lists every problem, not just the first", () => {
    const text = "id: Bad_Id\ntitle: X\ntasks: []\nextra: 1\n";
    const error = (() => {
      try {
        parseExercise(text, "f.yaml");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message.split("\n")).toEqual([
      "f.yaml is not a valid exercise:",
      "  f.yaml:1 id: lower-case letters, digits and dashes, e.g. exercise-3",
      "  f.yaml:3 tasks: Too small: expected array to have >=1 items",
      '  f.yaml:4: unknown key "extra": remove it or fix the spelling',
    ]);
  });

  it("says what is required when a field is missing, and what a bad value may be", () => {
    const check = (c: string) => `id: x\ntitle: X\ntasks:\n  - id: a\n    title: A\n    points: 1\n    checks:\n      - ${c}\n`;
    expect(() => parseExercise("id: x\ntitle: X\n", "f.yaml")).toThrow("f.yaml:1 tasks: required: expected array");
    expect(() => parseExercise(check("{ kind: proxyReachable, pods: {}, port: 8080, via: proxy }"), "f.yaml")).toThrow(
      'f.yaml:8 tasks[0].checks[0].via: expected one of "apiServer", "kubectlProxy"',
    );
    expect(() => parseExercise(check('{ kind: script, run: "true", timeout: 1h }'), "f.yaml")).toThrow(
      'f.yaml:8 tasks[0].checks[0].timeout: a duration such as "500ms", "30s" or "2m"',
    );
  });
  it("refuses a malformed object path in an answer's key or a truth's where, saying how to write one", () => {
    const check = (c: string) => `id: x\ntitle: X\ntasks:\n  - id: a\n    title: A\n    points: 1\n    checks:\n      - ${c}\n`;
    const howTo = 'write keys.like.this, [0], [*], [field=value] or ["a.key"]';
    expect(() => parseExercise(check("{ kind: answer, key: pod..name, truth: { podField: name, pods: { labels: { app: web } } } }"), "f.yaml")).toThrow(
      `f.yaml:8 tasks[0].checks[0].key: cannot read the path "pod..name" at "..name": ${howTo}`,
    );
    const where = '{ kind: answer, key: node.ip, truth: { objectField: { apiVersion: v1, kind: Node, where: { "status.addresses[type=InternalIP": x }, path: metadata.name } } }';
    expect(() => parseExercise(check(where), "f.yaml")).toThrow(
      `f.yaml:8 tasks[0].checks[0].truth: objectField.where.status.addresses[type=InternalIP: cannot read the path "status.addresses[type=InternalIP" at "[type=InternalIP": ${howTo}`,
    );
  });
});

describe("the repository's exercises", () => {
  it("exercise-3 loads, with its starter manifests in name order", async () => {
    const loaded = await loadExercise(resolveExerciseFile("exercise-3"));
    expect(loaded.file).toBe(path.join("exercises", "exercise-3", "exercise.yaml"));
    expect(loaded.exercise.id).toBe("exercise-3");
    expect(maxPointsOf(loaded.exercise)).toBe(10);
    expect(loaded.starterFiles).toEqual([path.join("exercises", "exercise-3", "starter", "10-deployment.yaml")]);
  });

  it("every exercise under exercises/ loads", async () => {
    const files = await listExerciseFiles();
    expect(files).toContain(path.join("exercises", "exercise-3", "exercise.yaml"));
    for (const file of files) await expect(loadExercise(file)).resolves.toBeDefined();
  });

  it("the checked-in JSON Schema is fresh (run `npm run gen:schema` when this fails)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(exerciseJsonSchema());
  });
});

describe("resolveExerciseFile", () => {
  const file = path.join("exercises", "exercise-3", "exercise.yaml");

  it("finds an exercise by id, by folder and by file", () => {
    expect(resolveExerciseFile("exercise-3")).toBe(file);
    expect(resolveExerciseFile("exercises/exercise-3")).toBe(file);
    expect(resolveExerciseFile("exercises/exercise-3/")).toBe(file);
    expect(resolveExerciseFile(file)).toBe(file);
    expect(resolveExerciseFile(fixture("good.yaml"))).toBe(fixture("good.yaml"));
  });

  it("takes absolute paths to a folder or a file as they are, and names them relative to the folder it works in", () => {
    const absolute = path.resolve(file);
    expect(resolveExerciseFile(path.dirname(absolute))).toBe(file);
    expect(resolveExerciseFile(absolute)).toBe(file);
  });

  it("names a file outside the working folder by its absolute path, and takes relative paths from there", () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "grade-resolve-"));
    const absolute = path.resolve(file);
    expect(resolveExerciseFile(path.dirname(absolute), elsewhere)).toBe(absolute);
    expect(resolveExerciseFile(path.relative(elsewhere, absolute), elsewhere)).toBe(absolute);
  });

  describe("an id, in a folder of one's own", () => {
    const bundled = path.resolve("exercises"); // stands in for the exercises that come with grade
    /** A learner's folder with its own exercises/<id>/exercise.yaml for each id given. */
    function learnerFolder(ids: string[]): string {
      const root = mkdtempSync(path.join(tmpdir(), "grade-resolve-"));
      for (const id of ids) {
        mkdirSync(path.join(root, "exercises", id), { recursive: true });
        writeFileSync(path.join(root, "exercises", id, "exercise.yaml"), `id: ${id}\n`);
      }
      return root;
    }

    it("is looked up first in ./exercises/<id>, then in grade's own exercises", () => {
      expect(resolveExerciseFile("exercise-3", learnerFolder(["exercise-3"]), bundled)).toBe(file);
      expect(resolveExerciseFile("exercise-3", learnerFolder([]), bundled)).toBe(path.join(bundled, "exercise-3", "exercise.yaml"));
    });

    it("comes before a folder of the same name in the working folder", () => {
      const root = learnerFolder(["exercise-3"]);
      mkdirSync(path.join(root, "exercise-3"));
      writeFileSync(path.join(root, "exercise-3", "exercise.yaml"), "id: other\n");
      expect(resolveExerciseFile("exercise-3", root, bundled)).toBe(file);
    });

    it("is never looked up in grade's own exercises when it is a path", () => {
      const root = learnerFolder([]);
      expect(() => resolveExerciseFile("./exercise-3", root, bundled)).toThrow('no exercise "./exercise-3"');
    });
  });

  it("names everything it looked for when there is no such exercise, and what to do", () => {
    const root = mkdtempSync(path.join(tmpdir(), "grade-resolve-"));
    expect(() => resolveExerciseFile("nope", root, "/opt/grade/exercises")).toThrow(
      new UsageError(
        'no exercise "nope": looked for exercises/nope/exercise.yaml, nope/exercise.yaml, /opt/grade/exercises/nope/exercise.yaml. ' +
          "Run `grade list` to see the exercises, or name an exercise's folder or its exercise.yaml.",
      ),
    );
  });

  it("says so when a folder holds no exercise.yaml", () => {
    expect(() => resolveExerciseFile("harness")).toThrow("harness is a folder without exercise.yaml.");
  });

  it("does not take a file that is not YAML", () => {
    expect(() => resolveExerciseFile("package.json")).toThrow('no exercise "package.json": looked for package.json/exercise.yaml.');
  });
});

describe("the exercises that come with grade", () => {
  it("are the repository's exercises/ when grade runs from its repository", () => {
    expect(BUNDLED_EXERCISES_DIR).toBe(path.resolve("exercises"));
  });

  it("each have a reference solution here (the package leaves them out; instructors' copies need them)", async () => {
    for (const file of await listExerciseFiles()) {
      const { dir, exercise } = await loadExercise(file);
      expect(existsSync(path.join(dir, "solution", exercise.work.script)), `${file}: no reference solution`).toBe(true);
    }
  });
});

describe("declared faults", () => {
  const withFaults = (nodes: number, stopNode: string) => `id: demo
title: Demo
cluster: { nodes: ${nodes} }
faults: [{ stopNode: ${stopNode} }]
tasks:
  - { id: a, title: A, points: 1, checks: [{ kind: script, run: "true" }] }
`;
  it("accept stopping an agent of the cluster", () => {
    expect(parseExercise(withFaults(2, "k3s-agent-1"), "e.yaml").faults).toEqual([{ stopNode: "k3s-agent-1" }]);
  });
  it("refuse a node the cluster will not have, or its server, saying which may be stopped", () => {
    expect(() => parseExercise(withFaults(2, "k3s-agent-2"), "e.yaml")).toThrow("e.yaml:4 faults[0].stopNode: stopNode must name an agent of this 2-node cluster: k3s-agent-1");
    expect(() => parseExercise(withFaults(1, "k3s-server"), "e.yaml")).toThrow("there is no node to stop: the server (k3s-server) holds the API; ask for cluster: { nodes: 2 } and stop k3s-agent-1");
  });
});
