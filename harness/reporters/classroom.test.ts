import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Capture } from "./capture.ts";
import { ClassroomReporter, MAX_ENCODED_RESULT, MAX_MESSAGE, classroomResult, encodeClassroomResult } from "./classroom.ts";
import { decodeClassroomResult, classroomPointsLine } from "./classroom-decoder.ts";
import { graded, sampleReport } from "./sample-report.ts";
import type { ExerciseReport } from "../report/model.ts";

const testFields = { filename: "exercises/exercise-4/exercise.yaml", line_no: 0 };
const expected = {
  version: 1,
  status: "fail",
  max_score: 7,
  tests: [
    { name: "Deploy the app", status: "pass", message: "", test_code: "grade exercise-4 (task deploy)", ...testFields, execution_time: "0.120s", score: 2 },
    {
      name: "Expose it with a NodePort Service",
      status: "fail",
      message: [
        'service type: Service "web" in namespace "default" has the wrong type',
        'service ports: Service "web" does not expose port 8080 <&"> yet',
        "Hint: Run `kubectl expose deployment web --type=NodePort --port=8080`.",
        "Note: your script timed out after 5m",
      ].join("\n"),
      test_code: "grade exercise-4 (task service)",
      ...testFields,
      execution_time: "20.080s",
      score: 1,
    },
    {
      name: "Reach it through kubectl proxy",
      status: "error",
      message: "proxy reachable: could not reach the API server: connect ECONNREFUSED 127.0.0.1:6443 (grader or cluster error, not your work)",
      test_code: "grade exercise-4 (task proxy)",
      ...testFields,
      execution_time: "1.500s",
      score: 0,
    },
  ],
};

describe("classroom reporter", () => {
  it("writes result=<base64> to GITHUB_OUTPUT, decoding to one test per task", () => {
    const output = join(mkdtempSync(join(tmpdir(), "grade-classroom-")), "output");
    writeFileSync(output, "earlier=1\n");
    const out = new Capture();
    new ClassroomReporter({ out }, { GITHUB_OUTPUT: output }).onRunEnd(graded(sampleReport()));

    const lines = readFileSync(output, "utf8").split("\n");
    expect(lines[0]).toBe("earlier=1");
    expect(lines[1]).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    expect(lines.slice(2)).toEqual([""]);
    expect(decodeClassroomResult(lines[1]!.slice("result=".length))).toEqual(expected);
    expect(out.text).toBe("");
  });

  it("classroom=FILE writes the result line to FILE instead", () => {
    const file = join(mkdtempSync(join(tmpdir(), "grade-classroom-")), "result");
    new ClassroomReporter({ outputFile: file }, { GITHUB_OUTPUT: "/dev/null/never" }).onRunEnd(graded(sampleReport()));
    expect(decodeClassroomResult(readFileSync(file, "utf8").trim().slice("result=".length))).toEqual(expected);
  });

  it("prints the result as a notice when GITHUB_OUTPUT is unset", () => {
    const out = new Capture();
    new ClassroomReporter({ out }, {}).onRunEnd(graded(sampleReport()));
    const match = /^::notice title=classroom result \(GITHUB_OUTPUT unset\)::([A-Za-z0-9+/]+=*)\n$/.exec(out.text);
    expect(match).not.toBeNull();
    expect(decodeClassroomResult(match![1]!)).toEqual(expected);
  });

  it("passes with full marks and fails without them", () => {
    const report = sampleReport();
    report.tasks = [report.tasks[0]!];
    report.diagnostics = [];
    report.points = report.maxPoints = 2;
    expect(classroomResult(report).status).toBe("pass");
    report.tasks[0]!.points = report.points = 0;
    report.tasks[0]!.status = "fail";
    expect(classroomResult(report)).toMatchObject({ status: "fail", max_score: 2, tests: [{ status: "fail", score: 0 }] });
  });

  it("an exercise that never loaded still leaves a result: one errored test, nothing at stake", () => {
    const out = new Capture();
    new ClassroomReporter({ out }, {}).onRunEnd({ outcome: "usage-error", reason: 'no exercise "exercise-9"' });
    const encoded = /::([A-Za-z0-9+/=]+)\n$/.exec(out.text)![1]!;
    expect(decodeClassroomResult(encoded)).toMatchObject({ status: "error", max_score: 0, tests: [{ name: "grade", status: "error", message: 'no exercise "exercise-9"', line_no: 0, score: 0 }] });
  });
});

describe("classroom result limits", () => {
  const bigReport = (tasks: number, messageLength: number): ExerciseReport => {
    const report = sampleReport();
    const failing = report.tasks[1]!;
    report.tasks = Array.from({ length: tasks }, (_, i) => ({
      ...failing,
      id: `t${i}`,
      title: `Task ${i}`,
      checks: failing.checks.map((c) => ({ ...c, message: "x".repeat(messageLength) })),
      hint: `  a   hint\n  spread   over lines ${"y".repeat(1_000)}`,
    }));
    return report;
  };

  it("caps each message and trims hints, saying where the rest is", () => {
    const test = classroomResult(bigReport(1, 10_000)).tests[0]!;
    expect(test.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(test.message).toMatch(/more characters: see the job summary\)$/);
    expect(classroomResult(bigReport(1, 10)).tests[0]!.message).toContain("Hint: a hint spread over lines yyy");
  });

  it("keeps the encoded result under what the reporter's environment variable holds, whatever the size", () => {
    for (const tasks of [1, 50, 200]) {
      expect(encodeClassroomResult(classroomResult(bigReport(tasks, 50_000))).length).toBeLessThanOrEqual(MAX_ENCODED_RESULT);
    }
  });
});

describe("the classroom result, read back as GitHub Classroom's reporter reads it", () => {
  // Partial credit in quarters: Classroom's floating-point sum must equal grade's own total exactly.
  const withScores = (scores: number[], max: number[]): ExerciseReport => {
    const report = sampleReport();
    const template = report.tasks[1]!;
    report.tasks = scores.map((s, i) => ({ ...template, id: `t${i}`, points: s, maxPoints: max[i]!, status: s === max[i] ? "pass" : "fail" }));
    report.points = scores.reduce((a, b) => a + b, 0);
    report.maxPoints = max.reduce((a, b) => a + b, 0);
    return report;
  };

  it.each([
    ["full marks", [4, 3, 1, 2], [4, 3, 1, 2], "Points 10/10"],
    ["partial, in quarters", [0.75, 0.75, 0.75, 0.25, 2.5], [1, 1, 1, 1, 3], "Points 5/7"],
    ["thirds rounded down to quarters", [3.25, 1.25, 0.5], [10, 2, 1], "Points 5/13"],
  ])("%s: Points X/Y is grade's total", (_name, scores, max, line) => {
    const report = withScores(scores, max);
    const decoded = decodeClassroomResult(encodeClassroomResult(classroomResult(report)));
    expect(classroomPointsLine([decoded])).toBe(line);
    expect(classroomPointsLine([decoded])).toBe(`Points ${report.points}/${report.maxPoints}`);
    expect(decoded.tests.every((t) => t.line_no === 0)).toBe(true);
  });
});
