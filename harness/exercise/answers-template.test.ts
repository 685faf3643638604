import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { answersTemplate, ensureAnswersFile } from "./answers-template.ts";
import { parseExercise } from "./load.ts";

const exercise = (checks: string[], extra = "") =>
  parseExercise(
    `id: demo\ntitle: Demo\n${extra}tasks:\n  - id: a\n    title: A\n    points: 1\n    checks:\n${checks.map((c) => `      - ${c}\n`).join("")}`,
    "demo.yaml",
  );
const answerCheck = (key: string) => `{ kind: answer, key: ${key}, truth: { podField: name, pods: {} } }`;

describe("answersTemplate", () => {
  it("has every answer key, nested as the dotted keys say, each empty", () => {
    const ex = exercise([answerCheck("pod.name"), answerCheck("pod.node"), "{ kind: script, run: 'true' }", answerCheck("app.reply"), answerCheck("total")]);
    expect(answersTemplate(ex)).toEqual({ pod: { name: "", node: "" }, app: { reply: "" }, total: "" });
  });

  it("is empty when the exercise asks no questions", () => {
    expect(answersTemplate(exercise(["{ kind: script, run: 'true' }"]))).toEqual({});
  });

  it("holds exercise-3's keys", async () => {
    const ex = parseExercise(readFileSync("exercises/exercise-3/exercise.yaml", "utf8"), "exercise.yaml");
    expect(answersTemplate(ex)).toEqual({
      pod: { name: "", node: "", ip: "" },
      app: { reply: "", startedAt: "" },
      container: { hostname: "" },
    });
  });
});

describe("ensureAnswersFile", () => {
  it("writes the template (as YAML with a header) into a new work folder", async () => {
    const work = path.join(mkdtempSync(path.join(tmpdir(), "grade-answers-")), "work", "demo");
    const file = await ensureAnswersFile(exercise([answerCheck("pod.name")]), work);
    expect(file).toBe(path.join(work, "answers.yaml"));
    const text = readFileSync(file!, "utf8");
    expect(text.split("\n")[0]).toBe("# Answers for demo: fill in the values (see demo's README).");
    expect(parse(text)).toEqual({ pod: { name: "" } });
  });

  it("uses the file name the exercise names", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "grade-answers-"));
    expect(await ensureAnswersFile(exercise([answerCheck("x")], "work: { answers: my-answers.yaml }\n"), work)).toBe(path.join(work, "my-answers.yaml"));
  });

  it("never overwrites the learner's answers", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "grade-answers-"));
    writeFileSync(path.join(work, "answers.yaml"), "pod: { name: mine }\n");
    expect(await ensureAnswersFile(exercise([answerCheck("pod.name")]), work)).toBeUndefined();
    expect(readFileSync(path.join(work, "answers.yaml"), "utf8")).toBe("pod: { name: mine }\n");
  });

  it("writes nothing when there is nothing to answer", async () => {
    const work = path.join(mkdtempSync(path.join(tmpdir(), "grade-answers-")), "w");
    expect(await ensureAnswersFile(exercise(["{ kind: script, run: 'true' }"]), work)).toBeUndefined();
    expect(existsSync(work)).toBe(false);
  });
});
