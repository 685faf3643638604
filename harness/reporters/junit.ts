import type { CheckReport, ExerciseReport, RunEnd, TaskReport } from "../report/model.ts";
import { checkDetailLines } from "./check-details.ts";
import { seconds, writeReportFile } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { escapeXml as text, escapeXmlAttribute as attr } from "./xml-escape.ts";
import { t } from "../i18n/messages.ts";

export const DEFAULT_JUNIT_FILE = ".grade/junit.xml";

/**
 * `junit`: one <testsuite> per task, one <testcase> per check. A learner's mistake is a <failure>;
 * a grader or cluster fault is an <error>, so CI dashboards tell the two apart.
 * Written by hand with an escape function: the format is small and a dependency would buy nothing.
 */
export class JunitReporter implements Reporter {
  private readonly file: string;

  constructor(options: ReporterOptions = {}) {
    this.file = options.outputFile ?? DEFAULT_JUNIT_FILE;
  }

  printsToStdio(): boolean {
    return false;
  }

  onRunEnd(end: RunEnd): void {
    writeReportFile(this.file, end.report ? formatJunit(end.report) : formatJunitNotLoaded(end.reason ?? end.outcome));
  }
}

/** The exercise never loaded: one errored test case saying why, so CI still finds a file to read. */
export function formatJunitNotLoaded(reason: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="grade" tests="1" failures="0" errors="1" time="0.000">`,
    `  <testsuite name="grade" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
    `    <testcase name="${attr(t().report.junit.loadTheExercise)}" classname="grade" time="0.000">`,
    `      <error message="${attr(reason)}" type="grade">${text(reason)}</error>`,
    `    </testcase>`,
    `  </testsuite>`,
    `</testsuites>`,
  ].join("\n") + "\n";
}

export function formatJunit(report: ExerciseReport): string {
  const checks = report.tasks.flatMap((t) => t.checks);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${attr(report.title)}" tests="${checks.length}" failures="${count(checks, "fail")}"` +
      ` errors="${count(checks, "error")}" time="${seconds(report.ms)}" timestamp="${attr(report.startedAt)}">`,
    ...report.tasks.flatMap((task) => suite(report, task)),
    `</testsuites>`,
  ];
  return lines.join("\n") + "\n";
}

function suite(report: ExerciseReport, task: TaskReport): string[] {
  const ms = task.checks.reduce((sum, ch) => sum + ch.ms, 0);
  return [
    `  <testsuite name="${attr(task.title)}" tests="${task.checks.length}" failures="${count(task.checks, "fail")}"` +
      ` errors="${count(task.checks, "error")}" skipped="0" time="${seconds(ms)}">`,
    `    <properties>`,
    `      <property name="points" value="${task.points}"/>`,
    `      <property name="maxPoints" value="${task.maxPoints}"/>`,
    `    </properties>`,
    ...task.checks.map((check) => testcase(`${report.exerciseId}.${task.id}`, check)),
    `  </testsuite>`,
  ];
}

function testcase(classname: string, check: CheckReport): string {
  const open = `    <testcase name="${attr(check.name)}" classname="${attr(classname)}" time="${seconds(check.ms)}"`;
  if (check.status === "pass") return `${open}/>`;
  const tag = check.status === "fail" ? "failure" : "error";
  return [
    `${open}>`,
    `      <${tag} message="${attr(check.message)}" type="${attr(check.kind)}">${text(details(check))}</${tag}>`,
    `    </testcase>`,
  ].join("\n");
}

function details(check: CheckReport): string {
  return [...checkDetailLines(check), `${t().report.junit.attempts}: ${check.attempts}`].join("\n");
}

const count = (checks: CheckReport[], status: CheckReport["status"]) =>
  checks.filter((ch) => ch.status === status).length;
