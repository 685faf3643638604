import type { ClassroomResult, ClassroomTest } from "./classroom.ts";

/**
 * Reads classroom results the way GitHub Classroom's autograding-grading-reporter does, written
 * from its documented contract (ci/github/README.md), not from grade's encoder: for each runner
 * id in `runners`, env `<ID upper-cased>_RESULTS` is base64 → UTF-8 → JSON; Classroom records
 * `Points X/Y`, the plain sum of every runner's `tests[].score` over the sum of their `max_score`
 * (runners with max_score 0 are left out); the job fails when any result is `fail` or `error`.
 * Tests use it to check what Classroom would record.
 */
export function decodeClassroomResult(encoded: string): ClassroomResult {
  // The reporter itself dies here with "Unexpected end of JSON input" when the result is empty.
  if (!encoded) throw new Error("Unexpected end of JSON input (an empty result: the grading step wrote nothing)");
  return JSON.parse(Buffer.from(encoded, "base64").toString("utf-8")) as ClassroomResult;
}

export function classroomPointsLine(results: readonly ClassroomResult[]): string {
  let total = 0;
  let max = 0;
  for (const r of results) {
    if (!r.max_score) continue;
    max += r.max_score;
    for (const t of r.tests) total += t.score;
  }
  return `Points ${total}/${max}`;
}

export interface ReporterVerdict {
  /** "Points X/Y", as the reporter's notice says it. */
  notice: string;
  tests: ClassroomTest[];
  /** The job's fate: the reporter fails it when any result is "fail" or "error". */
  failed: boolean;
}

/** What the reporter concludes from a workflow's `runners` input and the step's environment. */
export function classroomReporterVerdict(runners: string, env: Record<string, string | undefined>): ReporterVerdict {
  const results = runners
    .split(/[\s,]/)
    .filter(Boolean)
    .map((runner) => decodeClassroomResult(env[`${runner.trim().toUpperCase()}_RESULTS`] ?? ""));
  return {
    notice: classroomPointsLine(results),
    tests: results.flatMap((r) => r.tests),
    failed: results.some((r) => r.status === "fail" || r.status === "error"),
  };
}
