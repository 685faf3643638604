import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXIT } from "./errors.ts";
import { main } from "./cli.ts";
import { setLanguage } from "./i18n/language.ts";

// Runs with cwd = the repository root (vitest's root). No test here may start a cluster: every
// command below fails, or finishes, before one would be needed.

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  // English unless a test asks for Korean, whatever the locale of the machine running the tests.
  vi.stubEnv("LC_ALL", "");
  vi.stubEnv("LC_MESSAGES", "");
  vi.stubEnv("LANG", "C.UTF-8");
  // Colours stripped: FORCE_COLOR in CI must not change what the tests read.
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += stripVTControlCharacters(String(chunk))), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += stripVTControlCharacters(String(chunk))), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  setLanguage("en");
});

describe("grade (cli)", () => {
  it("--help exits 0 and lists every command", async () => {
    expect(await main(["--help"])).toBe(EXIT.ok);
    for (const command of ["run", "start", "check", "stop", "node", "list", "validate", "init", "batch", "selftest"]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("--help --lang ko: usage, options and commands in Korean, every command still listed by its name", async () => {
    expect(await main(["--help", "--lang", "ko"])).toBe(EXIT.ok);
    expect(stdout).toMatch(/^사용법: grade \[options\] \[command\]\n\n실제로 돌아가는 일회용 k3s 클러스터에서 쿠버네티스 실습을 채점합니다\.\n\n옵션:\n/);
    expect(stdout).toMatch(/^\s+--lang <language>\s+grade가 쓰는 언어입니다: en, ko/m);
    expect(stdout).toContain("\n명령:\n");
    expect(stdout).toMatch(/^\s+check \[options\] \[exercise\]\s+실행 중인 클러스터를 채점합니다: 과제별 점수와 점수를 잃은 이유를 알려 줍니다$/m);
    for (const command of ["run", "start", "check", "stop", "node", "list", "validate", "init", "batch", "selftest", "help"]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b.*[가-힣]`, "m"));
    }
  });

  it("a Korean locale is enough; commander's own errors and defaults follow it", async () => {
    vi.stubEnv("LANG", "ko_KR.UTF-8");
    expect(await main(["validate", "--fast"])).toBe(EXIT.usage);
    expect(stderr).toBe("오류: 알 수 없는 옵션 '--fast'\n(사용법은 `grade --help`로 보십시오)\n");
    expect(await main(["batch", "--help"])).toBe(EXIT.ok);
    expect(stdout.replace(/\s+/g, " ")).toContain('(기본값: "gradebook")');
  });

  it("--lang names a language grade does not speak: a usage error, listing those it does", async () => {
    expect(await main(["list", "--lang", "fr"])).toBe(EXIT.usage);
    expect(stderr).toBe("grade: --lang fr: use one of en, ko\n");
  });

  it("an unknown option is a usage error (2), and says so", async () => {
    expect(await main(["--frobnicate"])).toBe(EXIT.usage);
    expect(stderr).toContain("unknown option '--frobnicate'");
  });

  it("an unknown option of a subcommand is a usage error too", async () => {
    expect(await main(["validate", "--fast"])).toBe(EXIT.usage);
  });

  it("runs `run` by default: an exercise that does not exist is a usage error naming it", async () => {
    expect(await main(["nope"])).toBe(EXIT.usage);
    expect(stderr).toContain('grade: no exercise "nope": looked for exercises/nope/exercise.yaml');
  });

  it("validate checks every exercise in the repository and exits 0", async () => {
    expect(await main(["validate"])).toBe(EXIT.ok);
    expect(stdout).toContain(`✓ ${path.join("exercises", "exercise-3", "exercise.yaml")}`);
  });

  it("validate takes an absolute path to an exercise folder or file", async () => {
    expect(await main(["validate", path.resolve("exercises/exercise-3"), path.resolve("exercises/exercise-3/exercise.yaml")])).toBe(EXIT.ok);
    expect(stdout.match(/✓ exercises\/exercise-3\/exercise\.yaml/g)).toHaveLength(2);
  });

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(await main(["--version"])).toBe(EXIT.ok);
    expect(stdout).toBe(`${version}\n`);
  });

  it("validate on a bad file exits 2 and prints the located problem", async () => {
    expect(await main(["validate", "harness/exercise/testdata/bad-unknown-key.yaml"])).toBe(EXIT.usage);
    expect(stdout).toContain('harness/exercise/testdata/bad-unknown-key.yaml:10 tasks[0].checks[0]: unknown key "replica": remove it or fix the spelling');
  });

  it("validate on a good file without solution or README lists each missing piece (no starter/ is fine)", async () => {
    expect(await main(["validate", "harness/exercise/testdata/good.yaml"])).toBe(EXIT.usage);
    expect(stdout).not.toContain("starter");
    expect(stdout).toContain("no reference solution");
    expect(stdout).toContain("no learner instructions");
  });

  it("validate only notes a missing reference solution: an assignment's exercises have none", async () => {
    const assignment = mkdtempSync(path.join(tmpdir(), "grade-cli-"));
    cpSync("exercises/exercise-3", path.join(assignment, "exercise-3"), { recursive: true, filter: (src) => !src.includes(`${path.sep}solution`) });
    expect(await main(["validate", path.join(assignment, "exercise-3")])).toBe(EXIT.ok);
    expect(stdout).toContain(`✓ ${path.join(assignment, "exercise-3", "exercise.yaml")}\n  note: no reference solution at`);
  });

  it("validate refuses a starter/ folder without manifests, saying what to do", async () => {
    // Relative: exercise references are resolved against the working directory.
    const dir = path.relative(process.cwd(), mkdtempSync(path.join(tmpdir(), "grade-empty-starter-")));
    cpSync("harness/exercise/testdata/good.yaml", path.join(dir, "exercise.yaml"));
    for (const sub of ["starter", "solution"]) mkdirSync(path.join(dir, sub));
    writeFileSync(path.join(dir, "starter", "notes.txt"), "not a manifest");
    writeFileSync(path.join(dir, "solution", "solution.sh"), "true\n");
    writeFileSync(path.join(dir, "README.md"), "# instructions\n");
    expect(await main(["validate", path.join(dir, "exercise.yaml")])).toBe(EXIT.usage);
    expect(stdout).toContain(`${path.resolve(dir, "starter")}/ holds no manifests (*.yaml or *.yml): add them, or remove the folder if the exercise starts from an empty cluster`);
    rmSync(path.join(dir, "starter"), { recursive: true });
    expect(await main(["validate", path.join(dir, "exercise.yaml")])).toBe(EXIT.ok);
  });

  it("selftest of an exercise that does not exist exits 2 before starting any cluster", async () => {
    expect(await main(["selftest", "exercise-3", "exercise-99"])).toBe(EXIT.usage);
    expect(stderr).toContain('no exercise "exercise-99": looked for exercises/exercise-99/exercise.yaml');
    expect(stderr).not.toContain("Starting a k3s cluster");
  });

  it("validate on a file that does not exist exits 2", async () => {
    expect(await main(["validate", "exercises/nope"])).toBe(EXIT.usage);
    expect(stderr).toContain('no exercise "exercises/nope"');
  });

  it("init scaffolds an assignment in --dir, then refuses to overwrite it (2) unless --force", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "grade-cli-")), "assignment");
    expect(await main(["init", "exercise-3", "exercises/exercise-3", "--dir", dir])).toBe(EXIT.ok);
    expect(stdout).toContain(`Wrote an assignment for exercise-3 in ${dir}:`);
    expect(readFileSync(path.join(dir, ".github/workflows/classroom.yml"), "utf8")).toContain("exercise: exercise-3");
    expect(existsSync(path.join(dir, "exercises/exercise-3/solution"))).toBe(false);

    expect(await main(["init", "exercise-3", "--dir", dir])).toBe(EXIT.usage);
    expect(stderr).toContain(`${dir} already has 10 files grade init would write: exercises/exercise-3/README.ko.md, exercises/exercise-3/README.md,`);
    expect(await main(["init", "exercise-3", "--dir", dir, "--force"])).toBe(EXIT.ok);
  });

  it("init without an exercise is a usage error", async () => {
    expect(await main(["init"])).toBe(EXIT.usage);
    expect(stderr).toContain("missing required argument 'exercises'");
  });

  it("check with no running session and no exercise exits 2, saying to start one", async () => {
    // An empty folder as cwd, so a session someone left in the repository cannot be found.
    const empty = mkdtempSync(path.join(tmpdir(), "grade-cli-"));
    vi.spyOn(process, "cwd").mockReturnValue(empty);
    expect(await main(["check"])).toBe(EXIT.usage);
    expect(stderr).toContain("nothing to check: run `grade start <exercise>` first");
  });

  it("check naming an exercise but with no cluster exits 2", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "grade-cli-"));
    vi.spyOn(process, "cwd").mockReturnValue(empty);
    expect(await main(["check", "exercise-3"])).toBe(EXIT.usage);
    expect(stderr).toContain("no cluster for exercise-3: run `grade start exercise-3` first");
  });

  it("an unreachable --kubeconfig cluster exits 3 within seconds, one line naming the server and what to do", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "grade-unreachable-"));
    const kubeconfig = path.join(dir, "kubeconfig");
    writeFileSync(
      kubeconfig,
      "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true}}]\n" +
        "users: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n",
    );
    const work = mkdtempSync(path.join(tmpdir(), "grade-unreachable-work-"));
    writeFileSync(path.join(work, "solution.sh"), "true\n");
    for (const args of [["check", "exercise-3"], ["run", "exercise-3", "--work", work]]) {
      stderr = "";
      const started = Date.now();
      expect(await main([...args, "--kubeconfig", kubeconfig])).toBe(EXIT.infrastructure);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(stderr).toContain(`grade: https://127.0.0.1:1 does not answer (ECONNREFUSED): check that the cluster runs and that ${kubeconfig} points at it.\n`);
    }
  });

  it("run without a learner script grades 0 (exit 1), every task failed for that reason, before any cluster starts", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "grade-no-script-"));
    const report = path.join(work, "report.json");
    expect(await main(["run", "exercise-3", "--work", work, "--reporter", `list,json=${report}`])).toBe(EXIT.pointsLost);
    expect(stdout).toContain(`Not graded: no solution.sh yet: write ${path.join(work, "solution.sh")}`);
    expect(stdout).toContain("Score: 0/10");
    expect(stderr).not.toContain("Starting a k3s cluster");
    const written = JSON.parse(readFileSync(report, "utf8")) as { outcome: string; points: number; tasks: { status: string; checks: { message: string }[] }[] };
    expect(written.outcome).toBe("graded");
    expect(written.points).toBe(0);
    expect(written.tasks.every((t) => t.status === "fail" && t.checks.every((c) => c.message.startsWith("no solution.sh yet: ")))).toBe(true);
  });
});
