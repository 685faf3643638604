import type { CheckReport, ExerciseReport } from "../report/model.ts";
import { t } from "../i18n/messages.ts";

/**
 * What `grade selftest` demands of an exercise, from the reports of two `grade run`s: the
 * reference solution scores full marks, and the untouched starter scores less, every point it
 * loses explained (a fail, not an error, with what was expected, what was found and a hint).
 * Returns the problems, in words an instructor can act on; none means the exercise is fair.
 */
export function selftestProblems(reference: ExerciseReport, starter: ExerciseReport): string[] {
  const say = t().authoring;
  const problems: string[] = [];
  const checksOf = (r: ExerciseReport) => r.tasks.flatMap((t) => t.checks.map((c) => ({ task: t.title, check: c })));

  for (const { task, check } of checksOf(reference).filter(({ check }) => check.status !== "pass")) {
    problems.push(say.referenceCheckFailed({ task, check: check.name, errored: check.status === "error", message: check.message }));
  }
  if (reference.points !== reference.maxPoints && problems.length === 0) {
    problems.push(say.referenceNotFull(reference));
  }

  if (starter.points >= starter.maxPoints) {
    problems.push(say.starterFull(starter));
  }
  for (const { task, check } of checksOf(starter).filter(({ check }) => check.status !== "pass")) {
    const missing = unexplained(check);
    if (missing.length > 0) problems.push(say.starterUnexplained({ task, check: check.name, missing: missing.join(", ") }));
  }
  return problems;
}

/** What a failed check's report lacks for a learner to know why the point was lost. */
function unexplained(check: CheckReport): string[] {
  const say = t().authoring;
  const missing: string[] = [];
  if (check.status === "error") missing.push(say.erroredInstead({ message: check.message }));
  if (!check.message.trim()) missing.push(say.noMessage);
  if (!check.expected?.trim()) missing.push(say.noExpected);
  if (!check.actual?.trim()) missing.push(say.noActual);
  if (!check.hint?.trim()) missing.push(say.noHint);
  return missing;
}
