import path from "node:path";
import { loadExercise, resolveExerciseFile, type LoadedExercise } from "../exercise/load.ts";
import { assignmentFiles, writeAssignment } from "../init/assignment-files.ts";
import { CLASSROOM_WORKFLOW_FILE } from "../init/classroom-workflow.ts";
import { EXIT } from "../errors.ts";

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
  out.write(`Wrote an assignment for ${exercises.map((e) => e.exercise.id).join(", ")} in ${where}:\n`);
  for (const file of files) out.write(`  ${file.path}\n`);
  out.write(
    `\nNext: push it to a GitHub repository, mark that a template repository, and make it the starter code of a\n` +
      `Classroom assignment. Leave the assignment's autograding tests in Classroom empty: ${CLASSROOM_WORKFLOW_FILE}\n` +
      `grades every push, and a test added in Classroom's UI would replace it.\n`,
  );
  return EXIT.ok;
}
