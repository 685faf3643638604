import type { GradingContext } from "../../graders/types.ts";
import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import { taskStatus } from "../report/model.ts";
import { sumPoints, taskPoints } from "../report/points.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import type { Reporter } from "../reporters/reporter.ts";
import { realClock, runCheck, type Clock } from "./run-check.ts";

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
  const tasks: TaskReport[] = [];
  for (const task of exercise.tasks) {
    const checks: CheckReport[] = [];
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
      checks.push(checkReport);
      await reporter.onCheckEnd?.(taskReport(task, checks), checkReport);
    }
    tasks.push(taskReport(task, checks));
  }
  const gradingMs = clock.now() - started;
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    file: loaded.file,
    tasks,
    points: sumPoints(tasks.map((t) => t.points)),
    maxPoints: sumPoints(tasks.map((t) => t.maxPoints)),
    diagnostics: extra.diagnostics ?? [],
    timings: { ...extra.timings, checks: gradingMs },
    startedAt: new Date(started).toISOString(),
    ms: gradingMs + Object.values(extra.timings ?? {}).reduce((a, b) => a + b, 0),
  };
}

/** A task's report from its checks so far: points, status and hint derived here, once. */
function taskReport(task: LoadedExercise["exercise"]["tasks"][number], checks: CheckReport[]): TaskReport {
  const points = taskPoints(task.points, checks.filter((c) => c.status === "pass").length, checks.length);
  const status = taskStatus(checks, points, task.points);
  const hint = checks.some((c) => c.status === "fail") ? task.hint : undefined;
  return { id: task.id, title: task.title, points, maxPoints: task.points, status, hint, checks };
}
