import os from "node:os";

const MiB = 1024 * 1024;

/**
 * What one submission's grading costs on the machine, measured with exercise 3 on a 2-core VM
 * (the stand-in k3s; see the README's "Instructors: grading a class"):
 * - CPU: the k3s container uses ~8 CPU-seconds, the `grade run` process ~3, the learner's kubectl
 *   calls ~1, over a ~21 s run: about half a core on average, mostly while the cluster starts.
 *   Two runs per core keep the cores busy while one run waits (on the API, on a pod, on a turn on
 *   the host's ports); more only share the same cores and stretch every run.
 * - Memory: the k3s container peaks at ~380 MiB, the grade process and kubectl add ~200 MiB;
 *   768 MiB per run leaves room for a heavier exercise.
 */
export const RUNS_PER_CORE = 2;
export const MEMORY_PER_RUN = 768 * MiB;
/** Left to the machine itself (the Docker engine, the shell, the batch process). */
export const MEMORY_RESERVED = 1024 * MiB;

export interface Machine {
  cores: number;
  /** Memory available to new processes (cgroup limits included), in bytes. */
  availableMemory: number;
}

export const thisMachine = (): Machine => ({ cores: os.availableParallelism(), availableMemory: process.availableMemory() });

/** How many submissions to grade at once, and why, in words for the progress header. */
export function poolSize(machine: Machine = thisMachine()): { parallel: number; why: string } {
  const byCores = machine.cores * RUNS_PER_CORE;
  const byMemory = Math.floor((machine.availableMemory - MEMORY_RESERVED) / MEMORY_PER_RUN);
  const parallel = Math.max(1, Math.min(byCores, byMemory));
  const memory = `${(machine.availableMemory / 1024 / MiB).toFixed(1)} GiB free`;
  const why =
    byMemory < byCores
      ? `${memory} allows ${Math.max(byMemory, 0)} (${MEMORY_PER_RUN / MiB} MiB each)${parallel > byMemory ? "; at least 1" : ""}`
      : `${machine.cores} core${machine.cores === 1 ? "" : "s"} × ${RUNS_PER_CORE}`;
  return { parallel, why };
}
