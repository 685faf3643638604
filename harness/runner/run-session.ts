import type { LoadedExercise } from "../exercise/load.ts";
import type { ExerciseReport, RunEnd, RunInfo, RunOutcome } from "../report/model.ts";
import { ungradedReport } from "../report/ungraded-report.ts";
import type { MultiplexReporter } from "../reporters/multiplex-reporter.ts";
import { InfrastructureError, UsageError } from "../errors.ts";
import { interrupting, onInterrupt, type Signal } from "./teardown.ts";
import { t } from "../i18n/messages.ts";

/**
 * One run as its reporters hear it. The CLI opens a session, tells it when the exercise has
 * loaded, and the session ends the run exactly once on every path — graded, usage error,
 * infrastructure error, Ctrl-C — so reporters that must leave a result (classroom, junit) always do.
 * Once the exercise has loaded, even a run that never graded ends with a report of every task,
 * failed or errored with the reason.
 */
export class RunSession {
  readonly reporter: MultiplexReporter;
  private loaded: LoadedExercise | undefined;
  private ended: RunEnd | undefined;

  constructor(reporter: MultiplexReporter) {
    this.reporter = reporter;
  }

  async begin(loaded: LoadedExercise): Promise<void> {
    this.loaded = loaded;
    await this.reporter.onRunBegin(runInfo(loaded));
  }

  async graded(report: ExerciseReport): Promise<void> {
    await this.end({ outcome: "graded", report });
  }

  /**
   * The run stopped on an error: reporters hear of it, then of the end, with every task errored.
   * An error while Ctrl-C is being handled is its consequence (the cluster removed under a start
   * in progress): the interrupt ends the run, not the error.
   */
  async failed(error: unknown): Promise<void> {
    if (interrupting()) return;
    const outcome: RunOutcome = error instanceof UsageError ? "usage-error" : "infrastructure-error";
    const reason = oneLine(error);
    await this.reporter.onError({ message: reason, fatal: true });
    await this.end({ outcome, reason, report: this.loaded && ungradedReport(this.loaded, "error", reason) });
  }

  async interrupted(signal: Signal): Promise<void> {
    const reason = t().progress.interrupted({ signal });
    await this.end({ outcome: "interrupted", reason, report: this.loaded && ungradedReport(this.loaded, "error", reason) });
  }

  /** A problem that does not end the run (e.g. the cluster could not be removed). */
  async warn(message: string): Promise<void> {
    await this.reporter.onError({ message, fatal: false });
  }

  private async end(end: RunEnd): Promise<void> {
    if (this.ended) return;
    this.ended = end;
    await this.reporter.onRunEnd(end);
  }
}

/**
 * Runs `body` inside a session: a report it returns ends the run as graded; an error it throws
 * ends the run with that error (and is thrown on, for the CLI's message and exit code); Ctrl-C
 * ends it as interrupted, after every cleanup registered later (removing the cluster) has run.
 */
export async function withRunSession(reporter: MultiplexReporter, body: (session: RunSession) => Promise<ExerciseReport>): Promise<ExerciseReport> {
  // Registered first, so it runs last on Ctrl-C: after the cluster is removed, the result is written.
  const session = new RunSession(reporter);
  const forget = onInterrupt((signal) => session.interrupted(signal));
  try {
    const report = await body(session);
    await session.graded(report);
    return report;
  } catch (e) {
    await session.failed(e);
    throw e;
  } finally {
    forget();
  }
}

function runInfo({ exercise, file }: LoadedExercise): RunInfo {
  return { exerciseId: exercise.id, title: exercise.title, file, tasks: exercise.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points })) };
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof InfrastructureError) return error.message.replace(/\s*\n\s*/g, " ");
  return t().progress.unexpectedFailure({ error: (error as Error)?.message?.split("\n")[0] ?? String(error) });
}
