import { appendFileSync } from "node:fs";
import type { ExerciseReport, RunEnd, TaskReport } from "../report/model.ts";
import { seconds } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { workflowCommand } from "./workflow-command.ts";
import { t } from "../i18n/messages.ts";

/**
 * The result GitHub Classroom's `classroom-resources/autograding-grading-reporter` reads (its
 * behaviour, measured against its code, is written down in ci/github/README.md):
 * - it reads env `<RUNNER-ID>_RESULTS`, base64 → UTF-8 → JSON.parse; an empty value fails the
 *   job with "Unexpected end of JSON input" and records no score, so grade writes a result on
 *   every path once the exercise has loaded (and an error result even before);
 * - Classroom records `Points X/Y`: the plain floating-point sum of `tests[].score` over
 *   `max_score` (scores are quarter points, which add up exactly: harness/report/points.ts);
 * - its console prints `- line N` unless `line_no` is 0, and a test's `message` only when the
 *   test's status is `error`; it prints `test_code` for every test;
 * - the result travels in one environment variable, which Linux caps at 128 KiB, so messages
 *   are capped to keep the whole result well below that.
 * One test per task, so Classroom shows per-task points.
 */
export interface ClassroomResult {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

type ClassroomStatus = "pass" | "fail" | "error";

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  message: string;
  test_code: string;
  filename: string;
  line_no: 0;
  /** Not read by the reporter; seconds, as the command grader writes it ("1.234s"). */
  execution_time: string;
  score: number;
}

/** What the reporter's environment variable can hold (MAX_ARG_STRLEN, 128 KiB), less `NAME=` and a margin. */
export const MAX_ENCODED_RESULT = 128 * 1024 - 1024;
/** A message longer than this is cut: the job's summary (github reporter) has the whole text. */
export const MAX_MESSAGE = 2_000;
const MAX_HINT = 400;

export class ClassroomReporter implements Reporter {
  private readonly out: NodeJS.WritableStream;
  private readonly outputFile: string | undefined;

  constructor(options: ReporterOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.out = options.out ?? process.stdout;
    this.outputFile = options.outputFile ?? env.GITHUB_OUTPUT;
  }

  printsToStdio(): boolean {
    return false;
  }

  onRunEnd(end: RunEnd): void {
    const result = end.report ? classroomResult(end.report) : notLoadedResult(end.reason ?? end.outcome);
    const encoded = encodeClassroomResult(result);
    // base64 has no line breaks, so the single-line `name=value` form of GITHUB_OUTPUT is safe.
    if (this.outputFile) appendFileSync(this.outputFile, `result=${encoded}\n`);
    else this.out.write(workflowCommand("notice", { title: t().report.classroom.noOutputFile }, encoded) + "\n");
  }
}

export function classroomResult(report: ExerciseReport): ClassroomResult {
  const notesOn = firstUnfinished(report);
  const tests = report.tasks.map((task, i) => classroomTest(report, task, i === notesOn ? report.diagnostics : []));
  const status: ClassroomStatus = tests.some((t) => t.status === "fail") ? "fail" : tests.some((t) => t.status === "error") ? "error" : "pass";
  return fitted({ version: 1, status, max_score: report.maxPoints, tests });
}

/** The exercise never loaded (a usage error): one errored test saying why, and no points at stake. */
export function notLoadedResult(reason: string): ClassroomResult {
  return fitted({
    version: 1,
    status: "error",
    max_score: 0,
    tests: [{ name: "grade", status: "error", message: reason, test_code: "grade", filename: "", line_no: 0, execution_time: "0.000s", score: 0 }],
  });
}

export const encodeClassroomResult = (result: ClassroomResult) => Buffer.from(JSON.stringify(result), "utf8").toString("base64");

function classroomTest(report: ExerciseReport, task: TaskReport, notes: string[]): ClassroomTest {
  const say = t().report;
  const failed = task.checks.filter((ch) => ch.status !== "pass");
  const lines =
    report.notGraded !== undefined
      ? [report.notGraded]
      : failed.map((ch) => (ch.status === "error" ? say.classroom.graderError({ check: ch.name, message: ch.message }) : `${ch.name}: ${ch.message}`));
  if (task.hint) lines.push(`${say.Hint}: ${cut(task.hint.replace(/\s+/g, " ").trim(), MAX_HINT)}`);
  lines.push(...notes.map((n) => `${say.Note}: ${n}`));
  const ms = task.checks.reduce((sum, ch) => sum + ch.ms, 0);
  return {
    name: task.title,
    status: task.status,
    message: cut(lines.join("\n"), MAX_MESSAGE),
    test_code: say.classroom.testCode({ exercise: report.exerciseId, task: task.id }),
    filename: report.file,
    line_no: 0,
    execution_time: `${seconds(ms)}s`,
    score: task.points,
  };
}

/** Run-wide notes (e.g. the script timed out) go on the first task the learner lost points on. */
function firstUnfinished(report: ExerciseReport): number {
  const i = report.tasks.findIndex((t) => t.status !== "pass");
  return i === -1 ? 0 : i;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const more = t().report.classroom.moreCharacters({ count: text.length - max });
  return max > more.length ? text.slice(0, max - more.length) + more : text.slice(0, max);
}

/** Shortens every message until the encoded result fits the reporter's environment variable. */
function fitted(result: ClassroomResult): ClassroomResult {
  let max = MAX_MESSAGE;
  let current = result;
  while (encodeClassroomResult(current).length > MAX_ENCODED_RESULT && max > 0) {
    max = Math.floor(max / 2);
    current = { ...result, tests: result.tests.map((t) => ({ ...t, name: cut(t.name, Math.max(max, 40)), message: cut(t.message, max) })) };
  }
  return current;
}
