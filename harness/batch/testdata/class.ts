import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Behaviour } from "./stand-in-grade.ts";

/** The stand-in grade command (`grade batch` runs it where it would run the grade CLI). */
export const STAND_IN_GRADE = [process.execPath, path.join(import.meta.dirname, "stand-in-grade.ts")];
export const TWO_TASKS = path.join(import.meta.dirname, "two-tasks", "exercise.yaml");
/** As a user names it, relative to where grade runs (exercise references do not take absolute paths). */
export const TWO_TASKS_REF = path.relative(process.cwd(), TWO_TASKS);

/**
 * A submissions folder: one subfolder per learner, holding solution.sh and the stand-in's
 * behaviour.json (what its `grade run` does), or nothing (no script).
 */
export function classFolder(learners: Record<string, Behaviour | "no-script">): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "grade-batch-class-"));
  for (const [learner, behaviour] of Object.entries(learners)) {
    const dir = path.join(root, learner);
    mkdirSync(dir, { recursive: true });
    if (behaviour === "no-script") continue;
    writeFileSync(path.join(dir, "solution.sh"), "#!/usr/bin/env bash\n");
    writeFileSync(path.join(dir, "behaviour.json"), JSON.stringify(behaviour));
  }
  return root;
}
