import path from "node:path";
import { createReporters } from "../reporters/index.ts";
import type { ExerciseReport } from "../report/model.ts";
import { fullMarks } from "../report/model.ts";
import { EXIT, UsageError } from "../errors.ts";

/** Options several commands share. */
export interface ReportOptions {
  reporter: string[];
  output?: string;
}

/** The learner's work folder: work/<exercise-id> unless --work says otherwise. */
export function workDirFor(exerciseId: string, work?: string): string {
  return work ?? path.join("work", exerciseId);
}

export function reportersFrom(o: ReportOptions) {
  try {
    return createReporters(o.reporter, { outputFile: o.output });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const exitCodeFor = (report: ExerciseReport) => (fullMarks(report) ? EXIT.ok : EXIT.pointsLost);
