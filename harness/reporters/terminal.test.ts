import { describe, expect, it } from "vitest";
import { Capture } from "./capture.ts";
import { sampleReport } from "./sample-report.ts";
import { TerminalReporter } from "./terminal.ts";

describe("list (terminal) reporter", () => {
  it("prints one line per task, details under what went wrong, the score and the notes", () => {
    const out = new Capture();
    const reporter = new TerminalReporter({ out, color: false });
    reporter.onCheckEnd();
    expect(out.text).toBe("");
    reporter.onRunEnd(sampleReport());
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
    new TerminalReporter({ out, color: true }).onRunEnd(sampleReport());
    expect(out.text).toContain("\u001b[32m✓\u001b[39m");
    expect(out.text).toContain("\u001b[31m✗\u001b[39m");
  });

  it("says an errored check is not the learner's fault", () => {
    const out = new Capture();
    new TerminalReporter({ out, color: false }).onRunEnd(sampleReport());
    expect(out.text).toContain("! error proxy reachable");
    expect(out.text).toContain("not your work");
  });
});
