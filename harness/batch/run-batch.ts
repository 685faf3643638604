import { rm } from "node:fs/promises";
import path from "node:path";
import pc from "picocolors";
import { getContainerRuntimeClient } from "testcontainers";
import { noDockerEngine } from "../cluster/docker-errors.ts";
import { removeRun } from "../cluster/k3s-docker.ts";
import { InfrastructureError } from "../errors.ts";
import { loadExercise, resolveExerciseFile } from "../exercise/load.ts";
import type { Exercise } from "../exercise/schema.ts";
import { onInterrupt } from "../runner/teardown.ts";
import { formatDuration } from "./eta.ts";
import { GRADEBOOK_FILES, assertGradebookFolder, writeGradebook, type Gradebook } from "./gradebook.ts";
import { gradeSubmission } from "./grade-submission.ts";
import { HostPortTurns, busyPorts, exerciseHostPorts } from "./host-port-turns.ts";
import { poolSize } from "./pool-size.ts";
import { BatchProgress } from "./progress.ts";
import { formatShard, pickShard, type Shard } from "./shard.ts";
import { findSubmissions, type Submission } from "./submissions.ts";
import type { SubmissionResult } from "./submission-result.ts";
import { formatSummary } from "./summary.ts";
import { t } from "../i18n/messages.ts";
import { maxPointsOf } from "../report/points.ts";

/**
 * A submission's deadline beyond the exercise's own limits (its script's time limit and the
 * starter's ready timeout): starting the cluster, loading images, the checks and the teardown on
 * a machine busy with other runs. Only a run that is stuck gets near it.
 */
const DEADLINE_SLACK_MS = 10 * 60_000;
/** How long a stopped run gets to remove its own cluster (it takes seconds) before it is killed. */
const KILL_GRACE_MS = 30_000;

export interface BatchOptions {
  /** The gradebook's folder. */
  out: string;
  /** Submissions graded at once; default: from the machine's cores and memory (pool-size.ts). */
  parallel?: number;
  shard?: Shard;
  /** Each submission's deadline; default: the exercise's limits + DEADLINE_SLACK_MS. */
  timeoutMs?: number;
  /** The grade command each submission runs in (tests substitute a stand-in). */
  command?: readonly string[];
  /** Docker, as the batch needs it; tests that start no cluster substitute a stand-in. */
  docker?: BatchDocker;
  progressStream?: NodeJS.WriteStream;
  /** Where the summary table goes (default stdout). */
  summaryStream?: NodeJS.WritableStream;
}

export interface BatchDocker {
  /** Throws an InfrastructureError saying what to do when no engine answers. */
  check(): Promise<void>;
  removeRun(runId: string): Promise<number>;
}

const realDocker: BatchDocker = {
  async check() {
    await getContainerRuntimeClient().catch((e: unknown) => {
      throw noDockerEngine(e);
    });
  },
  removeRun,
};

const defaultDeadlineMs = (exercise: Exercise) => exercise.work.scriptTimeout + exercise.ready.timeout + DEADLINE_SLACK_MS;

/**
 * grade batch: every submission of a class (or of one shard of it) graded on a pool of runs, each
 * in its own `grade run` and cluster; a gradebook written at the end, and on Ctrl-C with what was
 * graded by then, after every run has removed its cluster.
 */
