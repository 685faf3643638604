import type { CheckReport, RunEnd, RunError, RunInfo, TaskReport } from "../report/model.ts";

/**
 * A reporter hears about a whole run as it happens; every hook is optional (as in Playwright).
 * The CLI owns the lifecycle: onRunEnd is called exactly once on every path — graded, usage
 * error, infrastructure error, interrupted — so a reporter that must leave a file or an output
 * (classroom, junit, json) always does.
 */
export interface Reporter {
  /** True when it writes to the terminal; the terminal reporter is added when none does. */
  printsToStdio?(): boolean;
  /** The exercise has loaded; checks may follow. */
  onRunBegin?(run: RunInfo): void | Promise<void>;
  onCheckEnd?(task: TaskReport, check: CheckReport): void | Promise<void>;
  /** Something went wrong outside the checks; fatal errors are followed by onRunEnd. */
  onError?(error: RunError): void | Promise<void>;
  onRunEnd?(end: RunEnd): void | Promise<void>;
}

export interface ReporterOptions {
  /** The file a reporter writes instead of its default (`name=FILE`; see reporterFactories): list's text, json's report, junit's XML, github's step summary, classroom's result; undefined = its default. */
  outputFile?: string;
  /** Stream for reporters that print; tests pass their own. */
  out?: NodeJS.WritableStream;
  /** Colours on/off (terminal reporter). */
  color?: boolean;
}
