import { readFile, readdir } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import { exerciseSchema, type Exercise } from "./schema.ts";
import { describeIssue, formatPath } from "./format-issue.ts";
import { UsageError } from "../errors.ts";
import { BUNDLED_EXERCISES_DIR } from "../package-info.ts";
import { LANGUAGES, type Language } from "../i18n/language.ts";
import { missingTranslations } from "./missing-translations.ts";
import { t } from "../i18n/messages.ts";
import { useZodLanguage } from "../i18n/zod-language.ts";

export const EXERCISES_DIR = "exercises";
export const EXERCISE_FILE = "exercise.yaml";
/** What an exercise id looks like (the schema's rule): anything else typed is only a path. */
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface LoadedExercise {
  exercise: Exercise;
  /** The exercise's folder and file, as given (relative paths stay relative, for annotations). */
  dir: string;
  file: string;
  /** Starter manifests, applied in name order. */
  starterFiles: string[];
  /** Texts with no version in a language grade speaks (English is shown instead), per language. */
  untranslated: { language: Language; fields: string[] }[];
}

/** Raised when an exercise file is not valid; its message lists every problem as file:line path: fix. */
export class ExerciseFileError extends UsageError {}

/**
 * Finds an exercise's file from what a user typed, in this order (the first that exists wins):
 * 1. an id: ./exercises/<id>/exercise.yaml (the exercises of the folder you are in);
 * 2. a path, absolute or relative: a folder holding exercise.yaml, or the .yaml file itself;
 * 3. an id: the exercises that come with grade (bundledDir), so `grade init exercise-3` and
 *    `grade run exercise-3` work in an empty folder.
 * Returns the path relative to root when the file is inside it (annotations name it so), else absolute.
 */
export function resolveExerciseFile(ref: string, root = process.cwd(), bundledDir: string | undefined = BUNDLED_EXERCISES_DIR): string {
  const isId = EXERCISE_ID.test(ref);
  const asPath = path.resolve(root, ref);
  const candidates = [
    ...(isId ? [path.join(root, EXERCISES_DIR, ref, EXERCISE_FILE)] : []),
    path.join(asPath, EXERCISE_FILE),
    asPath,
    ...(isId && bundledDir ? [path.join(bundledDir, ref, EXERCISE_FILE)] : []),
  ];
  const found = candidates.find((c) => /\.ya?ml$/.test(c) && existsSync(c) && statSync(c).isFile());
  if (found) return displayPath(found, root);

  const looked = [...new Set(candidates.filter((c) => c !== asPath || /\.ya?ml$/.test(c)).map((c) => displayPath(c, root)))];
  const folder = existsSync(asPath) && statSync(asPath).isDirectory() ? displayPath(asPath, root) : undefined;
  throw new UsageError(t().errors.noExercise({ ref, looked: looked.join(", "), folder, file: EXERCISE_FILE }));
}

/** Relative to root when inside it, absolute otherwise. */
function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

export async function loadExercise(file: string): Promise<LoadedExercise> {
  const text = await readFile(file, "utf8");
  const { exercise, raw } = parseExerciseDocument(text, file);
  const dir = path.dirname(file);
  const starterDir = path.join(dir, "starter");
  const starterFiles = existsSync(starterDir)
    ? (await readdir(starterDir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(starterDir, f))
    : [];
  const untranslated = LANGUAGES.filter((l) => l !== "en").map((language) => ({ language, fields: missingTranslations(raw, language) }));
  return { exercise, dir, file, starterFiles, untranslated: untranslated.filter((u) => u.fields.length > 0) };
}

/** Parses and validates; every problem names the file, the line, the path inside the file and what to do. */
export function parseExercise(text: string, file: string): Exercise {
  return parseExerciseDocument(text, file).exercise;
}

/** parseExercise, also giving the file's content as written (before defaults and translation). */
function parseExerciseDocument(text: string, file: string): { exercise: Exercise; raw: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ExerciseFileError(doc.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`).join("\n"));
  }
  const raw: unknown = doc.toJS();
  // zod's own messages (a wrong type, a number too small) in the language grade speaks too.
  useZodLanguage();
  const result = exerciseSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { exercise: result.data, raw };

  const lines = result.error.issues.map((issue) => {
    // An unknown key is best shown at its own line, not at the start of the map holding it.
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
    const where = locate(doc, lineCounter, path);
    const at = formatPath(issue.path);
    return `${file}:${where}${at ? ` ${at}` : ""}: ${describeIssue(issue)}`;
  });
  throw new ExerciseFileError(`${t().authoring.notAnExercise({ file })}\n${lines.map((l) => `  ${l}`).join("\n")}`);
}

/** The line of the deepest part of the path that exists in the document (a map key's own line when the path ends at one). */
function locate(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, issuePath: readonly PropertyKey[]): number {
  for (let n = issuePath.length; n >= 0; n--) {
    const parent = doc.getIn(issuePath.slice(0, n - 1) as (string | number)[], true);
    const last = issuePath[n - 1];
    if (n > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
    }
    const node = doc.getIn(issuePath.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/** Every exercise under exercises/, sorted by id. */
export async function listExerciseFiles(root = process.cwd()): Promise<string[]> {
  const dir = path.join(root, EXERCISES_DIR);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, EXERCISE_FILE)))
    .map((e) => path.join(EXERCISES_DIR, e.name, EXERCISE_FILE))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}
