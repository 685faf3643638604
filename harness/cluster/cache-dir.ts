import os from "node:os";
import path from "node:path";

/**
 * Where grade keeps what it can reuse between runs (snapshots, saved images):
 * GRADE_CACHE_DIR, else $XDG_CACHE_HOME/grade, else ~/.cache/grade. Safe to delete at any time.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.GRADE_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "grade");
}
