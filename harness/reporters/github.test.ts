import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/language.ts";
import { Capture } from "./capture.ts";
import { annotations, GithubReporter, stepSummary } from "./github.ts";
import { graded, sampleReport } from "./sample-report.ts";
import { escapeData, escapeProperty, workflowCommand } from "./workflow-command.ts";

describe("github reporter", () => {
  it("escapes workflow command data and properties as the runner expects", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    // `%` is escaped first, so an existing "%0A" survives as text instead of becoming a newline.
    expect(escapeData("literal %0A")).toBe("literal %250A");
    expect(escapeProperty("a: b, c%\n")).toBe("a%3A b%2C c%25%0A");
    expect(workflowCommand("error", { file: "x.yaml", title: "T: 1, 2" }, "m\nn")).toBe(
      "::error file=x.yaml,title=T%3A 1%2C 2::m%0An",
    );
  });

  it("annotates each failed check on the exercise file, errors as warnings", () => {
    const lines = annotations(sampleReport());
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "::error file=exercises/exercise-4/exercise.yaml,title=Expose it with a NodePort Service::" +
        'service type: Service "web" in namespace "default" has the wrong type%0Aexpected: NodePort' +
        "%0Aactual: ClusterIP%0Ahint: Run `kubectl expose deployment web --type=NodePort --port=8080`.",
    );
    expect(lines[1]).toContain("expected: ports:%0A  - port: 8080%0A    targetPort: 8080");
    expect(lines[2]).toMatch(/^::warning file=exercises\/exercise-4\/exercise.yaml,title=Reach it through kubectl proxy \(grader or cluster error\)::proxy reachable: /);
    expect(lines[3]).toBe("::notice title=grade::your script timed out after 5m");
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  it("an interrupted run (a cancelled workflow) gets one warning saying so, and its summary the reason", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "grade-gh-")), "summary.md");
    const out = new Capture();
    const reason = "interrupted by SIGTERM before grading finished; nothing was graded";
    const report = sampleReport();
    report.notGraded = reason;
    for (const task of report.tasks) task.status = "error";
    new GithubReporter({ out }, { GITHUB_STEP_SUMMARY: summary }).onRunEnd({ outcome: "interrupted", reason, report });
    expect(out.text.split("\n").filter(Boolean)).toEqual([`::warning title=grade::${reason}`]);
    expect(readFileSync(summary, "utf8")).toContain(reason);
  });

  it("appends a Markdown summary to GITHUB_STEP_SUMMARY", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "grade-gh-")), "summary.md");
    writeFileSync(summary, "earlier step\n");
    const out = new Capture();
    const reporter = new GithubReporter({ out }, { GITHUB_STEP_SUMMARY: summary });
    expect(reporter.printsToStdio()).toBe(false);
    reporter.onRunEnd(graded(sampleReport()));

    expect(out.text.split("\n").filter(Boolean)).toHaveLength(4);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("earlier step\n## Expose your app with a Service — 3/7 points")).toBe(true);
    expect(md).toContain("| Task | Points | Status |");
    expect(md).toContain("| Deploy the app | 2/2 | ✅ pass |");
    expect(md).toContain("| Expose it with a NodePort Service | 1/3 | ❌ fail |");
    expect(md).toContain("| Reach it through kubectl proxy | 0/2 | ⚠️ error |");
    expect(md).toContain("- ❌ **service type**: Service \"web\" in namespace \"default\" has the wrong type");
    expect(md).toContain("  ```\n  ports:\n    - port: 8080\n      targetPort: 8080\n  ```");
    expect(md).toContain("> 💡 **Hint:** Run `kubectl expose deployment web --type=NodePort --port=8080`.");
    expect(md).toContain("your script timed out after 5m");
  });

  it("in Korean: the summary's heading, table, labels and hint, and the annotations' labels", () => {
    setLanguage("ko");
    try {
      const md = stepSummary(sampleReport());
      expect(md.split("\n").slice(0, 7)).toEqual([
        "## Expose your app with a Service — 3/7점",
        "",
        "| 과제 | 점수 | 상태 |",
        "| --- | ---: | --- |",
        "| Deploy the app | 2/2 | ✅ 통과 |",
        "| Expose it with a NodePort Service | 1/3 | ❌ 실패 |",
        "| Reach it through kubectl proxy | 0/2 | ⚠️ 오류 |",
      ]);
      expect(md).toContain("### 고칠 것");
      expect(md).toContain("  예상:\n  ```\n  NodePort\n  ```\n  실제:\n  ```\n  ClusterIP\n  ```");
      expect(md).toContain("> 💡 **힌트:** Run `kubectl expose deployment web --type=NodePort --port=8080`.");
      const [first, , warning] = annotations(sampleReport());
      expect(first).toContain("%0A예상: NodePort%0A실제: ClusterIP%0A힌트: Run");
      expect(warning).toContain("title=Reach it through kubectl proxy (채점기 또는 클러스터 오류)::");
    } finally {
      setLanguage("en");
    }
  });

  it("writes no summary outside GitHub Actions", () => {
    const out = new Capture();
    expect(() => new GithubReporter({ out }, {}).onRunEnd(graded(sampleReport()))).not.toThrow();
    expect(out.text).toContain("::error ");
  });

  it("keeps a task title with a pipe inside its table cell", () => {
    const report = sampleReport();
    report.tasks[0]!.title = "a | b";
    expect(stepSummary(report)).toContain("| a \\| b | 2/2 | ✅ pass |");
  });
});

describe("github reporter on runs that did not grade", () => {
  it("turns a fatal error into an error annotation, and says so in the summary", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "grade-gh-")), "summary.md");
    const out = new Capture();
    const reporter = new GithubReporter({ out, outputFile: summary }, {});
    reporter.onError({ message: "No Docker engine answers", fatal: true });
    reporter.onRunEnd({ outcome: "infrastructure-error", reason: "No Docker engine answers" });
    expect(out.text).toBe("::error title=grade::No Docker engine answers\n");
    expect(readFileSync(summary, "utf8")).toBe("## grade: not graded\n\nNo Docker engine answers\n");
  });

  it("annotates a learner's missing script once, not once per check", () => {
    const report = sampleReport();
    report.notGraded = "no solution.sh yet";
    for (const t of report.tasks) t.status = "fail";
    expect(annotations(report)).toEqual(["::error file=exercises/exercise-4/exercise.yaml,title=not graded::no solution.sh yet"]);
    expect(stepSummary(report)).toContain("**Not graded:** no solution.sh yet");
  });
});
