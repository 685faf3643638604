import ora, { type Ora } from "ora";
import pc from "picocolors";
import { estimateRemainingMs, formatDuration } from "./eta.ts";
import { isGraded, type SubmissionResult } from "./submission-result.ts";
import { t } from "../i18n/messages.ts";

/** How far a batch is: what the progress display shows, computed without a terminal (tests use it as is). */
export interface ProgressState {
  total: number;
  parallel: number;
  done: SubmissionResult[];
  /** Learner → when their grading started (ms). */
  running: Map<string, number>;
  queued: string[];
  /** Submissions that start a cluster; the others (no script) take a second and say nothing about the rest. */
  costsACluster: (learner: string) => boolean;
}

function etaMs(state: ProgressState, now: number): number | undefined {
  return estimateRemainingMs({
    finishedMs: state.done.filter((r) => state.costsACluster(r.learner) && r.status !== "interrupted").map((r) => r.ms),
    runningElapsedMs: [...state.running.values()].map((started) => now - started),
    queued: state.queued.filter(state.costsACluster).length,
    parallel: state.parallel,
  });
}

/** "3/8 done · running: alice 23s, bob 5s · 3 queued · ETA 1m20s" */
export function statusLine(state: ProgressState, now: number): string {
  const say = t().batch;
  const running = [...state.running].map(([learner, started]) => `${learner} ${formatDuration(now - started)}`);
  const eta = etaMs(state, now);
  return [
    say.done({ done: state.done.length, total: state.total }),
    running.length > 0 ? say.running({ learners: running.join(", ") }) : say.noneRunning,
    say.queued({ count: state.queued.length }),
    ...(state.running.size + state.queued.length > 0 ? [eta === undefined ? say.etaUnknown : say.eta({ duration: formatDuration(eta) })] : []),
  ].join(" · ");
}

/** One finished submission, e.g. "✓ alice  10/10  graded  24s" or "✗ dave  timed-out  18m00s: …". */
export function resultLine(r: SubmissionResult, c = pc.createColors(false)): string {
  const mark = isGraded(r.status) ? c.green("✓") : c.red("✗");
  const points = r.points === undefined ? "" : `  ${r.points}/${r.maxPoints}`;
  const note = r.note && !isGraded(r.status) ? `: ${r.note}` : "";
  return `${mark} ${r.learner}${points}  ${r.status}  ${formatDuration(r.ms)}${note}`;
}

/**
 * The batch's progress on stderr: on a terminal one live line (done/running/queued, ETA) under
 * a line per finished submission; elsewhere (CI logs) a plain line whenever one starts or ends.
 */
export class BatchProgress {
  private readonly state: ProgressState;
  private readonly stream: NodeJS.WriteStream;
  private readonly spinner: Ora | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly c: ReturnType<typeof pc.createColors>;

  constructor(o: { learners: string[]; parallel: number; costsACluster: (learner: string) => boolean; stream?: NodeJS.WriteStream }) {
    this.stream = o.stream ?? process.stderr;
    this.state = { total: o.learners.length, parallel: o.parallel, done: [], running: new Map(), queued: [...o.learners], costsACluster: o.costsACluster };
    this.c = pc.createColors(this.stream.isTTY === true && pc.isColorSupported);
    // A terminal of no width (a pty nobody sized, e.g. under `script`) would make the spinner
    // clear lines forever: plain lines there too.
    if (this.stream.isTTY && (this.stream.columns ?? 0) > 0) {
      this.spinner = ora({ stream: this.stream, text: statusLine(this.state, Date.now()) }).start();
      // The running times and the ETA move on their own between events.
      this.timer = setInterval(() => this.refresh(), 1_000);
      this.timer.unref();
    }
  }

  started(learner: string): void {
    this.state.queued = this.state.queued.filter((l) => l !== learner);
    this.state.running.set(learner, Date.now());
    if (!this.spinner) this.stream.write(`${t().batch.startedGrading({ learner, status: statusLine(this.state, Date.now()) })}\n`);
    this.refresh();
  }

  finished(result: SubmissionResult): void {
    this.state.queued = this.state.queued.filter((l) => l !== result.learner);
    this.state.running.delete(result.learner);
    this.state.done.push(result);
    // On a terminal the live line below says the rest; in a log each line must say it itself.
    this.say(this.spinner ? resultLine(result, this.c) : `${resultLine(result, this.c)} · ${statusLine(this.state, Date.now())}`);
  }

  /** A message that must not be torn by the live line (e.g. "interrupted: stopping 2 runs…"). */
  say(message: string): void {
    this.spinner?.clear();
    this.stream.write(`${message}\n`);
    this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.spinner?.stop();
  }

  private refresh(): void {
    if (this.spinner?.isSpinning) this.spinner.text = statusLine(this.state, Date.now());
  }
}
