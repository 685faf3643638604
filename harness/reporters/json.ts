import type { ExerciseReport } from "../report/model.ts";
import { writeReportFile } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";

/** `json`: the whole report, for tools and for debugging a grade. */
export class JsonReporter implements Reporter {
  private readonly options: ReporterOptions;

  constructor(options: ReporterOptions = {}) {
    this.options = options;
  }

  // Without a file it owns stdout, and the `list` output must not be mixed into the JSON.
  printsToStdio(): boolean {
    return this.options.outputFile === undefined;
  }

  onRunEnd(report: ExerciseReport): void {
    const text = JSON.stringify(report, null, 2) + "\n";
    if (this.options.outputFile !== undefined) writeReportFile(this.options.outputFile, text);
    else (this.options.out ?? process.stdout).write(text);
  }
}
