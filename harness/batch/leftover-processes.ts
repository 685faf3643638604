import { readFileSync, readdirSync } from "node:fs";

/**
 * Kills what a learner's script left running after its `grade run` died without cleaning up (killed
 * at the batch's deadline): `grade run` starts the script in a process group of its own, which
 * outlives it. Every such process carries GRADE_WORK_DIR=<the learner's work folder> in its
 * environment (learner-script.ts sets it). Linux only (/proc); elsewhere there is nothing to read,
 * and nothing is killed. Returns the pids killed.
 */
export function killLeftoverProcesses(workDir: string, proc = "/proc"): number[] {
  // Bytes, not text: a work folder's name may be Korean (UTF-8 in the environment block).
  const marker = Buffer.from(`\0GRADE_WORK_DIR=${workDir}\0`);
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let environ: Buffer;
    try {
      environ = Buffer.concat([Buffer.from("\0"), readFileSync(`${proc}/${pid}/environ`)]);
    } catch {
      continue; // gone, or another user's
    }
    if (!environ.includes(marker)) continue;
    try {
      process.kill(Number(pid), "SIGKILL");
      killed.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}
