import type { GradingContext, Verdict } from "../../graders/types.ts";
import { graderFor, type CheckSpec } from "../../graders/index.ts";

export const POLL_INTERVAL_MS = 1_000;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface CheckOutcome extends Verdict {
  attempts: number;
  ms: number;
}

/**
 * Evaluates a check until it passes or its deadline passes, then reports the last attempt —
 * so a failure says what was last seen, never just "timed out". A thrown exception counts as
 * `error` (grader or cluster fault) and is retried too, since the cluster may be settling.
 */
export async function runCheck(ctx: GradingContext, check: CheckSpec, fallbackTimeoutMs: number | undefined, clock: Clock = realClock): Promise<CheckOutcome> {
  const grader = graderFor(check.kind);
  const timeoutMs = check.timeout ?? fallbackTimeoutMs ?? grader.defaultTimeoutMs;
  const started = clock.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    let verdict: Verdict;
    try {
      verdict = await grader.evaluate(ctx, check as never);
    } catch (e) {
      verdict = { status: "error", message: `the check could not run: ${(e as Error).message ?? String(e)}` };
    }
    const elapsed = clock.now() - started;
    if (verdict.status === "pass" || elapsed + POLL_INTERVAL_MS > timeoutMs) {
      const waited = verdict.status === "pass" || attempts === 1 ? "" : ` (still so after ${Math.round(elapsed / 1000)} s)`;
      return { ...verdict, message: verdict.message + waited, attempts, ms: elapsed };
    }
    await clock.sleep(POLL_INTERVAL_MS);
  }
}
