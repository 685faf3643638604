// Exercise 3 in Korean, end to end on real clusters: the reference solution with --lang ko, and a
// learner who did nothing with only a Korean locale. Two runs, each a cluster of its own.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import type { ExerciseReport } from "../../harness/report/model.ts";
import { decodeClassroomResult } from "../../harness/reporters/classroom-decoder.ts";
import { runCli } from "./support/cli-process.ts";
import { skipReason } from "./support/e2e-environment.ts";
import { scriptWorkDir, solutionWorkDir } from "./support/work-dirs.ts";

const HANGUL = /[가-힣]/;

/** grade run exercise-3 with every reporter, each writing to a file of its own where it can. */
async function gradeRun(work: string, o: { args?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-ko-"));
  const file = (name: string) => path.join(dir, name);
  const reporters = `list,json=${file("report.json")},github=${file("summary.md")},classroom=${file("classroom.txt")},junit=${file("junit.xml")}`;
  const run = await runCli(["run", "exercise-3", "--work", work, "--reporter", reporters, ...(o.args ?? [])], { env: o.env });
  const read = (name: string) => readFileSync(file(name), "utf8");
  return {
    ...run,
    report: JSON.parse(read("report.json")) as ExerciseReport,
    summary: read("summary.md"),
    classroom: decodeClassroomResult(read("classroom.txt").replace(/^result=/, "").trim()),
    junit: read("junit.xml"),
  };
}

describe.skipIf(skipReason !== undefined)("exercise 3 in Korean on a real cluster", () => {
  afterAll(async () => {
    expect(await listGradeContainers()).toEqual([]);
  });

  it("--lang ko: the reference solution scores 10/10, and the report, the steps and every reporter speak Korean", async () => {
    const run = await gradeRun(solutionWorkDir("exercise-3"), { args: ["--lang", "ko"] });
    expect(run.report.points, run.stderr).toBe(10);
    expect(run.code).toBe(0);

    // The terminal report: Korean task titles, every task passed, the score line in Korean.
    expect(run.stdout).toContain("파드와 노드: 앱 조사하기 (exercise-3)");
    for (const title of ["파드와 그 파드가 실행 중인 노드 찾기", "kubectl proxy로 앱에 접속하기", "앱의 로그 읽기", "컨테이너 안에서 명령 실행하기"]) {
      expect(run.stdout).toMatch(new RegExp(`^✓ ${title} +\\d+/\\d+$`, "m"));
    }
    expect(run.stdout).toContain("\n점수: 10/10\n");
    expect(run.stdout).not.toContain("Score:");
    // The steps on stderr, with the numbers and names as they are.
    expect(run.stderr).toContain("k3s 클러스터를 시작하는 중 (노드 1개)");
    expect(run.stderr).toContain("gcr.io/google-samples/kubernetes-bootcamp:v1: 로컬 Docker에서 노드가 시작할 때 넣었습니다");
    expect(run.stderr).toContain("클러스터를 제거하는 중");

    // The other reporters follow the language.
    expect(run.summary).toContain("## 파드와 노드: 앱 조사하기 — 10/10점");
    expect(run.summary).toContain("| 앱의 로그 읽기 | 1/1 | ✅ 통과 |");
    expect(run.classroom.tests.map((test) => test.name)).toEqual(["파드와 그 파드가 실행 중인 노드 찾기", "kubectl proxy로 앱에 접속하기", "앱의 로그 읽기", "컨테이너 안에서 명령 실행하기"]);
    expect(run.junit).toContain('<testcase name="pod.name: 파드의 이름" classname="exercise-3.find-the-pod"');
    expect(await listGradeContainers()).toEqual([]);
  });

  it("a Korean locale alone: a learner who did nothing loses points, each failed check explained in Korean", async () => {
    const work = scriptWorkDir("nothing", "true");
    const run = await gradeRun(work, { env: { LC_ALL: "", LC_MESSAGES: "", LANG: "ko_KR.UTF-8" } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.report.points).toBeGreaterThan(0); // the app's pod is placed: that much is given
    expect(run.report.points).toBeLessThan(10);
    expect(run.stdout).toMatch(/\n점수: \d+(\.\d+)?\/10\n/);

    const checks = run.report.tasks.flatMap((task) => task.checks);
    for (const check of checks.filter((c) => c.status !== "pass")) {
      expect(check.status, check.message).toBe("fail");
      expect(check.message, check.name).toMatch(HANGUL);
      expect(check.hint, check.name).toMatch(HANGUL);
    }
    // The log check: the message, what was expected and the hint in Korean; the pod, the log and the pattern as they are.
    const logs = checks.find((c) => c.kind === "containerLogs")!;
    expect(logs.name).toBe("앱의 로그: 처리한 요청이 보임");
    expect(logs.message).toMatch(/^파드 kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]+의 로그에 요구한 내용이 없습니다$/);
    expect(logs.expected).toBe("다음 정규식과 일치하는 텍스트: /Total Requests: [1-9]/m");
    expect(logs.actual).toContain("Kubernetes Bootcamp App Started At:");
    expect(logs.hint).toContain("파드는 외부와 분리된 사설 네트워크에서 실행됩니다. `kubectl proxy`를 실행하고");
    // The terminal shows it under its task, with Korean labels lined up.
    expect(run.stdout).toContain(`    ✗ 앱의 로그: 처리한 요청이 보임: ${logs.message}\n      예상: ${logs.expected}\n      실제: Kubernetes Bootcamp App Started At:`);
    expect(run.stdout).toContain("    힌트: 파드는 외부와 분리된 사설 네트워크에서 실행됩니다.");
    // An answer never given, and the learner's own proxy not running: said in Korean, keys and commands as they are.
    expect(checks.find((c) => c.name === "pod.name: 파드의 이름")).toMatchObject({
      message: `답안 파일이 없습니다: ${path.join(work, "answers.yaml")}의 pod.name에 답을 적으십시오`,
      expected: `${path.join(work, "answers.yaml")}의 pod.name에 적은 답`,
      actual: "파일 없음",
    });
    expect(checks.find((c) => c.kind === "proxyReachable")?.message).toMatch(/에서 아무 응답이 없습니다\. `kubectl proxy --port=8001` 명령이 실행 중입니까\?$/);

    // GitHub's summary and Classroom's messages explain it in Korean too.
    expect(run.summary).toContain("### 고칠 것");
    expect(run.summary).toContain(`- ❌ **앱의 로그: 처리한 요청이 보임**: ${logs.message}`);
    const proxyTask = run.classroom.tests.find((test) => test.name === "kubectl proxy로 앱에 접속하기")!;
    expect(proxyTask.status).toBe("fail");
    expect(proxyTask.message).toContain("힌트: 파드는 외부와 분리된 사설 네트워크에서 실행됩니다.");
    expect(run.junit).toContain("예상: 다음 정규식과 일치하는 텍스트: /Total Requests: [1-9]/m");
  });
});
