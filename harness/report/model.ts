import type { CheckStatus } from "../../graders/types.ts";

/**
 * The plain result model reporters read. Reporters never call the cluster: everything they
 * print is here, facts derived once (a task's status, its hint) included.
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
  /** fail when any check failed (the learner's to fix), else error when any errored, else pass. */
  status: CheckStatus;
  /** Set when the learner has something to fix (a check failed): the hint to show them. */
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
  /** Set when no check ran (no solution.sh yet, no Docker, …): the one reason every check carries. */
  notGraded?: string;
  /** Where each phase of the run spent its time, in ms (cluster start, images, …). */
  timings: Record<string, number>;
  startedAt: string;
  ms: number;
}

export const fullMarks = (r: ExerciseReport) => r.points === r.maxPoints;

/** What reporters hear once the exercise has loaded. */
export interface RunInfo {
  exerciseId: string;
  title: string;
  file: string;
  tasks: { id: string; title: string; points: number }[];
}

/**
 * How a run ended. `graded`: the checks ran (or, with no learner script, every task failed for
 * that reason). The others stopped before grading; where the exercise had loaded, the report
 * still lists every task, so Classroom records a result on every path.
 */
export type RunOutcome = "graded" | "usage-error" | "infrastructure-error" | "interrupted";

export interface RunEnd {
  outcome: RunOutcome;
  /** Present once the exercise loaded. */
  report?: ExerciseReport;
  /** Why the run did not grade: one line a user can act on. */
  reason?: string;
}

/** Something that went wrong outside the checks. `fatal` errors end the run; others (e.g. a failed teardown) do not. */
export interface RunError {
  message: string;
  fatal: boolean;
}

/** A task's status from its checks: the learner's failures first, since they can fix those. */
export function taskStatus(checks: readonly Pick<CheckReport, "status">[], points: number, maxPoints: number): CheckStatus {
  if (checks.some((ch) => ch.status === "fail")) return "fail";
  if (checks.some((ch) => ch.status === "error")) return "error";
  return points === maxPoints ? "pass" : "fail";
}
