import type { CheckReport, ExerciseReport } from "../report/model.ts";

/**
 * What `grade selftest` demands of an exercise, from the reports of two `grade run`s: the
 * reference solution scores full marks, and the untouched starter scores less, every point it
 * loses explained (a fail, not an error, with what was expected, what was found and a hint).
 * Returns the problems, in words an instructor can act on; none means the exercise is fair.
 */
export function selftestProblems(reference: ExerciseReport, starter: ExerciseReport): string[] {
  const problems: string[] = [];
  const checksOf = (r: ExerciseReport) => r.tasks.flatMap((t) => t.checks.map((c) => ({ task: t.title, check: c })));

  for (const { task, check } of checksOf(reference).filter(({ check }) => check.status !== "pass")) {
    problems.push(`reference solution: "${task}" / "${check.name}" ${check.status === "error" ? "errored" : "failed"}: ${check.message}`);
  }
  if (reference.points !== reference.maxPoints && problems.length === 0) {
    problems.push(`reference solution scored ${reference.points}/${reference.maxPoints}, not full marks`);
  }

  if (starter.points >= starter.maxPoints) {
    problems.push(`untouched starter scored full marks (${starter.points}/${starter.maxPoints}): the checks do not tell the work from no work`);
  }
  for (const { task, check } of checksOf(starter).filter(({ check }) => check.status !== "pass")) {
    const missing = unexplained(check);
    if (missing.length > 0) problems.push(`untouched starter: "${task}" / "${check.name}" ${missing.join(", ")}`);
  }
  return problems;
}

/** What a failed check's report lacks for a learner to know why the point was lost. */
function unexplained(check: CheckReport): string[] {
  const missing: string[] = [];
  if (check.status === "error") missing.push(`errored instead of failing (${check.message})`);
  if (!check.message.trim()) missing.push("has no message");
  if (!check.expected?.trim()) missing.push("does not say what was expected");
  if (!check.actual?.trim()) missing.push("does not say what was found");
  if (!check.hint?.trim()) missing.push("has no hint (give its task one)");
  return missing;
}
