// Benchmark (not a test): where the time of `grade run exercise-3` goes, and how long `grade check`
// takes on a running cluster. Median of N runs (default 3): node ci/bench.ts [N]
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runExercise } from "../harness/commands/run.ts";
import { loadExercise, resolveExerciseFile } from "../harness/exercise/load.ts";
import { prepareCluster } from "../harness/runner/prepare-cluster.ts";
import { createGradingContext } from "../harness/runner/grading-context.ts";
import { gradeExercise } from "../harness/runner/grade-exercise.ts";
import { runLearnerScript } from "../harness/runner/learner-script.ts";

const EXERCISE = "exercise-3";
const runs = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
const silent = { reporter: ["json"], output: path.join(os.tmpdir(), "grade-bench-report.json") };

function solutionCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-bench-"));
  cpSync(path.join("exercises", EXERCISE, "solution"), dir, { recursive: true });
  return dir;
}

const phases = ["cluster", "images", "starter", "script", "checks", "teardown"] as const;
const samples: Record<string, number[]> = Object.fromEntries([...phases, "wall"].map((p) => [p, []]));
for (let i = 0; i < runs; i++) {
  const started = Date.now();
  const report = await runExercise(EXERCISE, { ...silent, work: solutionCopy() });
  samples.wall!.push(Date.now() - started);
  for (const p of phases) samples[p]!.push(report.timings[p] ?? NaN);
  if (report.points !== report.maxPoints) throw new Error(`run ${i + 1}: the reference solution scored ${report.points}/${report.maxPoints}`);
}

// `grade check` on a cluster that is already up and solved.
const loaded = await loadExercise(resolveExerciseFile(EXERCISE));
const { cluster, kube } = await prepareCluster(loaded, { keepAlive: false });
const checkSamples: number[] = [];
try {
  const work = solutionCopy();
  const kubeconfigFile = path.join(work, "kubeconfig");
  writeFileSync(kubeconfigFile, cluster.kubeconfig);
  const script = await runLearnerScript({ script: path.join(work, "solution.sh"), workDir: work, kubeconfigFile, timeoutMs: 300_000, transcriptFile: path.join(work, "transcript.log") });
  try {
    const ctx = createGradingContext({ kube, kubeconfigFile, workDir: work, answersFile: loaded.exercise.work.answers });
    for (let i = 0; i < runs; i++) {
      const t = Date.now();
      await gradeExercise(loaded, ctx, {});
      checkSamples.push(Date.now() - t);
    }
  } finally {
    script.cleanup();
  }
} finally {
  await cluster.stop();
}

console.log(`\ngrade run ${EXERCISE}: median of ${runs} (seconds), k3s image ${process.env.GRADE_K3S_IMAGE ?? "(default)"}`);
for (const p of [...phases, "wall"]) console.log(`  ${p.padEnd(10)} ${seconds(median(samples[p]!))}   runs: ${samples[p]!.map((x) => (x / 1000).toFixed(1)).join(", ")}`);
console.log(`grade check on a running cluster: median ${seconds(median(checkSamples))} s   runs: ${checkSamples.map((x) => (x / 1000).toFixed(1)).join(", ")}`);
