import type { CheckReport, RunEnd, RunError, RunInfo, TaskReport } from "../report/model.ts";
import type { Reporter } from "./reporter.ts";
import { t } from "../i18n/messages.ts";

export interface NamedReporter {
  name: string;
  reporter: Reporter;
}

/**
 * Forwards every hook to each reporter in turn. A reporter that throws is named on stderr and
 * skipped for that hook — a broken junit file must not cost the learner their terminal output —
 * and remembered in `crashes`, so the CLI exits non-zero instead of letting the failure vanish.
 */
export class MultiplexReporter implements Reporter {
  readonly reporters: readonly NamedReporter[];
  /** One line per hook a reporter crashed in: "junit=out.xml failed: EACCES …". */
  readonly crashes: string[] = [];
  private readonly err: NodeJS.WritableStream;

  constructor(reporters: NamedReporter[], err: NodeJS.WritableStream = process.stderr) {
    this.reporters = reporters;
    this.err = err;
  }

  printsToStdio(): boolean {
    return this.reporters.some((r) => printsToStdio(r, this.err));
  }

  async onRunBegin(run: RunInfo): Promise<void> {
    await this.forEach((r) => r.onRunBegin?.(run));
  }

  async onCheckEnd(task: TaskReport, check: CheckReport): Promise<void> {
    await this.forEach((r) => r.onCheckEnd?.(task, check));
  }

  async onError(error: RunError): Promise<void> {
    await this.forEach((r) => r.onError?.(error));
  }

  async onRunEnd(end: RunEnd): Promise<void> {
    await this.forEach((r) => r.onRunEnd?.(end));
  }

  // In order, not in parallel: reporters that print must not interleave their lines.
  private async forEach(hook: (r: Reporter) => void | Promise<void>): Promise<void> {
    for (const { name, reporter } of this.reporters) {
      try {
        await hook(reporter);
      } catch (error) {
        this.crashes.push(reportCrash(this.err, name, error));
      }
    }
  }
}

/** Asks a reporter whether it prints, treating a crash as "no" so `list` is added rather than lost. */
export function printsToStdio({ name, reporter }: NamedReporter, err: NodeJS.WritableStream): boolean {
  try {
    return reporter.printsToStdio?.() ?? false;
  } catch (error) {
    reportCrash(err, name, error);
    return false;
  }
}

function reportCrash(err: NodeJS.WritableStream, name: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = t().report.reporterFailed({ reporter: name, error: message.split("\n")[0]! });
  err.write(`${line}\n`);
  return line;
}
