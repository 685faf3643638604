import type { GradingContext } from "../../graders/types.ts";
import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import type { Reporter } from "../reporters/reporter.ts";
import { realClock, runCheck, type Clock } from "./run-check.ts";

/** Points for a task: all of them when every check passes, otherwise the share that passed. */
export function taskPoints(points: number, passed: number, total: number): number {
  return total === 0 ? 0 : Math.round(((points * passed) / total) * 100) / 100;
}

/** Runs every task's checks, in order, and builds the report. Never touches Docker. */
export async function gradeExercise(
  loaded: LoadedExercise,
  ctx: GradingContext,
  reporter: Reporter,
  extra: { diagnostics?: string[]; timings?: Record<string, number> } = {},
  clock: Clock = realClock,
): Promise<ExerciseReport> {
  const { exercise } = loaded;
  const started = clock.now();
  await reporter.onRunBegin?.({ exerciseId: exercise.id, title: exercise.title, taskCount: exercise.tasks.length });

  const tasks: TaskReport[] = [];
  for (const task of exercise.tasks) {
    const report: TaskReport = { id: task.id, title: task.title, points: 0, maxPoints: task.points, hint: task.hint, checks: [] };
    for (const [i, check] of task.checks.entries()) {
      const outcome = await runCheck(ctx, check, exercise.defaults.timeout, clock);
      const checkReport: CheckReport = {
        name: check.name ?? `check ${i + 1}`,
        kind: check.kind,
        status: outcome.status,
        message: outcome.message,
        expected: outcome.expected,
        actual: outcome.actual,
        hint: outcome.status === "pass" ? undefined : task.hint,
        attempts: outcome.attempts,
        ms: outcome.ms,
      };
      report.checks.push(checkReport);
      await reporter.onCheckEnd?.(report, checkReport);
    }
    report.points = taskPoints(task.points, report.checks.filter((c) => c.status === "pass").length, report.checks.length);
    tasks.push(report);
  }

  const gradingMs = clock.now() - started;
  const result: ExerciseReport = {
    exerciseId: exercise.id,
    title: exercise.title,
    file: loaded.file,
    tasks,
    points: Math.round(tasks.reduce((sum, t) => sum + t.points, 0) * 100) / 100,
    maxPoints: tasks.reduce((sum, t) => sum + t.maxPoints, 0),
    diagnostics: extra.diagnostics ?? [],
    timings: { ...extra.timings, checks: gradingMs },
    startedAt: new Date(started).toISOString(),
    ms: gradingMs + Object.values(extra.timings ?? {}).reduce((a, b) => a + b, 0),
  };
  await reporter.onRunEnd?.(result);
  return result;
}
