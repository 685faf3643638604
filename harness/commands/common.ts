import path from "node:path";
import { createReporters } from "../reporters/index.ts";
import type { MultiplexReporter } from "../reporters/multiplex-reporter.ts";
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

export function reportersFrom(o: ReportOptions): MultiplexReporter {
  try {
    return createReporters(o.reporter, { output: o.output });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** 0 full marks, 1 points lost; a reporter that crashed makes it 3, so a lost result is never silent. */
export function exitCodeFor(report: ExerciseReport, reporter: MultiplexReporter): number {
  if (reporter.crashes.length > 0) return EXIT.infrastructure;
  return fullMarks(report) ? EXIT.ok : EXIT.pointsLost;
}
