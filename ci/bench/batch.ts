// Issue 8's batch target, measured (not a test): `grade batch` of N copies of exercise 3's
// reference solution against one `grade run` of it, in the same run of the benchmark. Target: 8
// submissions in ≤ 3× the wall time of one. ci/bench.ts calls benchBatch(); alone:
//   node ci/bench/batch.ts [N] [--parallel P]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineBusyMs, seconds, targetLine, timed } from "./measure.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The built CLI, as ci/bench.ts times it (ci/bench.ts builds it first; alone: npm run build).
const CLI = path.join(ROOT, "dist/harness/cli.js");
const SOLUTION = path.join(ROOT, "exercises/exercise-3/solution");
const BATCH_TARGET_RATIO = 3;

export interface BatchBenchResult {
  submissions: number;
  /** Submissions graded at once: the pool size grade batch chose, or --parallel. */
  parallel: number;
  oneRunMs: number;
  batchMs: number;
  ratio: number;
  /** The benchmark's line: measured ratio beside the target. */
  line: string;
  /** What the machine's cores allow at best (below the target line), when its CPU time can be read. */
  floor?: string;
}

/** One `grade run`, then `grade batch` of `submissions` copies; every grade must be full marks. */
export async function benchBatch(o: { submissions?: number; parallel?: number } = {}): Promise<BatchBenchResult> {
  const submissions = o.submissions ?? 8;
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-bench-batch-"));

  const one = path.join(dir, "one");
  cpSync(SOLUTION, one, { recursive: true });
  const busyBefore = machineBusyMs();
  const run = await timed(process.execPath, [CLI, "run", "exercise-3", "--work", one, "--reporter", `json=${path.join(dir, "one.json")}`], { cwd: ROOT });
  const busyOne = differenceOf(busyBefore, machineBusyMs());
  if (run.code !== 0) throw new Error(`grade run of the reference solution exited ${run.code}:\n${run.stderr}`);

  const submissionsDir = path.join(dir, "class");
  for (let i = 1; i <= submissions; i++) {
    const learner = path.join(submissionsDir, `learner-${String(i).padStart(2, "0")}`);
    mkdirSync(learner, { recursive: true });
    cpSync(SOLUTION, learner, { recursive: true });
  }
  const out = path.join(dir, "gradebook");
  const busyBeforeBatch = machineBusyMs();
  const batch = await timed(process.execPath, [CLI, "batch", "exercise-3", submissionsDir, "--out", out, ...(o.parallel ? ["--parallel", String(o.parallel)] : [])], { cwd: ROOT });
  const busyBatch = differenceOf(busyBeforeBatch, machineBusyMs());
  if (batch.code !== 0 && !existsSync(path.join(out, "gradebook.json"))) throw new Error(`grade batch exited ${batch.code} without a gradebook:\n${batch.stderr}`);
  const book = JSON.parse(readFileSync(path.join(out, "gradebook.json"), "utf8")) as { learners: { learner: string; status: string; points?: number; maxPoints: number }[] };
  const short = book.learners.filter((r) => r.status !== "graded" || r.points !== r.maxPoints);
  if (batch.code !== 0 || short.length > 0) {
    throw new Error(`grade batch gave copies of the reference solution less than full marks (exit ${batch.code}; see ${out}): ${short.map((r) => `${r.learner} ${r.status} ${r.points ?? "–"}`).join(", ")}`);
  }
  const parallel = Number(/, (\d+) at a time/.exec(batch.stderr)?.[1]);
  const ratio = batch.ms / run.ms;
  const line = targetLine(
    `grade batch of ${submissions} / one grade run`,
    `${ratio.toFixed(2)}×`,
    `≤ ${BATCH_TARGET_RATIO}×`,
    ratio <= BATCH_TARGET_RATIO,
    `batch ${seconds(batch.ms)} (${parallel} at a time), one run ${seconds(run.ms)}`,
  );
  // Each submission gets a cluster of its own, and starting one is CPU work: the batch cannot take
  // less than all of it spread evenly over the cores.
  const cores = os.cpus().length;
  const floor =
    busyOne === undefined || busyBatch === undefined
      ? undefined
      : `  one run kept the machine's cores busy for ${seconds(busyOne)} of CPU time; ${submissions} of them on ${cores} cores need ≥ ${seconds((submissions * busyOne) / cores)} (${((submissions * busyOne) / cores / run.ms).toFixed(2)}× one run); the batch used ${seconds(busyBatch)} (${seconds(busyBatch / submissions)} a submission)`;
  return { submissions, parallel, oneRunMs: run.ms, batchMs: batch.ms, ratio, line, floor };
}

const differenceOf = (before: number | undefined, after: number | undefined) => (before === undefined || after === undefined ? undefined : after - before);

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--parallel");
  const parallel = at >= 0 ? Number(args[at + 1]) : undefined;
  const submissions = Number(args.find((a, i) => /^\d+$/.test(a) && i !== at + 1) ?? 8);
  const result = await benchBatch({ submissions, parallel });
  console.log([result.line, result.floor].filter(Boolean).join("\n"));
}
