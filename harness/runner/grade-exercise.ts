import type { GradingContext } from "../../graders/types.ts";
import type { CheckSpec } from "../../graders/index.ts";
import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import { taskStatus } from "../report/model.ts";
import { sumPoints, taskPoints } from "../report/points.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import type { Reporter } from "../reporters/reporter.ts";
import { realClock, runCheck, type Clock } from "./run-check.ts";
import { t } from "../i18n/messages.ts";

type Task = LoadedExercise["exercise"]["tasks"][number];

/**
 * Runs every check once, concurrently — first those marked `runFirst` (e.g. a log read before
 * grade's own requests add to it), then all the others — and builds the report in the exercise's
 * order. Expects a settled cluster (harness/kube/settle.ts). Never touches Docker.
 */
export async function gradeExercise(
  loaded: LoadedExercise,
  ctx: GradingContext,
  reporter: Reporter,
  extra: { diagnostics?: string[]; timings?: Record<string, number> } = {},
  clock: Clock = realClock,
): Promise<ExerciseReport> {
  const { exercise } = loaded;
  const started = clock.now();
  const slots = exercise.tasks.flatMap((task) => task.checks.map((check, i) => ({ task, check, name: check.name ?? t().checks.defaultName({ n: i + 1 }) })));
  const results = new Map<CheckSpec, CheckReport>();
  const run = async ({ task, check, name }: (typeof slots)[number]) => {
    const outcome = await runCheck(ctx, check, exercise.defaults.timeout, clock);
    const report: CheckReport = {
      name,
      kind: check.kind,
      status: outcome.status,
      message: outcome.message,
      expected: outcome.expected,
      actual: outcome.actual,
      hint: outcome.status === "pass" ? undefined : task.hint,
      attempts: outcome.attempts,
      ms: outcome.ms,
    };
    results.set(check, report);
    await reporter.onCheckEnd?.(taskReport(task, task.checks.flatMap((c) => results.get(c) ?? [])), report);
  };
  await Promise.all(slots.filter((s) => s.check.runFirst).map(run));
  await Promise.all(slots.filter((s) => !s.check.runFirst).map(run));

  const tasks = exercise.tasks.map((task) => taskReport(task, task.checks.map((c) => results.get(c)!)));
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

/** A task's report from its checks (so far): points, status and hint derived here, once. */
function taskReport(task: Task, checks: CheckReport[]): TaskReport {
  const points = taskPoints(task.points, checks.filter((c) => c.status === "pass").length, task.checks.length);
  const status = taskStatus(checks, points, task.points);
  const hint = checks.some((c) => c.status === "fail") ? task.hint : undefined;
  return { id: task.id, title: task.title, points, maxPoints: task.points, status, hint, checks };
}
