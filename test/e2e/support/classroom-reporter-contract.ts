// What classroom-resources/autograding-grading-reporter@v1 does with its inputs, written from its
// documented behaviour (see ci/github/README.md), not from grade's code: for each runner id in
// `runners`, env `<ID upper-cased>_RESULTS` is base64 → UTF-8 → JSON; Classroom records the
// floating-point sum of every tests[].score against the sum of max_score ("Points X/Y").

export interface ReporterTest {
  name: string;
  status: string;
  score?: number;
  line_no?: number;
}

export interface ReporterVerdict {
  totalPoints: number;
  maxPoints: number;
  /** "Points X/Y", as the reporter's notice says it. */
  notice: string;
  tests: ReporterTest[];
  /** The job's fate: the reporter fails it when any result is "fail" (or else "error"). */
  failed: boolean;
}

export function classroomReporterVerdict(runners: string, env: Record<string, string | undefined>): ReporterVerdict {
  let totalPoints = 0;
  let maxPoints = 0;
  let failed = false;
  const tests: ReporterTest[] = [];
  for (const runner of runners.split(",").map((r) => r.trim())) {
    const encoded = env[`${runner.toUpperCase()}_RESULTS`] ?? "";
    // The reporter itself dies here with "Unexpected end of JSON input" when the result is empty.
    const result = JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as { status: string; max_score: number; tests: ReporterTest[] };
    maxPoints += result.max_score;
    for (const test of result.tests) totalPoints += test.score ?? 0;
    tests.push(...result.tests);
    if (result.status === "fail" || result.status === "error") failed = true;
  }
  return { totalPoints, maxPoints, notice: `Points ${totalPoints}/${maxPoints}`, tests, failed };
}
