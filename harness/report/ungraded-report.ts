import type { LoadedExercise } from "../exercise/load.ts";
import type { CheckReport, ExerciseReport, TaskReport } from "./model.ts";
import { t } from "../i18n/messages.ts";
import { maxPointsOf } from "./points.ts";

/**
 * A report for a run that stopped before its checks could run, listing every task and check with
 * the one reason: `fail` when the learner can fix it (no solution.sh yet), `error` when they
 * cannot (no Docker, a cluster that won't start, an interrupted run). Reporters then write a
 * result on every path, and GitHub Classroom records 0 points instead of nothing.
 */
export function ungradedReport(loaded: LoadedExercise, status: "fail" | "error", reason: string): ExerciseReport {
  const { exercise } = loaded;
  const tasks: TaskReport[] = exercise.tasks.map((task) => {
    const hint = status === "fail" ? task.hint : undefined;
    const checks: CheckReport[] = task.checks.map((check, i) => ({
      name: check.name ?? t().checks.defaultName({ n: i + 1 }),
      kind: check.kind,
      status,
      message: reason,
      hint,
      attempts: 0,
      ms: 0,
    }));
    return { id: task.id, title: task.title, points: 0, maxPoints: task.points, status, hint, checks };
  });
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    file: loaded.file,
    tasks,
    points: 0,
    maxPoints: maxPointsOf(exercise),
    diagnostics: [],
    notGraded: reason,
    timings: {},
    startedAt: new Date().toISOString(),
    ms: 0,
  };
}
