import path from "node:path";
import { realpathSync, existsSync } from "node:fs";
import { listExerciseFiles, loadExercise } from "../exercise/load.ts";
import { graders } from "../../graders/index.ts";
import { BUNDLED_EXERCISES_DIR, PACKAGE_ROOT } from "../package-info.ts";
import { EXIT } from "../errors.ts";
import { t } from "../i18n/messages.ts";
import { maxPointsOf } from "../report/points.ts";

/**
 * grade list: the exercises here (exercises/<id>/), then those that come with grade and are not
 * shadowed by one here; with --kinds, the check kinds exercise files may use.
 */
export async function listCommand(o: { kinds?: boolean }): Promise<number> {
  const out = process.stdout;
  if (o.kinds) {
    for (const g of graders) out.write(`${g.kind.padEnd(16)} ${g.description()}\n`);
    return EXIT.ok;
  }
  const local = await listExerciseFiles();
  // An id resolves to ./exercises/<id> first: a bundled exercise of the same id is out of reach.
  const folderOf = (file: string) => path.basename(path.dirname(file));
  const localIds = new Set(local.map(folderOf));
  for (const file of local) out.write(await describeExercise(file, file));
  const bundled = isSameFolder(BUNDLED_EXERCISES_DIR, path.resolve("exercises"))
    ? []
    : (await listExerciseFiles(PACKAGE_ROOT)).filter((file) => !localIds.has(folderOf(file)));
  if (local.length === 0 && bundled.length === 0) out.write(`${t().session.noExercises}\n`);
  if (bundled.length > 0) {
    out.write(`${local.length > 0 ? "\n" : ""}${t().session.bundledExercises}\n`);
    for (const file of bundled) out.write(await describeExercise(path.join(PACKAGE_ROOT, file), folderOf(file)));
  }
  return EXIT.ok;
}

/** One line: id, title, tasks and points; or how to find out why the file does not load. */
async function describeExercise(file: string, shownAs: string): Promise<string> {
  try {
    const { exercise } = await loadExercise(file);
    const points = maxPointsOf(exercise);
    return `${exercise.id.padEnd(14)} ${t().session.exerciseLine({ title: exercise.title, tasks: exercise.tasks.length, points })}\n`;
  } catch {
    return `${shownAs.padEnd(14)} ${t().session.invalidExercise({ file })}\n`;
  }
}

/** True when both name the same existing folder (grade's own exercises, listed from its repository). */
function isSameFolder(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
}
