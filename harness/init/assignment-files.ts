import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { answersFileText } from "../exercise/answers-template.ts";
import { exerciseJsonSchema } from "../exercise/gen-schema.ts";
import { EXERCISES_DIR, type LoadedExercise } from "../exercise/load.ts";
import { UsageError } from "../errors.ts";
import { currentLanguage } from "../i18n/language.ts";
import { CLASSROOM_WORKFLOW_FILE, classroomWorkflow } from "./classroom-workflow.ts";
import { instructionsOf, learnerReadme } from "./learner-readme.ts";
import { solutionStub } from "./solution-stub.ts";
import { t } from "../i18n/messages.ts";

/** One file of an assignment repository, its path relative to the repository's root. */
export interface AssignmentFile {
  path: string;
  content: string | Buffer;
  executable?: boolean;
}

/** What an exercise folder holds that learners must not get. */
const INSTRUCTOR_ONLY = ["solution"];

/** Ignored in an assignment: grade's local state and a local install. */
const GITIGNORE = ".grade/\nnode_modules/\n";

/**
 * Every file of an assignment (template) repository for these exercises: each exercise without its
 * reference solution, the learner's starting work, the autograding workflow, .gitignore, README.
 */
export async function assignmentFiles(exercises: LoadedExercise[], o: { action?: string } = {}): Promise<AssignmentFile[]> {
  const files: AssignmentFile[] = [];
  for (const loaded of exercises) {
    const { exercise } = loaded;
    for (const relative of await exerciseContent(loaded.dir)) {
      files.push({ path: path.join(EXERCISES_DIR, exercise.id, relative), content: await readFile(path.join(loaded.dir, relative)) });
    }
    const work = path.join("work", exercise.id);
    files.push({ path: path.join(work, exercise.work.script), content: solutionStub(exercise, instructionsOf(loaded)), executable: true });
    const answers = answersFileText(exercise);
    if (answers !== undefined) files.push({ path: path.join(work, exercise.work.answers), content: answers });
  }
  // Exercise files name it as their $schema (../exercise.schema.json): editors check them with it.
  files.push({ path: path.join(EXERCISES_DIR, "exercise.schema.json"), content: exerciseJsonSchema() });
  // Classroom's runner has an English locale: an assignment scaffolded in another language says so.
  const lang = currentLanguage() === "en" ? undefined : currentLanguage();
  files.push({ path: CLASSROOM_WORKFLOW_FILE, content: classroomWorkflow(exercises.map((e) => e.exercise.id), { ...o, lang }) });
  files.push({ path: ".gitignore", content: GITIGNORE });
  files.push({ path: "README.md", content: learnerReadme(exercises) });
  return files;
}

/** The files of an exercise folder, relative to it, without what only instructors may see. */
async function exerciseContent(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((relative) => !INSTRUCTOR_ONLY.includes(relative.split(path.sep)[0]!))
    .sort();
}

/** Writes the files under root; refuses (writing nothing) when any exists, unless force. */
export async function writeAssignment(root: string, files: AssignmentFile[], o: { force?: boolean } = {}): Promise<void> {
  const existing = files.filter((f) => existsSync(path.join(root, f.path))).map((f) => f.path);
  if (existing.length > 0 && !o.force) {
    throw new UsageError(t().authoring.wouldOverwrite({ dir: path.resolve(root), count: existing.length, files: existing.join(", ") }));
  }
  for (const file of files) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    // Also when --force overwrites: writeFile's mode applies only to a new file.
    await chmod(target, file.executable ? 0o755 : 0o644);
  }
}
