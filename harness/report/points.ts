import type { Exercise } from "../exercise/schema.ts";

/**
 * Partial credit is given in quarter points, rounded down: a task worth P points with `passed` of
 * `total` checks passing scores floor(4·P·passed/total)/4. Quarters (like the whole points tasks
 * are worth; the exercise schema enforces integers) are exact in binary floating point, so any sum
 * of them — GitHub Classroom adds `tests[].score` with plain `+` — is exact too: Classroom's
 * "Points X/Y" always equals grade's own total.
 */
export const POINT_STEP = 0.25;

export function taskPoints(points: number, passed: number, total: number): number {
  if (total === 0) return 0;
  if (passed >= total) return points;
  return Math.floor((points * passed) / total / POINT_STEP) * POINT_STEP;
}

/** Adds scores in order, exactly as Classroom's reporter does. */
export const sumPoints = (scores: readonly number[]) => scores.reduce((sum, s) => sum + s, 0);

/** What an exercise is worth: every task's points, added as sumPoints adds them. */
export const maxPointsOf = (exercise: Pick<Exercise, "tasks">) => sumPoints(exercise.tasks.map((task) => task.points));
