import type { RunEnd } from "../report/model.ts";
import { writeReportFile } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";

/**
 * `json`: the whole report, for tools and for debugging a grade: `outcome` (and `reason` when the
 * run did not grade), then the report's fields when the exercise loaded.
 */
export class JsonReporter implements Reporter {
  private readonly options: ReporterOptions;

  constructor(options: ReporterOptions = {}) {
    this.options = options;
  }

  // Without a file it owns stdout, and the `list` output must not be mixed into the JSON.
  printsToStdio(): boolean {
    return this.options.outputFile === undefined;
  }

  onRunEnd(end: RunEnd): void {
    const text = JSON.stringify(jsonReport(end), null, 2) + "\n";
    if (this.options.outputFile !== undefined) writeReportFile(this.options.outputFile, text);
    else (this.options.out ?? process.stdout).write(text);
  }
}

export const jsonReport = ({ outcome, reason, report }: RunEnd) => ({ outcome, ...(reason !== undefined && { reason }), ...report });
