import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./cli-process.ts";

/** A learner work folder holding the exercise's reference solution. */
export function solutionWorkDir(exerciseId: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `grade-${exerciseId}-solution-`));
  cpSync(path.join(REPO_ROOT, "exercises", exerciseId, "solution"), dir, { recursive: true });
  return dir;
}

/** A learner work folder whose script is the given bash text. */
export function scriptWorkDir(name: string, script: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `grade-${name}-`));
  writeFileSync(path.join(dir, "solution.sh"), `#!/usr/bin/env bash\nset -euo pipefail\n${script}\n`, { mode: 0o755 });
  return dir;
}
