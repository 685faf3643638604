import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { exerciseJsonSchema, SCHEMA_FILE } from "./gen-schema.ts";
import { ExerciseFileError, listExerciseFiles, loadExercise, parseExercise, resolveExerciseFile } from "./load.ts";

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
});

describe("the repository's exercises", () => {
  it("exercise-3 loads, with its starter manifests in name order", async () => {
    const loaded = await loadExercise(resolveExerciseFile("exercise-3"));
    expect(loaded.file).toBe(path.join("exercises", "exercise-3", "exercise.yaml"));
    expect(loaded.exercise.id).toBe("exercise-3");
    expect(loaded.exercise.tasks.reduce((sum, t) => sum + t.points, 0)).toBe(10);
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
  it("finds an exercise by id, by folder and by file", () => {
    const file = path.join("exercises", "exercise-3", "exercise.yaml");
    expect(resolveExerciseFile("exercise-3")).toBe(file);
    expect(resolveExerciseFile("exercises/exercise-3")).toBe(file);
    expect(resolveExerciseFile(file)).toBe(file);
    expect(resolveExerciseFile(fixture("good.yaml"))).toBe(fixture("good.yaml"));
  });
  it("names what it looked for when there is no such exercise", () => {
    expect(() => resolveExerciseFile("nope")).toThrow(
      new UsageError('no exercise "nope": looked for exercises/nope/exercise.yaml. Run `grade list` to see the exercises.'),
    );
  });
});
