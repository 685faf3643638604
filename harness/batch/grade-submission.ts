import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { removeRun } from "../cluster/k3s-docker.ts";
import { RUN_ID_ENV } from "../cluster/k3s-labels.ts";
import type { Exercise } from "../exercise/schema.ts";
import { STATE_DIR, transcriptOf } from "../state.ts";
import { childReportSchema, classifyRun, lastErrorLine, type ChildReport } from "./classify-run.ts";
import { formatDuration } from "./eta.ts";
import { HOST_PORTS_ENV, isHostPortMessage, type HostPortMessage } from "./host-port-turn.ts";
import type { HostPortTurns } from "./host-port-turns.ts";
import { killLeftoverProcesses } from "./leftover-processes.ts";
import type { Submission } from "./submissions.ts";
import type { SubmissionResult } from "./submission-result.ts";
import { t } from "../i18n/messages.ts";
import { currentLanguage } from "../i18n/language.ts";
import { maxPointsOf } from "../report/points.ts";

/**
 * The grade CLI, run as a child by the same Node as this process: cli.ts from the sources, cli.js
 * in the built package (a path in a string is not rewritten by the build, so take this file's own
 * extension).
 */
const GRADE = [process.execPath, path.resolve(import.meta.dirname, `../cli${path.extname(import.meta.filename)}`)];

/** The files of one learner's folder in the gradebook. */
const LEARNER_FILES = { report: "report.json", log: "grade.log", transcript: "transcript.log", work: "work" } as const;

export interface GradeSubmissionOptions {
  exercise: Exercise;
  /** The exercise file (absolute). */
  exerciseFile: string;
  /** The gradebook's folder (absolute); the learner's folder is learners/<learner> in it. */
  gradebookDir: string;
  /** After this long (time spent waiting for a turn on the host's ports not counted) the run is stopped. */
  deadlineMs: number;
  /** How long a stopped run gets to remove its cluster before it is killed. */
  killGraceMs: number;
  /** Set when the exercise's scripts listen on host ports: runs take turns on them. */
  turns: HostPortTurns | undefined;
  /** Aborted when the batch is interrupted: the run is stopped, and removes its cluster. */
  cancel: AbortSignal;
  /** The grade command to run (tests substitute a stand-in); the `run` arguments follow it. */
  command?: readonly string[];
  /** Removes a cluster by its run label (tests that start no cluster substitute a stand-in). */
  removeCluster?: (runId: string) => Promise<number>;
  onStart?: () => void;
}

/**
 * Grades one submission in a `grade run` of its own — a crash, a hang or a runaway learner script
 * there cannot touch the other submissions — working in the learner's folder of the gradebook:
 * their work is copied in (the submission itself stays as it was, and a stale answers file
 * from an earlier batch can never count), and the run's report, log and transcript land next to it.
 *
 * The run removes its own cluster on every path, Ctrl-C and SIGTERM included. When it has to be
 * stopped (its deadline, the batch interrupted) it gets SIGTERM, then SIGKILL after the grace
 * period; afterwards the batch removes whatever it left — its cluster, by the run label the batch
 * gave it, and its learner script's processes — so nothing outlives a submission.
 */
