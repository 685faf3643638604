import { existsSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { readmeFile } from "../exercise/instructions.ts";
import { listExerciseFiles, loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { EXIT } from "../errors.ts";
import { LANGUAGES } from "../i18n/language.ts";
import { t } from "../i18n/messages.ts";

/**
 * grade validate [exercises…]: every exercise file parses and validates, has learner instructions,
 * and a starter/ folder, when it has one, holds manifests. Lists every problem, not just the first.
 * A missing reference solution is only noted: assignments (and the exercises that come with
 * grade) have none on purpose.
 */
export async function validateCommand(refs: string[]): Promise<number> {
  const say = t().authoring;
  const files = refs.length > 0 ? refs.map((ref) => resolveExerciseFile(ref)) : await listExerciseFiles();
  let problems = 0;
  for (const file of files) {
    const found: string[] = [];
    const notes: string[] = [];
    try {
      const loaded = await loadExercise(file);
      // No starter/ folder: the learner starts from an empty cluster (exercises 1, 2, 7). An
      // empty one is more likely a manifest forgotten or misnamed.
      const starterDir = path.join(loaded.dir, "starter");
      if (existsSync(starterDir) && loaded.starterFiles.length === 0) {
        found.push(say.noManifests({ file, dir: starterDir }));
      }
      const readme = path.join(loaded.dir, readmeFile("en"));
      if (!existsSync(readme)) found.push(say.noInstructions({ file, readme }));
      const solutionScript = path.join(loaded.dir, "solution", loaded.exercise.work.script);
      if (!existsSync(solutionScript)) notes.push(say.noSolution({ script: solutionScript }));
      for (const { language, fields } of loaded.untranslated) {
        const shown = fields.slice(0, 3).join(", ") + (fields.length > 3 ? say.andMore({ count: fields.length - 3 }) : "");
        notes.push(say.untranslated({ count: fields.length, language, fields: shown }));
      }
      for (const language of LANGUAGES.filter((l) => l !== "en")) {
        const translated = path.join(loaded.dir, readmeFile(language));
        if (!existsSync(translated)) notes.push(say.noTranslatedReadme({ language, readme: translated }));
      }
    } catch (e) {
      found.push((e as Error).message);
    }
    problems += found.length;
    const head = found.length === 0 ? `${pc.green("✓")} ${file}` : `${pc.red("✗")} ${found[0]}`;
    const rest = [...found.slice(1), ...notes.map((n) => pc.dim(`${t().report.note}: ${n}`))];
    process.stdout.write(`${[head, ...rest].join("\n  ")}\n`);
  }
  if (files.length === 0) process.stdout.write(`${say.noExercisesUnder}\n`);
  return problems === 0 ? EXIT.ok : EXIT.usage;
}
