import type { ClassroomResult } from "./classroom.ts";

/**
 * Reads a classroom result the way GitHub Classroom's autograding-grading-reporter does, written
 * from its documented contract, not from grade's encoder: base64 → UTF-8 → JSON; Classroom
 * records `Points X/Y`, the plain sum of every runner's `tests[].score` over the sum of their
 * `max_score` (runners with max_score 0 are left out). Tests and the CI's workflow check use it.
 */
export function decodeClassroomResult(encoded: string): ClassroomResult {
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
