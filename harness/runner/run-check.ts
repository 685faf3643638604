import type { GradingContext, Verdict } from "../../graders/types.ts";
import { graderFor, type CheckSpec } from "../../graders/index.ts";
import { t } from "../i18n/messages.ts";

export const POLL_INTERVAL_MS = 1_000;
/** A check that errored (a dropped connection, an API hiccup) is tried again this often, quickly. */
const ERROR_RETRIES = 2;
export const ERROR_RETRY_MS = 300;

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
 * Evaluates a check once — the cluster is settled by now, so a mismatch is the answer, not a
 * moment to wait out. Two exceptions: a check that errors is tried again a couple of times (the
 * fault may be passing), and a check whose exercise gives it a `timeout` (or the exercise a default
 * one) is retried until it passes or that time is up, reporting what it last saw.
 */
export async function runCheck(ctx: GradingContext, check: CheckSpec, fallbackTimeoutMs: number | undefined, clock: Clock = realClock): Promise<CheckOutcome> {
  const grader = graderFor(check.kind);
  const timeoutMs = check.timeout ?? fallbackTimeoutMs ?? 0;
  const started = clock.now();
  let attempts = 0;
  let errors = 0;
  for (;;) {
    attempts++;
    let verdict: Verdict;
    try {
      verdict = await grader.evaluate(ctx, check as never);
    } catch (e) {
      verdict = { status: "error", message: t().checks.couldNotRun({ error: (e as Error).message ?? String(e) }) };
    }
    const elapsed = clock.now() - started;
    if (verdict.status === "error" && errors < ERROR_RETRIES) {
      errors++;
      await clock.sleep(ERROR_RETRY_MS);
      continue;
    }
    if (verdict.status === "pass" || elapsed + POLL_INTERVAL_MS > timeoutMs) {
      const waited = verdict.status === "pass" || attempts === 1 || timeoutMs === 0 ? "" : t().checks.stillSoAfter({ seconds: Math.round(elapsed / 1000) });
      return { ...verdict, message: verdict.message + waited, attempts, ms: elapsed };
    }
    await clock.sleep(POLL_INTERVAL_MS);
  }
}
