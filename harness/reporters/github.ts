import { appendFileSync } from "node:fs";
import type { CheckReport, ExerciseReport, RunEnd, RunError } from "../report/model.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { workflowCommand } from "./workflow-command.ts";

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
    if (end.report) for (const line of annotations(end.report)) this.out.write(line + "\n");
    if (this.summaryFile) appendFileSync(this.summaryFile, end.report ? stepSummary(end.report) : `## grade: not graded\n\n${inline(end.reason ?? end.outcome)}\n`);
  }
}

export function annotations(report: ExerciseReport): string[] {
  const lines: string[] = [];
  // Not graded: a fault was annotated by onError already; the learner's one thing to do is annotated here.
  if (report.notGraded !== undefined) {
    return report.tasks.some((t) => t.status === "fail") ? [workflowCommand("error", { file: report.file, title: "not graded" }, report.notGraded)] : [];
  }
  for (const task of report.tasks) {
    for (const check of task.checks) {
      if (check.status === "fail") {
        lines.push(workflowCommand("error", { file: report.file, title: task.title }, annotationText(check)));
      } else if (check.status === "error") {
        // Not the learner's fault: a warning, so it does not read as a wrong answer.
        const title = `${task.title} (grader or cluster error)`;
        lines.push(workflowCommand("warning", { file: report.file, title }, annotationText(check)));
      }
    }
  }
  for (const note of report.diagnostics) lines.push(workflowCommand("notice", { title: "grade" }, note));
  return lines;
}

function annotationText(check: CheckReport): string {
  const parts = [`${check.name}: ${check.message}`];
  if (check.expected !== undefined) parts.push(`expected: ${check.expected}`);
  if (check.actual !== undefined) parts.push(`actual: ${check.actual}`);
  if (check.hint !== undefined && check.status === "fail") parts.push(`hint: ${check.hint}`);
  return parts.join("\n");
}

const STATUS = { pass: "✅ pass", fail: "❌ fail", error: "⚠️ error" } as const;

export function stepSummary(report: ExerciseReport): string {
  const md: string[] = [
    `## ${inline(report.title)} — ${report.points}/${report.maxPoints} points`,
    "",
    "| Task | Points | Status |",
    "| --- | ---: | --- |",
    ...report.tasks.map((t) => `| ${cell(t.title)} | ${t.points}/${t.maxPoints} | ${STATUS[t.status]} |`),
    "",
  ];
  if (report.notGraded !== undefined) {
    md.push(`**Not graded:** ${inline(report.notGraded)}`, "");
    return md.join("\n") + "\n";
  }

  const unfinished = report.tasks.filter((t) => t.checks.some((ch) => ch.status !== "pass"));
  if (unfinished.length > 0) {
    md.push("### What to fix", "");
    for (const task of unfinished) {
      md.push(`#### ${inline(task.title)}`, "");
      for (const check of task.checks.filter((ch) => ch.status !== "pass")) {
        const label = check.status === "error" ? "⚠️ error (grader or cluster, not your work)" : "❌";
        md.push(`- ${label} **${inline(check.name)}**: ${inline(check.message)}`);
        if (check.expected !== undefined) md.push(...codeBlock("expected", check.expected));
        if (check.actual !== undefined) md.push(...codeBlock("actual", check.actual));
      }
      if (task.hint) md.push("", `> 💡 **Hint:** ${inline(task.hint)}`);
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
