import pc from "picocolors";
import type { CheckReport, ExerciseReport, RunEnd, TaskReport } from "../report/model.ts";
import { writeReportFile } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import stringWidth from "string-width";
import { t } from "../i18n/messages.ts";

const INDENT = "    ";
const DETAIL_INDENT = INDENT + "  ";
type Colors = ReturnType<typeof pc.createColors>;

/**
 * The default reporter (`list`): one line per task, details only under what went wrong, so a
 * beginner sees at a glance which task to work on next. `list=FILE` writes the same text, without
 * colours, to FILE.
 */
export class TerminalReporter implements Reporter {
  private readonly options: ReporterOptions;
  private readonly c: Colors;

  constructor(options: ReporterOptions = {}) {
    this.options = options;
    this.c = pc.createColors(options.outputFile === undefined && (options.color ?? pc.isColorSupported));
  }

  printsToStdio(): boolean {
    return this.options.outputFile === undefined;
  }

  // Per-check output would interleave with the runner's spinner; everything is printed at the end.
  onRunEnd(end: RunEnd): void {
    // Without a report (the exercise never loaded) the CLI's own error line says it all.
    if (!end.report) return;
    const text = formatTerminalReport(end.report, this.c);
    if (this.options.outputFile !== undefined) writeReportFile(this.options.outputFile, text);
    else (this.options.out ?? process.stdout).write(text);
  }
}

/** The whole text the `list` reporter prints. */
function formatTerminalReport(report: ExerciseReport, c: Colors): string {
  const say = t().report;
  const lines: string[] = [c.bold(`${report.title} (${report.exerciseId})`), ""];
  // Display width, not length: a Korean syllable takes two columns.
  const titleWidth = Math.max(0, ...report.tasks.map((task) => stringWidth(task.title)));

  for (const task of report.tasks) {
    lines.push(`${taskMark(task, c)} ${padEnd(task.title, titleWidth)}  ${task.points}/${task.maxPoints}`);
    // Not graded: every check carries the same reason, said once below.
    if (report.notGraded === undefined) lines.push(...taskDetails(task, c));
  }

  lines.push("", c.bold(say.score(report)));
  if (report.notGraded !== undefined) lines.push(c.yellow(`${say.notGraded}: ${report.notGraded}`));

  const errored = report.tasks.flatMap((task) => task.checks).filter((ch) => ch.status === "error").length;
  if (errored > 0 && report.notGraded === undefined) {
    lines.push(c.yellow(say.couldNotGrade({ count: errored })), c.yellow(say.tryAgain));
  }
  for (const note of report.diagnostics) lines.push(c.yellow(`${say.note}: ${note}`));
  return lines.join("\n") + "\n";
}

function taskMark(task: TaskReport, c: Colors): string {
  if (task.status === "pass") return c.green("✓");
  // Only errors: the learner may have done nothing wrong, so don't paint it as their failure.
  return task.status === "error" ? c.yellow("!") : c.red("✗");
}

function taskDetails(task: TaskReport, c: Colors): string[] {
  const lines = task.checks.filter((ch) => ch.status !== "pass").flatMap((ch) => checkDetails(ch, c));
  // A hint helps with the learner's mistakes only, not with a grader fault.
  if (task.hint) lines.push(labelled(INDENT, c.cyan(`${t().report.hint}:`), "", task.hint));
  return lines;
}

function checkDetails(check: CheckReport, c: Colors): string[] {
  const say = t().report;
  const head =
    check.status === "error"
      ? `${INDENT}${c.yellow(say.errorMark)} ${check.name}: ${check.message}`
      : `${INDENT}${c.red("✗")} ${check.name}: ${check.message}`;
  const lines = [head];
  // The two labels' values start in the same column: the shorter label is padded.
  const [expected, actual] = [`${say.expected}:`, `${say.actual}:`];
  const width = Math.max(stringWidth(expected), stringWidth(actual));
  if (check.expected !== undefined) lines.push(labelled(DETAIL_INDENT, c.green(expected), " ".repeat(width - stringWidth(expected)), check.expected));
  if (check.actual !== undefined) lines.push(labelled(DETAIL_INDENT, c.red(actual), " ".repeat(width - stringWidth(actual)), check.actual));
  return lines;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)));

/**
 * `label: value` (`pad` lines values up under each other), or for multi-line values the label alone
 * and the value indented under it, so YAML keeps its shape.
 */
function labelled(indent: string, label: string, pad: string, value: string): string {
  const valueLines = value.replace(/\n+$/, "").split("\n");
  if (valueLines.length === 1) return `${indent}${label}${pad} ${valueLines[0]}`;
  return [`${indent}${label}`, ...valueLines.map((l) => `${indent}  ${l}`)].join("\n");
}
