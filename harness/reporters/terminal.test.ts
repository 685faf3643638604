import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/language.ts";
import { Capture } from "./capture.ts";
import { graded, sampleReport } from "./sample-report.ts";
import { TerminalReporter } from "./terminal.ts";

describe("list (terminal) reporter", () => {
  it("prints one line per task, details under what went wrong, the score and the notes", () => {
    const out = new Capture();
    const reporter = new TerminalReporter({ out, color: false });
    reporter.onRunEnd(graded(sampleReport()));
    expect(out.text).toMatchInlineSnapshot(`
      "Expose your app with a Service (exercise-4)

      ✓ Deploy the app                     2/2
      ✗ Expose it with a NodePort Service  1/3
          ✗ service type: Service "web" in namespace "default" has the wrong type
            expected: NodePort
            actual:   ClusterIP
          ✗ service ports: Service "web" does not expose port 8080 <&"> yet
            expected:
              ports:
                - port: 8080
                  targetPort: 8080
            actual:   ports: []
          hint: Run \`kubectl expose deployment web --type=NodePort --port=8080\`.
      ! Reach it through kubectl proxy     0/2
          ! error proxy reachable: could not reach the API server: connect ECONNREFUSED 127.0.0.1:6443

      Score: 3/7
      1 check could not be graded (! error): the grader or the cluster failed, not your work.
      Run the grader again; if it keeps happening, tell your instructor.
      note: your script timed out after 5m
      "
    `);
  });

  it("colours marks when asked to", () => {
    const out = new Capture();
    new TerminalReporter({ out, color: true }).onRunEnd(graded(sampleReport()));
    expect(out.text).toContain("\u001b[32m✓\u001b[39m");
    expect(out.text).toContain("\u001b[31m✗\u001b[39m");
  });

  it("says an errored check is not the learner's fault", () => {
    const out = new Capture();
    new TerminalReporter({ out, color: false }).onRunEnd(graded(sampleReport()));
    expect(out.text).toContain("! error proxy reachable");
    expect(out.text).toContain("not your work");
  });
});

describe("list reporter in Korean", () => {
  afterEach(() => setLanguage("en"));

  it("labels, score and notes in Korean; points line up under Korean titles, two columns a syllable", () => {
    setLanguage("ko");
    const report = sampleReport();
    report.tasks[0]!.title = "앱 배포하기";
    report.tasks[1]!.title = "NodePort 서비스로 노출하기";
    report.tasks[2]!.title = "kubectl proxy로 접속하기";
    const out = new Capture();
    new TerminalReporter({ out, color: false }).onRunEnd(graded(report));
    expect(out.text).toMatchInlineSnapshot(`
      "Expose your app with a Service (exercise-4)

      ✓ 앱 배포하기                 2/2
      ✗ NodePort 서비스로 노출하기  1/3
          ✗ service type: Service "web" in namespace "default" has the wrong type
            예상: NodePort
            실제: ClusterIP
          ✗ service ports: Service "web" does not expose port 8080 <&"> yet
            예상:
              ports:
                - port: 8080
                  targetPort: 8080
            실제: ports: []
          힌트: Run \`kubectl expose deployment web --type=NodePort --port=8080\`.
      ! kubectl proxy로 접속하기    0/2
          ! 오류 proxy reachable: could not reach the API server: connect ECONNREFUSED 127.0.0.1:6443

      점수: 3/7
      검사 1개를 채점하지 못했습니다(! 오류). 작업이 잘못된 것이 아니라 채점기나 클러스터가 실패했습니다.
      채점을 다시 실행하십시오. 계속 이러면 강사에게 알리십시오.
      참고: your script timed out after 5m
      "
    `);
  });
});

describe("list reporter on runs that did not grade", () => {
  it("says the shared reason once, not under every check", () => {
    const report = sampleReport();
    report.notGraded = "no solution.sh yet: write work/exercise-4/solution.sh";
    report.diagnostics = [];
    const out = new Capture();
    new TerminalReporter({ out, color: false }).onRunEnd(graded(report));
    expect(out.text.match(/no solution.sh yet/g)).toHaveLength(1);
    expect(out.text).toContain("Not graded: no solution.sh yet: write work/exercise-4/solution.sh");
    expect(out.text).not.toContain("expected:");
  });

  it("prints nothing without a report: the CLI's error line says why", () => {
    const out = new Capture();
    new TerminalReporter({ out, color: false }).onRunEnd({ outcome: "usage-error", reason: "no exercise" });
    expect(out.text).toBe("");
  });

  it("list=FILE writes the text, without colours, to the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "grade-list-")), "report.txt");
    const reporter = new TerminalReporter({ outputFile: file, color: true });
    expect(reporter.printsToStdio()).toBe(false);
    reporter.onRunEnd(graded(sampleReport()));
    expect(readFileSync(file, "utf8")).toContain("✗ Expose it with a NodePort Service  1/3\n");
  });
});
