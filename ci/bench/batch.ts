// Benchmark (not a test) of `grade batch`: N submissions of exercise 3's reference solution
// graded at once, against one `grade run` of the same solution, on this machine. The target:
// 8 submissions in ≤ 3× the wall time of one. Run alone: node ci/bench/batch.ts [N] [--parallel P]
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI = path.join(ROOT, "harness/cli.ts");
const EXERCISE = "exercise-3";
export const BATCH_TARGET_RATIO = 3;

export interface BatchBenchResult {
  submissions: number;
  parallel: number;
  oneRunMs: number;
  batchMs: number;
  ratio: number;
}

/** Grades one submission with `grade run`, then `submissions` copies with `grade batch`; both must score full marks. */
export async function benchBatch(o: { submissions?: number; parallel?: number; log?: (line: string) => void } = {}): Promise<BatchBenchResult> {
  const submissions = o.submissions ?? 8;
  const log = o.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-bench-batch-"));
  const solution = path.join(ROOT, "exercises", EXERCISE, "solution");

  const one = path.join(dir, "one");
  cpSync(solution, one, { recursive: true });
  let started = Date.now();
  const run = await execa(process.execPath, [CLI, "run", EXERCISE, "--work", one, "--reporter", `json=${path.join(dir, "one.json")}`], { cwd: ROOT, reject: false, env: { NO_COLOR: "1" } });
  const oneRunMs = Date.now() - started;
  if (run.exitCode !== 0) throw new Error(`grade run of the reference solution exited ${run.exitCode}:\n${run.stderr}`);

  const class_ = path.join(dir, "class");
  for (let i = 1; i <= submissions; i++) {
    const learner = path.join(class_, `learner-${String(i).padStart(2, "0")}`);
    mkdirSync(learner, { recursive: true });
    cpSync(solution, learner, { recursive: true });
  }
  const out = path.join(dir, "gradebook");
  started = Date.now();
  const batch = await execa(process.execPath, [CLI, "batch", EXERCISE, class_, "--out", out, ...(o.parallel ? ["--parallel", String(o.parallel)] : [])], {
    cwd: ROOT,
    reject: false,
    env: { NO_COLOR: "1" },
  });
  const batchMs = Date.now() - started;
  const book = JSON.parse(readFileSync(path.join(out, "gradebook.json"), "utf8")) as { learners: { learner: string; status: string; points?: number; maxPoints: number }[] };
  const short = book.learners.filter((r) => r.status !== "graded" || r.points !== r.maxPoints);
  if (batch.exitCode !== 0 || short.length > 0) {
    throw new Error(`grade batch did not give every copy of the reference solution full marks (exit ${batch.exitCode}): ${short.map((r) => `${r.learner} ${r.status} ${r.points ?? "–"}`).join(", ")}\n${batch.stderr}`);
  }
  const parallel = Number(/, (\d+) at a time/.exec(batch.stderr)?.[1] ?? NaN);
  const result = { submissions, parallel, oneRunMs, batchMs, ratio: batchMs / oneRunMs };
  log(
    `grade batch ${EXERCISE}: ${submissions} submissions, ${parallel} at a time: ${(batchMs / 1000).toFixed(1)} s; one grade run: ${(oneRunMs / 1000).toFixed(1)} s; ` +
      `ratio ${result.ratio.toFixed(2)}× (target ≤ ${BATCH_TARGET_RATIO}×) ${result.ratio <= BATCH_TARGET_RATIO ? "met" : "NOT met"}`,
  );
  return result;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const p = args.indexOf("--parallel");
  const parallel = p >= 0 ? Number(args[p + 1]) : undefined;
  const submissions = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--parallel") ?? 8);
  await benchBatch({ submissions, parallel });
}
