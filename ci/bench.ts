// The benchmark (not a test): issue 8's targets, each measured here and printed beside its target,
// plus where the time of `grade run exercise-3` goes. A target is a ratio against a peer measured
// in the same run, or an absolute figure on this machine.
//   node ci/bench.ts [N]     (N runs per measurement, default 5; the batch part: --batch)
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchBatch } from "./bench/batch.ts";
import { median, seconds, targetLine, timed } from "./bench/measure.ts";
import { k3sImage } from "../harness/cluster/k3s-image.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
// What learners and Classroom run: the built package (JavaScript), not the TypeScript sources.
const CLI = path.join(ROOT, "dist/harness/cli.js");
const PEER = path.join(ROOT, "ci/bench/exercise-3-peer.sh");
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const grade = (args: string[], cwd = ROOT) => timed(process.execPath, [CLI, ...args], { cwd });
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

function workDir(script?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-bench-work-"));
  if (script === undefined) cpSync(path.join(ROOT, "exercises/exercise-3/solution"), dir, { recursive: true });
  else writeFileSync(path.join(dir, "solution.sh"), `#!/usr/bin/env bash\n${script}\n`);
  return dir;
}

/** `grade run exercise-3` on a work folder; returns its wall time and the score it gave. */
async function gradeRun(work: string): Promise<{ ms: number; points: number }> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "grade-bench-report-")), "report.json");
  const run = await grade(["run", "exercise-3", "--work", work, "--reporter", `json=${out}`]);
  // Exit 1 is a graded run that lost points (the failing ones); anything else is not a measurement.
  if (run.code !== 0 && run.code !== 1) throw new Error(`grade run exited ${run.code}:\n${run.stderr}`);
  const report = JSON.parse(readFileSync(out, "utf8")) as { points: number; timings: Record<string, number> };
  phases.push(report.timings);
  return { ms: run.ms, points: report.points };
}
const phases: Record<string, number>[] = [];

const built = await timed("npm", ["run", "build"], { cwd: ROOT });
if (built.code !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
console.log(`grade benchmark: ${runs} runs each, ${os.cpus().length} cores, k3s image ${process.env.GRADE_K3S_IMAGE ?? "(default)"}, the built CLI (dist/)\n`);

// 1. grade --help: what every command pays before doing anything.
const help: number[] = [];
for (let i = 0; i < runs; i++) help.push((await grade(["--help"])).ms);
report(targetLine("grade --help", seconds(median(help)), "≤ 0.3 s", median(help) <= 300, help.map((x) => (x / 1000).toFixed(2)).join(" ")));

// 2. grade check on a warm cluster: the learner has done nothing yet, then everything.
const learner = mkdtempSync(path.join(os.tmpdir(), "grade-bench-learner-"));
cpSync(path.join(ROOT, "exercises"), path.join(learner, "exercises"), { recursive: true });
const started = await grade(["start", "exercise-3"], learner);
if (started.code !== 0) throw new Error(`grade start failed:\n${started.stderr}`);
try {
  await grade(["check"], learner); // the first run fills Node's compile cache
  const failing: number[] = [];
  for (let i = 0; i < runs; i++) failing.push((await grade(["check"], learner)).ms);
  report(targetLine("grade check, all failing (warm cluster)", seconds(median(failing)), "≤ 3 s", median(failing) <= 3000, failing.map((x) => (x / 1000).toFixed(2)).join(" ")));

  const work = path.join(learner, "work/exercise-3");
  cpSync(path.join(ROOT, "exercises/exercise-3/solution/solution.sh"), path.join(work, "solution.sh"));
  const kubeconfig = path.join(learner, ".grade/kubeconfig");
  // The reference solution, by hand; its kubectl proxy stays up (in its own process group) until the end.
  const solved = await timed("setsid", ["bash", "-c", "bash solution.sh >/dev/null 2>&1; echo $$"], { cwd: work, env: { KUBECONFIG: kubeconfig } });
  try {
    const passing: number[] = [];
    for (let i = 0; i < runs; i++) {
      const check = await grade(["check"], learner);
      if (!check.stdout.includes("Score: 10/10")) throw new Error(`grade check did not give full marks:\n${check.stdout}`);
      passing.push(check.ms);
    }
    report(targetLine("grade check, all passing", seconds(median(passing)), "≤ 1 s", median(passing) <= 1000, passing.map((x) => (x / 1000).toFixed(2)).join(" ")));
  } finally {
    // Its process group; never 0 (that would be the benchmark's own group).
    const group = Number(solved.stdout.trim());
    try {
      if (group > 0) process.kill(-group, "SIGTERM");
    } catch {
      // its group is gone already
    }
  }
} finally {
  await grade(["stop"], learner);
}

// 3. grade run: passing and failing ones, and the bash peer, interleaved so load falls on all alike.
const passing: number[] = [];
const failing: number[] = [];
const peer: number[] = [];
const pairs: number[] = [];
for (let i = 0; i < runs; i++) {
  const pass = await gradeRun(workDir());
  if (pass.points !== 10) throw new Error(`the reference solution scored ${pass.points}/10`);
  passing.push(pass.ms);
  failing.push((await gradeRun(workDir(i % 2 ? "kubectl delete deployment kubernetes-bootcamp" : "kubectl get pods"))).ms);
  const bash = await timed("bash", [PEER, workDir()], { env: { GRADE_K3S_IMAGE: k3sImage() } });
  if (!bash.stdout.includes("score 10/10")) throw new Error(`the bash peer scored ${bash.stdout}${bash.stderr}`);
  peer.push(bash.ms);
  pairs.push(pass.ms / bash.ms);
}
const failRatio = median(failing) / median(passing);
report(targetLine("grade run failing / passing", `${failRatio.toFixed(2)}×`, "≤ 1.2×", failRatio <= 1.2, `failing ${seconds(median(failing))}, passing ${seconds(median(passing))}`));
report(targetLine("grade run / bash peer (exercise 3)", `${median(pairs).toFixed(2)}×`, "≤ 0.7×", median(pairs) <= 0.7, `grade ${seconds(median(passing))}, peer ${seconds(median(peer))}`));

// 4. A class at once: 8 submissions against one run (ci/bench/batch.ts).
if (process.argv.includes("--batch")) {
  const batch = await benchBatch();
  report(batch.line);
  if (batch.floor) console.log(batch.floor);
}

console.log(`\nwhere grade run's time goes (median of ${phases.length} runs, seconds):`);
for (const phase of ["cluster", "images", "starter", "script", "settle", "checks", "teardown"]) {
  const xs = phases.map((p) => p[phase] ?? NaN).filter((x) => !Number.isNaN(x));
  console.log(`  ${phase.padEnd(10)} ${(median(xs) / 1000).toFixed(2).padStart(6)}`);
}
console.log(`\n${lines.filter((l) => l.startsWith("✓")).length} of ${lines.length} targets met`);
