import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import type { Reporter } from "./reporter.ts";

export interface NamedReporter {
  name: string;
  reporter: Reporter;
}

/**
 * Forwards every hook to each reporter in turn. A reporter that throws is named on stderr and
 * skipped for that hook: a broken junit file must not cost the learner their terminal output.
 */
export class MultiplexReporter implements Reporter {
  readonly reporters: readonly NamedReporter[];
  private readonly err: NodeJS.WritableStream;

  constructor(reporters: NamedReporter[], err: NodeJS.WritableStream = process.stderr) {
    this.reporters = reporters;
    this.err = err;
  }

  printsToStdio(): boolean {
    return this.reporters.some((r) => printsToStdio(r, this.err));
  }

  async onRunBegin(info: { exerciseId: string; title: string; taskCount: number }): Promise<void> {
    await this.forEach((r) => r.onRunBegin?.(info));
  }

  async onCheckEnd(task: TaskReport, check: CheckReport): Promise<void> {
    await this.forEach((r) => r.onCheckEnd?.(task, check));
  }

  async onRunEnd(report: ExerciseReport): Promise<void> {
    await this.forEach((r) => r.onRunEnd?.(report));
  }

  // In order, not in parallel: reporters that print must not interleave their lines.
  private async forEach(hook: (r: Reporter) => void | Promise<void>): Promise<void> {
    for (const { name, reporter } of this.reporters) {
      try {
        await hook(reporter);
      } catch (error) {
        reportCrash(this.err, name, error);
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

function reportCrash(err: NodeJS.WritableStream, name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  err.write(`reporter ${name} failed: ${message.split("\n")[0]}\n`);
}
