import { appendFileSync } from "node:fs";
import type { ExerciseReport, TaskReport } from "../report/model.ts";
import { seconds } from "./output.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { workflowCommand } from "./workflow-command.ts";

/**
 * The result GitHub Classroom's `classroom-resources/autograding-grading-reporter` reads.
 *
 * What the format is, from the sources:
 * - the reporter's src/main.js takes its `runners` input, reads env `<RUNNER-ID>_RESULTS` for
 *   each, decodes it with `Buffer.from(x, "base64")` and JSON.parses it; it fails the job when a
 *   result's `status` is "fail" or "error";
 * - its src/notify-classroom.js adds up `max_score` and every `tests[].score` into the
 *   "Points X/Y" notice Classroom records; its console output prints `tests[].name` and, for
 *   non-passing tests, `tests[].message`;
 * - the graders (autograding-io-grader src/main.js, and the command and python graders) write
 *   `{version: 1, status, max_score, tests: [{name, status, message, test_code, filename,
 *   line_no, duration|execution_time, score}]}` as `core.setOutput("result", base64(json))`,
 *   i.e. a `result=<base64>` line in the file named by GITHUB_OUTPUT; the workflow then passes
 *   `${{ steps.<id>.outputs.result }}` to the reporter as `<ID>_RESULTS`.
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
  line_no?: number;
  /** Not read by the reporter; seconds, as the command grader writes it ("1.234s"). */
  execution_time: string;
  score: number;
}

export class ClassroomReporter implements Reporter {
  private readonly out: NodeJS.WritableStream;
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: ReporterOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.out = options.out ?? process.stdout;
    this.env = env;
  }

  printsToStdio(): boolean {
    return false;
  }

  onRunEnd(report: ExerciseReport): void {
    const encoded = encodeClassroomResult(classroomResult(report));
    const outputFile = this.env.GITHUB_OUTPUT;
    // base64 has no line breaks, so the single-line `name=value` form of GITHUB_OUTPUT is safe.
    if (outputFile) appendFileSync(outputFile, `result=${encoded}\n`);
    else this.out.write(workflowCommand("notice", { title: "classroom result (GITHUB_OUTPUT unset)" }, encoded) + "\n");
  }
}

export function classroomResult(report: ExerciseReport): ClassroomResult {
  const tests = report.tasks.map((task, i) => classroomTest(task, i === firstUnfinished(report) ? report.diagnostics : []));
  const status: ClassroomStatus = tests.some((t) => t.status === "error")
    ? "error"
    : report.points === report.maxPoints
      ? "pass"
      : "fail";
  return { version: 1, status, max_score: report.maxPoints, tests };
}

export const encodeClassroomResult = (result: ClassroomResult) =>
  Buffer.from(JSON.stringify(result), "utf8").toString("base64");

function classroomTest(task: TaskReport, notes: string[]): ClassroomTest {
  const failed = task.checks.filter((ch) => ch.status !== "pass");
  const status: ClassroomStatus = failed.some((ch) => ch.status === "error")
    ? "error"
    : failed.length > 0 || task.points < task.maxPoints
      ? "fail"
      : "pass";
  const lines = failed.map((ch) =>
    ch.status === "error"
      ? `${ch.name}: ${ch.message} (grader or cluster error, not your work)`
      : `${ch.name}: ${ch.message}`,
  );
  const hint = task.hint ?? failed.find((ch) => ch.hint)?.hint;
  if (hint && failed.some((ch) => ch.status === "fail")) lines.push(`Hint: ${hint}`);
  lines.push(...notes.map((n) => `Note: ${n}`));
  const ms = task.checks.reduce((sum, ch) => sum + ch.ms, 0);
  // line_no 0 as the command grader writes it: the reporter prints " - line N" for anything else.
  return { name: task.title, status, message: lines.join("\n"), line_no: 0, execution_time: `${seconds(ms)}s`, score: task.points };
}

/** Run-wide notes (e.g. the script timed out) go on the first task the learner lost points on. */
function firstUnfinished(report: ExerciseReport): number {
  const i = report.tasks.findIndex((t) => t.checks.some((ch) => ch.status !== "pass") || t.points < t.maxPoints);
  return i === -1 ? 0 : i;
}
