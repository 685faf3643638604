import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { Exercise } from "./schema.ts";
import { t } from "../i18n/messages.ts";

/** Every answer key the exercise asks for, nested as in the file, each an empty string. */
export function answersTemplate(exercise: Exercise): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const task of exercise.tasks) {
    for (const check of task.checks) {
      if (check.kind !== "answer") continue;
      const keys = (check as { key: string }).key.split(".");
      let node = root;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[keys.at(-1)!] = "";
    }
  }
  return root;
}

/** The answers file a learner starts from (a header, then every key empty), or undefined when the exercise asks nothing. */
export function answersFileText(exercise: Exercise): string | undefined {
  const template = answersTemplate(exercise);
  if (Object.keys(template).length === 0) return undefined;
  return `${t().authoring.answersHeader({ exercise: exercise.id })}\n${stringify(template)}`;
}

/** Writes the learner's answers file with empty answers, unless they already have one. */
export async function ensureAnswersFile(exercise: Exercise, workDir: string): Promise<string | undefined> {
  const file = path.join(workDir, exercise.work.answers);
  const text = answersFileText(exercise);
  if (existsSync(file) || text === undefined) return undefined;
  await mkdir(workDir, { recursive: true });
  await writeFile(file, text);
  return file;
}
