import { readFileSync } from "node:fs";

/**
 * True while a process with this pid is running. Signal 0 only checks that it exists; a killed
 * orphan stays a zombie until init reaps it (slowly in some containers), and a zombie runs nothing.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/PID/stat: "PID (comm) STATE ..."; comm may hold spaces, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return true; // no /proc (not Linux): existence is all we can tell
  }
}

/** SIGKILL is delivered asynchronously: allow a moment before calling a process still there. */
export async function stopsRunning(pid: number, withinMs = 2_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && isRunning(pid)) await new Promise((r) => setTimeout(r, 20));
  return !isRunning(pid);
}

/** A pid a script wrote to a file. */
export const readPid = (file: string): number => Number(readFileSync(file, "utf8").trim());
