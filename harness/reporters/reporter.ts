import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";

/** A reporter hears about a run as it happens; every hook is optional (as in Playwright). */
export interface Reporter {
  /** True when it writes to the terminal; the terminal reporter is added when none does. */
  printsToStdio?(): boolean;
  onRunBegin?(info: { exerciseId: string; title: string; taskCount: number }): void | Promise<void>;
  onCheckEnd?(task: TaskReport, check: CheckReport): void | Promise<void>;
  onRunEnd?(report: ExerciseReport): void | Promise<void>;
}

export interface ReporterOptions {
  /** Where file-writing reporters put their output (e.g. junit, json); undefined = their default. */
  outputFile?: string;
  /** Stream for reporters that print; tests pass their own. */
  out?: NodeJS.WritableStream;
  /** Colours on/off (terminal reporter). */
  color?: boolean;
}
