import { z } from "zod";
import type { SubmissionStatus } from "./submission-result.ts";
import { t } from "../i18n/messages.ts";

/** What `grade batch` reads of the json reporter's output (report.json); the rest is kept as written. */
export const childReportSchema = z.looseObject({
  outcome: z.enum(["graded", "usage-error", "infrastructure-error", "interrupted"]),
  reason: z.string().optional(),
  points: z.number().optional(),
  maxPoints: z.number().optional(),
  tasks: z.array(z.looseObject({ id: z.string(), points: z.number() })).optional(),
  diagnostics: z.array(z.string()).optional(),
});
export type ChildReport = z.infer<typeof childReportSchema>;

/** How one `grade run` child ended, as the batch saw it. */
export interface ChildEnd {
  hasScript: boolean;
  /** The batch stopped it: its deadline passed, or the batch was interrupted. */
  stoppedBecause?: "deadline" | "interrupt";
  exitCode: number | undefined;
  signal: string | undefined;
  /** Its report.json, when it wrote one that reads as the json reporter's. */
  report: ChildReport | undefined;
  /** The last line of its log that says what went wrong (`grade: …`), if any. */
  lastError: string | undefined;
}

export interface Classified {
  status: SubmissionStatus;
  points?: number;
  taskPoints?: Record<string, number>;
  note?: string;
}

/**
 * The submission's status from how its run ended. A report the run wrote is believed over its
 * exit code (a reporter crash makes the code 3, yet the grade stands); the batch's own reasons to
 * stop a run come first, since a run it stopped reports itself as interrupted.
 */
export function classifyRun(end: ChildEnd): Classified {
  const say = t().batch;
  if (end.stoppedBecause === "interrupt") return { status: "interrupted", note: say.interruptedWhileGraded };
  if (end.stoppedBecause === "deadline") return { status: "timed-out" };
  const report = end.report;
  switch (report?.outcome) {
    case "graded": {
      const taskPoints = Object.fromEntries((report.tasks ?? []).map((t) => [t.id, t.points]));
      const note = report.diagnostics?.length ? report.diagnostics.join("; ") : undefined;
      return { status: end.hasScript ? "graded" : "no-script", points: report.points ?? 0, taskPoints, ...(note !== undefined && { note }) };
    }
    case "infrastructure-error":
      return { status: "infrastructure-error", note: report.reason ?? end.lastError ?? say.clusterFailed };
    case "interrupted":
      // Not by the batch: something else on the machine sent the signal.
      return { status: "interrupted", note: report.reason ?? say.interruptedByOther };
    default: {
      const how = end.signal ? say.killedBy({ signal: end.signal }) : say.exitedWith({ exitCode: end.exitCode });
      const why = report?.outcome === "usage-error" ? report.reason : end.lastError;
      return { status: "crashed", note: say.noResult({ how, why }) };
    }
  }
}

/** The last `grade: …` line of a run's log: the CLI's one-line error. */
export function lastErrorLine(log: string): string | undefined {
  const lines = log.split("\n").filter((l) => l.startsWith("grade: "));
  return lines.at(-1)?.slice("grade: ".length).trim();
}
