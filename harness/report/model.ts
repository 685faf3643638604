import type { CheckStatus } from "../../graders/types.ts";

/**
 * The plain result model reporters read. Reporters never call the cluster: everything they
 * print is here.
 */
export interface CheckReport {
  name: string;
  kind: string;
  status: CheckStatus;
  message: string;
  expected?: string;
  actual?: string;
  /** The task's hint, repeated on each failed check so a reporter can print it where it helps. */
  hint?: string;
  attempts: number;
  ms: number;
}

export interface TaskReport {
  id: string;
  title: string;
  points: number;
  maxPoints: number;
  hint?: string;
  checks: CheckReport[];
}

export interface ExerciseReport {
  exerciseId: string;
  title: string;
  /** The exercise file, relative to the working directory (annotations point at it). */
  file: string;
  tasks: TaskReport[];
  points: number;
  maxPoints: number;
  /** Things the learner should know that are not a check: e.g. their script timed out. */
  diagnostics: string[];
  /** Where each phase of the run spent its time, in ms (cluster start, images, …). */
  timings: Record<string, number>;
  startedAt: string;
  ms: number;
}

export const fullMarks = (r: ExerciseReport) => r.points === r.maxPoints;
