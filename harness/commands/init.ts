import path from "node:path";
import { loadExercise, resolveExerciseFile, type LoadedExercise } from "../exercise/load.ts";
import { assignmentFiles, writeAssignment } from "../init/assignment-files.ts";
import { CLASSROOM_WORKFLOW_FILE } from "../init/classroom-workflow.ts";
import { EXIT } from "../errors.ts";
import { t } from "../i18n/messages.ts";

export interface InitOptions {
  dir: string;
  force?: boolean;
  action?: string;
}

/** grade init <exercise…> [--dir DIR]: scaffolds an assignment (template) repository for GitHub Classroom. */
export async function initCommand(exerciseRefs: string[], o: InitOptions): Promise<number> {
  const exercises: LoadedExercise[] = [];
  for (const ref of exerciseRefs) {
    const loaded = await loadExercise(resolveExerciseFile(ref));
    // The same exercise named twice (by id and by path) is scaffolded once.
    if (!exercises.some((e) => e.exercise.id === loaded.exercise.id)) exercises.push(loaded);
  }
  const files = await assignmentFiles(exercises, { action: o.action });
  await writeAssignment(o.dir, files, { force: o.force });

  const out = process.stdout;
  const where = path.resolve(o.dir);
  out.write(`${t().authoring.wroteAssignment({ exercises: exercises.map((e) => e.exercise.id).join(", "), dir: where })}\n`);
  for (const file of files) out.write(`  ${file.path}\n`);
  out.write(`\n${t().authoring.nextSteps({ workflow: CLASSROOM_WORKFLOW_FILE })}\n`);
  return EXIT.ok;
}
