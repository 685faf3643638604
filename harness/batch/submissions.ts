import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/**
 * One learner's submission: a subfolder of the submissions folder, named after the learner. It is
 * a clone of their assignment repository (their work in `work/<exercise>/`, as `grade run`
 * expects it) or a folder holding the solution script itself.
 */
export interface Submission {
  learner: string;
  /** The submission's folder (absolute). */
  dir: string;
  /** The folder the script runs in (absolute); undefined when the submission has no work folder. */
  workDir: string | undefined;
  layout: "repository" | "work-folder" | "nothing-to-grade";
  hasScript: boolean;
}

/** Learner names in code-point order: the same on every machine, whatever its locale (shards depend on it). */
export const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every subfolder of `dir` as a submission, sorted by name (code points: the same order on every machine). */
export async function findSubmissions(dir: string, exercise: { id: string; script: string }, o: { exclude?: string[] } = {}): Promise<Submission[]> {
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(t().batch.noSubmissionsFolder({ dir, script: exercise.script }));
  }
  const excluded = new Set((o.exclude ?? []).map((p) => path.resolve(p)));
  const entries = await readdir(root, { withFileTypes: true });
  const learners = entries
    .filter((e) => !e.name.startsWith(".")) // .git, editor and OS files: never a learner
    .filter((e) => isDirectory(path.join(root, e.name)) && !excluded.has(path.join(root, e.name)))
    .map((e) => e.name)
    .sort(compareNames);
  if (learners.length === 0) {
    throw new UsageError(t().batch.noSubmissions({ dir, script: exercise.script }));
  }
  return learners.map((learner) => detectLayout(learner, path.join(root, learner), exercise));
}

/** Where the work is: `work/<exercise>/` of a repository clone first, else the folder itself when it holds the script. */
export function detectLayout(learner: string, dir: string, exercise: { id: string; script: string }): Submission {
  const inRepository = path.join(dir, "work", exercise.id);
  if (isDirectory(inRepository)) {
    return { learner, dir, workDir: inRepository, layout: "repository", hasScript: existsSync(path.join(inRepository, exercise.script)) };
  }
  if (existsSync(path.join(dir, exercise.script))) return { learner, dir, workDir: dir, layout: "work-folder", hasScript: true };
  return { learner, dir, workDir: undefined, layout: "nothing-to-grade", hasScript: false };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
