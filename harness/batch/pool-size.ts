import os from "node:os";
import { t } from "../i18n/messages.ts";

const MiB = 1024 * 1024;

/**
 * What one submission's grading costs, measured with exercise 3's reference solution on the 2-core,
 * 24 GiB machine (the stand-in k3s, clusters started from a snapshot):
 * - CPU: ~11.6 CPU-seconds each in a batch — the k3s container ~8, `grade run` and the script's
 *   kubectl ~3.6 — against a wall time of ~12.5 s for one run alone. A run alone leaves part of the
 *   cores idle while it waits on the API and on pods; a batch fills that in.
 * - Pool size, 8 submissions: 2 at once 68 s, 3 at once 62 s, 4 at once 61 s, 8 at once 75 s.
 *   Two per core is where it stops getting faster; beyond it the runs only share the same cores
 *   (and memory), and each one takes longer.
 * - Memory: the k3s container peaks at ~480 MiB; `grade run` and kubectl add ~200 MiB.
 */
const RUNS_PER_CORE = 2;
export const MEMORY_PER_RUN = 768 * MiB;
/** Left to the machine itself (the Docker engine, the shell, the batch process). */
export const MEMORY_RESERVED = 1024 * MiB;

export interface Machine {
  cores: number;
  /** Memory available to new processes (cgroup limits included), in bytes. */
  availableMemory: number;
}

const thisMachine = (): Machine => ({ cores: os.availableParallelism(), availableMemory: process.availableMemory() });

/** How many submissions to grade at once, and why, in words for the progress header. */
export function poolSize(machine: Machine = thisMachine()): { parallel: number; why: string } {
  const byCores = machine.cores * RUNS_PER_CORE;
  const byMemory = Math.floor((machine.availableMemory - MEMORY_RESERVED) / MEMORY_PER_RUN);
  const parallel = Math.max(1, Math.min(byCores, byMemory));
  const say = t().batch;
  const memory = say.freeMemory({ gib: (machine.availableMemory / 1024 / MiB).toFixed(1) });
  const why =
    byMemory < byCores
      ? say.byMemory({ memory, count: Math.max(byMemory, 0), each: MEMORY_PER_RUN / MiB, atLeastOne: parallel > byMemory })
      : say.byCores({ cores: machine.cores, perCore: RUNS_PER_CORE });
  return { parallel, why };
}