export async function gradeSubmission(sub: Submission, o: GradeSubmissionOptions): Promise<SubmissionResult> {
  const learnerDir = path.join(o.gradebookDir, "learners", sub.learner);
  const workDir = path.join(learnerDir, LEARNER_FILES.work);
  await rm(learnerDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  if (sub.workDir) await cp(sub.workDir, workDir, { recursive: true, filter: (src) => ![".git", STATE_DIR].includes(path.basename(src)) });

  const runId = randomUUID();
  const started = Date.now();
  o.onStart?.();
  // stdout and stderr both appended to one log, in the order they were written.
  const log = { file: path.join(learnerDir, LEARNER_FILES.log), append: true };
  let stoppedBecause: "deadline" | "interrupt" | undefined;
  const notes: string[] = [];
  const child = execa(
    o.command?.[0] ?? GRADE[0]!,
    // Exercise and work by absolute path; the report (and the run's own files) in the run's folder.
    // In the batch's language: the notes and messages of each learner's report are read by the same instructor.
    [...(o.command ?? GRADE).slice(1), "run", o.exerciseFile, "--work", workDir, "--reporter", `json=${LEARNER_FILES.report}`, "--lang", currentLanguage()],
    {
      cwd: learnerDir,
      env: { NO_COLOR: "1", FORCE_COLOR: undefined, [RUN_ID_ENV]: runId, ...(o.turns && { [HOST_PORTS_ENV]: o.turns.ports.join(",") }) },
      stdin: "ignore",
      stdout: log,
      stderr: log,
      // The channel turns on the host's ports are granted over (host-port-turn.ts); unused without them.
      ipc: true,
      serialization: "json",
      // Its own process group: the terminal's Ctrl-C reaches the batch only, which stops each run once, in order.
      detached: true,
      forceKillAfterDelay: o.killGraceMs,
      reject: false,
    },
  );
  const stop = (why: "deadline" | "interrupt") => {
    stoppedBecause ??= why;
    // A run being stopped must not start its script on a turn granted meanwhile.
    o.turns?.withdraw(sub.learner);
    child.kill("SIGTERM");
  };
  const deadline = new PausableTimer(o.deadlineMs, () => stop("deadline"));
  const onCancel = () => stop("interrupt");
  if (o.cancel.aborted) onCancel();
  o.cancel.addEventListener("abort", onCancel);

  let exited = false;
  const turns = o.turns;
  if (turns) {
    void (async () => {
      for await (const m of child.getEachMessage()) {
        if (isHostPortMessage(m, "release-host-ports")) turns.release(sub.learner);
        if (!isHostPortMessage(m, "take-host-ports")) continue;
        // Waiting for another learner's turn is not this run's time.
        deadline.pause();
        const busy = await turns.take(sub.learner);
        if (exited || stoppedBecause) {
          turns.release(sub.learner);
          continue;
        }
        deadline.resume();
        if (busy.length > 0) notes.push(t().batch.portWasBusy({ ports: busy.join(", ") }));
        await child.sendMessage({ gradeBatch: "host-ports-yours" } satisfies HostPortMessage).catch(() => {});
      }
    })().catch(() => {});
  }

  const end = await child;
  exited = true;
  deadline.clear();
  o.cancel.removeEventListener("abort", onCancel);

  // Whatever the run could not clean up itself (it was killed first). Nothing, normally.
  if (sub.hasScript) {
    const leftContainers = await (o.removeCluster ?? removeRun)(runId).catch(() => 0);
    if (leftContainers > 0) notes.push(t().batch.clusterLeftBehind({ containers: leftContainers }));
    if (killLeftoverProcesses(workDir).length > 0) notes.push(t().batch.processesKilled);
  }
  // Normally the run handed its turn on the ports on itself (release-host-ports); this covers a run
  // killed while holding it: only now, with its script's processes gone, may the next one listen.
  o.turns?.release(sub.learner);
  const transcript = await keepTranscript(learnerDir, o.exercise.id);

  const logText = readFileSync(path.join(learnerDir, LEARNER_FILES.log), "utf8");
  const report = readChildReport(path.join(learnerDir, LEARNER_FILES.report));
  const classified = classifyRun({ hasScript: sub.hasScript, stoppedBecause, exitCode: end.exitCode, signal: end.signal, report, lastError: lastErrorLine(logText) });
  const ms = Date.now() - started;
  let note = classified.note && tidyPaths(classified.note, learnerDir, o.exercise.id);
  if (classified.status === "no-script") note = missingScriptNote(sub, o.exercise);
  if (classified.status === "timed-out") {
    note = t().batch.timedOut({ deadline: formatDuration(o.deadlineMs), killed: end.signal === "SIGKILL", log: LEARNER_FILES.log });
  }
  const relative = (file: string) => path.relative(o.gradebookDir, path.join(learnerDir, file));
  return {
    learner: sub.learner,
    status: classified.status,
    ...(classified.points !== undefined && { points: classified.points, taskPoints: classified.taskPoints }),
    maxPoints: maxPointsOf(o.exercise),
    ...((note || notes.length > 0) && { note: [note, ...notes].filter(Boolean).join("; ") }),
    ms,
    files: {
      ...(report && { report: relative(LEARNER_FILES.report) }),
      log: relative(LEARNER_FILES.log),
      ...(transcript && { transcript: relative(LEARNER_FILES.transcript) }),
    },
  };
}

function readChildReport(file: string): ChildReport | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = childReportSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // cut short: the run was killed while writing it
  }
}

/** The script's transcript, moved from the run's state folder to the learner's folder; the rest of that folder (a dead cluster's kubeconfig) goes. */
async function keepTranscript(learnerDir: string, exerciseId: string): Promise<boolean> {
  const written = path.join(learnerDir, transcriptOf(exerciseId));
  const kept = existsSync(written);
  if (kept) await rename(written, path.join(learnerDir, LEARNER_FILES.transcript));
  await rm(path.join(learnerDir, STATE_DIR), { recursive: true, force: true });
  return kept;
}

/** Notes name files as the run saw them; in the gradebook they sit in the learner's folder. */
function tidyPaths(note: string, learnerDir: string, exerciseId: string): string {
  return note.replaceAll(`${learnerDir}${path.sep}`, "").replaceAll(transcriptOf(exerciseId), LEARNER_FILES.transcript);
}

function missingScriptNote(sub: Submission, exercise: Exercise): string {
  const script = exercise.work.script;
  const inWork = path.join("work", exercise.id, script);
  return sub.layout === "repository" ? t().batch.noScriptInRepository({ script: inWork }) : t().batch.noScriptAtAll({ script: inWork, name: script });
}

/** A one-shot timer that can stop counting for a while. */
class PausableTimer {
  private remaining: number;
  private since = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly fire: () => void;

  constructor(ms: number, fire: () => void) {
    this.remaining = ms;
    this.fire = fire;
    this.resume();
  }

  pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining -= Date.now() - this.since;
  }

  resume(): void {
    if (this.timer) return;
    this.since = Date.now();
    this.timer = setTimeout(this.fire, Math.max(this.remaining, 0));
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
