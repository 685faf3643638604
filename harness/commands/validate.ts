import { existsSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { listExerciseFiles, loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import { EXIT } from "../errors.ts";

/**
 * grade validate [paths…]: every exercise file parses and validates, has learner instructions and a
 * reference solution with the script autograding would run, and a starter/ folder, when it has
 * one, holds manifests. Lists every problem, not just the first.
 */
export async function validateCommand(paths: string[]): Promise<number> {
  const files = paths.length > 0 ? paths.map((p) => resolveExerciseFile(p)) : await listExerciseFiles();
  let problems = 0;
  for (const file of files) {
    const found: string[] = [];
    try {
      const loaded = await loadExercise(file);
      // No starter/ folder: the learner starts from an empty cluster (exercises 1, 2, 7). An
      // empty one is more likely a manifest forgotten or misnamed.
      const starterDir = path.join(loaded.dir, "starter");
      if (existsSync(starterDir) && loaded.starterFiles.length === 0) {
        found.push(`${file}: ${starterDir}/ holds no manifests (*.yaml or *.yml): add them, or remove the folder if the exercise starts from an empty cluster`);
      }
      const solutionScript = path.join(loaded.dir, "solution", loaded.exercise.work.script);
      if (!existsSync(solutionScript)) found.push(`${file}: no reference solution at ${solutionScript}`);
      if (!existsSync(path.join(loaded.dir, "README.md"))) found.push(`${file}: no learner instructions at ${path.join(loaded.dir, "README.md")}`);
    } catch (e) {
      found.push((e as Error).message);
    }
    problems += found.length;
    process.stdout.write(found.length === 0 ? `${pc.green("✓")} ${file}\n` : `${pc.red("✗")} ${found.join("\n  ")}\n`);
  }
  if (files.length === 0) process.stdout.write("No exercises found under exercises/.\n");
  return problems === 0 ? EXIT.ok : EXIT.usage;
}
