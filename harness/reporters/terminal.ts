import pc from "picocolors";
import type { CheckReport, ExerciseReport, TaskReport } from "../report/model.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";

const INDENT = "    ";
const DETAIL_INDENT = INDENT + "  ";

/**
 * The default reporter (`list`): one line per task, details only under what went wrong, so a
 * beginner sees at a glance which task to work on next.
 */
export class TerminalReporter implements Reporter {
  private readonly out: NodeJS.WritableStream;
  private readonly c: ReturnType<typeof pc.createColors>;

  constructor(options: ReporterOptions = {}) {
    this.out = options.out ?? process.stdout;
    this.c = pc.createColors(options.color ?? pc.isColorSupported);
  }

  printsToStdio(): boolean {
    return true;
  }

  // Per-check output would interleave with the runner's spinner; everything is printed at the end.
  onCheckEnd(): void {}

  onRunEnd(report: ExerciseReport): void {
    this.out.write(formatTerminalReport(report, this.c));
  }
}

/** The whole text the `list` reporter prints; exported so tests can lock it. */
export function formatTerminalReport(report: ExerciseReport, c = pc.createColors(false)): string {
  const lines: string[] = [c.bold(`${report.title} (${report.exerciseId})`), ""];
  const titleWidth = Math.max(0, ...report.tasks.map((t) => t.title.length));

  for (const task of report.tasks) {
    const points = `${task.points}/${task.maxPoints}`;
    lines.push(`${taskMark(task, c)} ${task.title.padEnd(titleWidth)}  ${points}`);
    lines.push(...taskDetails(task, c));
  }

  lines.push("", c.bold(`Score: ${report.points}/${report.maxPoints}`));

  const errored = report.tasks.flatMap((t) => t.checks).filter((ch) => ch.status === "error").length;
  if (errored > 0) {
    const checks = errored === 1 ? "1 check" : `${errored} checks`;
    lines.push(
      c.yellow(`${checks} could not be graded (! error): the grader or the cluster failed, not your work.`),
      c.yellow("Run the grader again; if it keeps happening, tell your instructor."),
    );
  }
  for (const note of report.diagnostics) lines.push(c.yellow(`note: ${note}`));
  return lines.join("\n") + "\n";
}

function taskMark(task: TaskReport, c: ReturnType<typeof pc.createColors>): string {
  const statuses = task.checks.map((ch) => ch.status);
  if (statuses.includes("fail")) return c.red("✗");
  // Only errors: the learner may have done nothing wrong, so don't paint it as their failure.
  if (statuses.includes("error")) return c.yellow("!");
  return task.points === task.maxPoints ? c.green("✓") : c.red("✗");
}

function taskDetails(task: TaskReport, c: ReturnType<typeof pc.createColors>): string[] {
  const lines: string[] = [];
  for (const check of task.checks) {
    if (check.status === "pass") continue;
    lines.push(...checkDetails(check, c));
  }
  const hint = task.hint ?? task.checks.find((ch) => ch.status === "fail" && ch.hint)?.hint;
  // A hint helps with the learner's mistakes only, not with a grader fault.
  if (hint && task.checks.some((ch) => ch.status === "fail")) {
    lines.push(labelled(INDENT, c.cyan("hint:"), "", hint));
  }
  return lines;
}

function checkDetails(check: CheckReport, c: ReturnType<typeof pc.createColors>): string[] {
  const head =
    check.status === "error"
      ? `${INDENT}${c.yellow("! error")} ${check.name}: ${check.message}`
      : `${INDENT}${c.red("✗")} ${check.name}: ${check.message}`;
  const lines = [head];
  if (check.expected !== undefined) lines.push(labelled(DETAIL_INDENT, c.green("expected:"), "", check.expected));
  if (check.actual !== undefined) lines.push(labelled(DETAIL_INDENT, c.red("actual:"), "  ", check.actual));
  return lines;
}

/**
 * `label: value` (`pad` lines values up under each other), or for multi-line values the label alone
 * and the value indented under it, so YAML keeps its shape.
 */
function labelled(indent: string, label: string, pad: string, value: string): string {
  const valueLines = value.replace(/\n+$/, "").split("\n");
  if (valueLines.length === 1) return `${indent}${label}${pad} ${valueLines[0]}`;
  return [`${indent}${label}`, ...valueLines.map((l) => `${indent}  ${l}`)].join("\n");
}