export async function runBatch(exerciseRef: string, submissionsDir: string, o: BatchOptions): Promise<Gradebook> {
  const exerciseFile = resolveExerciseFile(exerciseRef);
  const { exercise } = await loadExercise(exerciseFile);
  assertGradebookFolder(o.out);
  const everyone = await findSubmissions(submissionsDir, { id: exercise.id, script: exercise.work.script }, { exclude: [o.out] });
  const mine = pickShard(everyone, o.shard);
  const pool = o.parallel !== undefined ? { parallel: o.parallel, why: "--parallel" } : poolSize();
  const parallel = Math.max(1, Math.min(pool.parallel, mine.length));
  const deadlineMs = o.timeoutMs ?? defaultDeadlineMs(exercise);
  const hostPorts = exerciseHostPorts(exercise);
  const docker = o.docker ?? realDocker;

  // Machine problems once, up front, rather than once per learner after their run failed.
  if (mine.some((s) => s.hasScript)) {
    await docker.check();
    const busy = await busyPorts(hostPorts);
    if (busy.length > 0) throw new InfrastructureError(t().batch.portsBusy({ ports: busy.join(", "), exercise: exercise.id }));
  }
  const turns = hostPorts.length > 0 && parallel > 1 ? new HostPortTurns(hostPorts) : undefined;

  const stream = o.progressStream ?? process.stderr;
  const say = t().batch;
  stream.write(
    pc.bold(say.grading({ count: mine.length, exercise: exercise.id })) +
      (o.shard ? say.ofAShard({ shard: formatShard(o.shard), total: everyone.length }) : "") +
      say.atATime({ parallel, why: pool.why, deadline: formatDuration(deadlineMs) }) +
      (turns ? say.portTurns({ ports: hostPorts.join(", ") }) : "") +
      "\n",
  );

  const startedAt = new Date();
  const gradebookDir = path.resolve(o.out);
  // An earlier gradebook here is replaced whole: none of its learners' folders stays beside the new ones.
  await rm(path.join(gradebookDir, GRADEBOOK_FILES.learners), { recursive: true, force: true });
  const cancel = new AbortController();
  const progress = new BatchProgress({ learners: mine.map((s) => s.learner), parallel, costsACluster: (l) => mine.find((s) => s.learner === l)?.hasScript ?? false, stream });
  const results = new Map<string, SubmissionResult>();
  const queue = [...mine];
  const maxPoints = maxPointsOf(exercise);

  const worker = async () => {
    for (let sub = queue.shift(); sub && !cancel.signal.aborted; sub = queue.shift()) {
      const current: Submission = sub;
      const result = await gradeSubmission(current, {
        exercise,
        exerciseFile: path.resolve(exerciseFile),
        gradebookDir,
        deadlineMs,
        killGraceMs: KILL_GRACE_MS,
        turns,
        cancel: cancel.signal,
        command: o.command,
        removeCluster: docker.removeRun,
        onStart: () => progress.started(current.learner),
      }).catch((e: unknown): SubmissionResult => ({
        learner: current.learner,
        status: "crashed",
        maxPoints,
        note: say.couldNotRun({ error: (e as Error).message?.split("\n")[0] ?? String(e) }),
        ms: 0,
        files: {},
      }));
      results.set(current.learner, result);
      progress.finished(result);
    }
  };

  const finished = (async (): Promise<Gradebook> => {
    await Promise.all(Array.from({ length: parallel }, worker));
    progress.stop();
    const book: Gradebook = {
      gradebook: 1,
      exercise: { id: exercise.id, title: exercise.title, tasks: exercise.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points })), maxPoints },
      class: everyone.map((s) => s.learner),
      ...(o.shard && { shard: o.shard }),
      // Never started, because the batch was interrupted first: a row all the same.
      learners: mine.map(
        (s) => results.get(s.learner) ?? { learner: s.learner, status: "interrupted", maxPoints, note: say.notStarted, ms: 0, files: {} },
      ),
      startedAt: startedAt.toISOString(),
      ms: Date.now() - startedAt.getTime(),
    };
    await writeGradebook(o.out, book);
    const summary = o.summaryStream ?? process.stdout;
    summary.write(`\n${formatSummary(book, o.out, pc.createColors((summary as NodeJS.WriteStream).isTTY === true && pc.isColorSupported))}`);
    return book;
  })();

  // Ctrl-C: no new runs; each running one is stopped and removes its cluster; the gradebook is
  // written with what was graded; only then does the process exit (130).
  const forget = onInterrupt(async (signal) => {
    const running = mine.length - queue.length - results.size;
    progress.say(say.stopping({ signal, count: running }));
    cancel.abort();
    await finished;
  });
  try {
    return await finished;
  } finally {
    forget();
  }
}
