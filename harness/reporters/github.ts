import { appendFileSync } from "node:fs";
import type { CheckReport, ExerciseReport, RunEnd, RunError } from "../report/model.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { checkDetailLines } from "./check-details.ts";
import { workflowCommand } from "./workflow-command.ts";
import { t } from "../i18n/messages.ts";

/**
 * `github`: inside GitHub Actions, an annotation per failed check (pointing at the exercise file)
 * and a Markdown summary on the run's page (`GITHUB_STEP_SUMMARY`, or `github=FILE`). Errors that
 * stop a run become an error annotation, so the run's page says why nothing was graded.
 */
export class GithubReporter implements Reporter {
  private readonly out: NodeJS.WritableStream;
  private readonly summaryFile: string | undefined;

  constructor(options: ReporterOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.out = options.out ?? process.stdout;
    this.summaryFile = options.outputFile ?? env.GITHUB_STEP_SUMMARY;
  }

  // Annotation lines are for the runner, not for a reader of the log: keep `list` alongside.
  printsToStdio(): boolean {
    return false;
  }

  onError(error: RunError): void {
    this.out.write(workflowCommand(error.fatal ? "error" : "warning", { title: "grade" }, error.message) + "\n");
  }

  onRunEnd(end: RunEnd): void {
    // A cancelled workflow (SIGTERM) or a Ctrl-C: a warning, since nothing the learner did caused it.
    if (end.outcome === "interrupted") this.out.write(workflowCommand("warning", { title: "grade" }, end.reason ?? end.outcome) + "\n");
    if (end.report) for (const line of annotations(end.report)) this.out.write(line + "\n");
    if (this.summaryFile) appendFileSync(this.summaryFile, end.report ? stepSummary(end.report) : `## grade: ${t().report.github.notGraded}\n\n${inline(end.reason ?? end.outcome)}\n`);
  }
}

export function annotations(report: ExerciseReport): string[] {
  const say = t().report.github;
  const lines: string[] = [];
  // Not graded: an error that stopped the run was annotated by onError already, an interrupted run
  // by onRunEnd; the learner's one thing to do (a `fail`, e.g. no solution.sh yet) is annotated here.
  if (report.notGraded !== undefined) {
    return report.tasks.some((t) => t.status === "fail") ? [workflowCommand("error", { file: report.file, title: say.notGraded }, report.notGraded)] : [];
  }
  for (const task of report.tasks) {
    for (const check of task.checks) {
      if (check.status === "fail") {
        lines.push(workflowCommand("error", { file: report.file, title: task.title }, annotationText(check)));
      } else if (check.status === "error") {
        // Not the learner's fault: a warning, so it does not read as a wrong answer.
        const title = say.graderError({ task: task.title });
        lines.push(workflowCommand("warning", { file: report.file, title }, annotationText(check)));
      }
    }
  }
  for (const note of report.diagnostics) lines.push(workflowCommand("notice", { title: "grade" }, note));
  return lines;
}

/** The check's name leads its message, since an annotation's title is the task. */
function annotationText(check: CheckReport): string {
  return `${check.name}: ${checkDetailLines(check).join("\n")}`;
}

export function stepSummary(report: ExerciseReport): string {
  const say = t().report;
  const md: string[] = [
    `## ${inline(say.github.heading(report))}`,
    "",
    say.github.tableHeader,
    "| --- | ---: | --- |",
    ...report.tasks.map((task) => `| ${cell(task.title)} | ${task.points}/${task.maxPoints} | ${say.github.status[task.status]} |`),
    "",
  ];
  if (report.notGraded !== undefined) {
    md.push(`**${say.notGraded}:** ${inline(report.notGraded)}`, "");
    return md.join("\n") + "\n";
  }

  const unfinished = report.tasks.filter((task) => task.checks.some((ch) => ch.status !== "pass"));
  if (unfinished.length > 0) {
    md.push(`### ${say.github.whatToFix}`, "");
    for (const task of unfinished) {
      md.push(`#### ${inline(task.title)}`, "");
      for (const check of task.checks.filter((ch) => ch.status !== "pass")) {
        const label = check.status === "error" ? say.github.errorLabel : "❌";
        md.push(`- ${label} **${inline(check.name)}**: ${inline(check.message)}`);
        if (check.expected !== undefined) md.push(...codeBlock(say.expected, check.expected));
        if (check.actual !== undefined) md.push(...codeBlock(say.actual, check.actual));
      }
      if (task.hint) md.push("", `> 💡 **${say.Hint}:** ${inline(task.hint)}`);
      md.push("");
    }
  }
  for (const note of report.diagnostics) md.push(`> [!NOTE]`, `> ${inline(note)}`, "");
  return md.join("\n") + "\n";
}

/** One line of Markdown text: line breaks would end a list item or a table row. */
const inline = (text: string) => text.replace(/\r?\n/g, " ");
const cell = (text: string) => inline(text).replace(/\|/g, "\\|");

function codeBlock(label: string, value: string): string[] {
  // A fence longer than any backtick run inside the value cannot be closed early by it.
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return [`  ${label}:`, `  ${fence}`, ...value.replace(/\n+$/, "").split("\n").map((l) => `  ${l}`), `  ${fence}`];
}
