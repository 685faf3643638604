import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Capture } from "./capture.ts";
import { ClassroomReporter, classroomResult } from "./classroom.ts";
import { sampleReport } from "./sample-report.ts";

const expected = {
  version: 1,
  status: "error",
  max_score: 7,
  tests: [
    { name: "Deploy the app", status: "pass", message: "", line_no: 0, execution_time: "0.120s", score: 2 },
    {
      name: "Expose it with a NodePort Service",
      status: "fail",
      message: [
        'service type: Service "web" in namespace "default" has the wrong type',
        'service ports: Service "web" does not expose port 8080 <&"> yet',
        "Hint: Run `kubectl expose deployment web --type=NodePort --port=8080`.",
        "Note: your script timed out after 5m",
      ].join("\n"),
      line_no: 0,
      execution_time: "20.080s",
      score: 1,
    },
    {
      name: "Reach it through kubectl proxy",
      status: "error",
      message:
        "proxy reachable: could not reach the API server: connect ECONNREFUSED 127.0.0.1:6443 (grader or cluster error, not your work)",
      line_no: 0,
      execution_time: "1.500s",
      score: 0,
    },
  ],
};

/** What autograding-grading-reporter does with the step output: base64 → utf-8 → JSON. */
const decode = (encoded: string) => JSON.parse(Buffer.from(encoded, "base64").toString("utf-8"));

describe("classroom reporter", () => {
  it("writes result=<base64> to GITHUB_OUTPUT, decoding to one test per task", () => {
    const output = join(mkdtempSync(join(tmpdir(), "grade-classroom-")), "output");
    writeFileSync(output, "earlier=1\n");
    const out = new Capture();
    new ClassroomReporter({ out }, { GITHUB_OUTPUT: output }).onRunEnd(sampleReport());

    const lines = readFileSync(output, "utf8").split("\n");
    expect(lines[0]).toBe("earlier=1");
    expect(lines[1]).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    expect(lines.slice(2)).toEqual([""]);
    expect(decode(lines[1]!.slice("result=".length))).toEqual(expected);
    expect(out.text).toBe("");
  });

  it("prints the result as a notice when GITHUB_OUTPUT is unset", () => {
    const out = new Capture();
    new ClassroomReporter({ out }, {}).onRunEnd(sampleReport());
    const match = /^::notice title=classroom result \(GITHUB_OUTPUT unset\)::([A-Za-z0-9+/]+=*)\n$/.exec(out.text);
    expect(match).not.toBeNull();
    expect(decode(match![1]!)).toEqual(expected);
  });

  it("passes with full marks and fails without them", () => {
    const report = sampleReport();
    report.tasks = [report.tasks[0]!];
    report.diagnostics = [];
    report.points = report.maxPoints = 2;
    expect(classroomResult(report).status).toBe("pass");
    report.tasks[0]!.points = report.points = 0;
    expect(classroomResult(report)).toMatchObject({ status: "fail", max_score: 2, tests: [{ status: "fail", score: 0 }] });
  });
});
