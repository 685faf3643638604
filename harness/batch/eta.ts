/**
 * When a batch will be done, from the durations of the submissions already graded: each running
 * one takes what is left of the mean, then the queued ones fill the free slots in turn.
 * Undefined until one has finished: there is nothing to go on before.
 */
export function estimateRemainingMs(o: { finishedMs: readonly number[]; runningElapsedMs: readonly number[]; queued: number; parallel: number }): number | undefined {
  if (o.finishedMs.length === 0) return undefined;
  const mean = o.finishedMs.reduce((a, b) => a + b, 0) / o.finishedMs.length;
  // A run already past the mean is taken to be nearly done, not overdue forever.
  const slots = o.runningElapsedMs.map((elapsed) => Math.max(mean - elapsed, 0));
  while (slots.length < Math.max(o.parallel, 1)) slots.push(0);
  for (let i = 0; i < o.queued; i++) {
    slots.sort((a, b) => a - b);
    slots[0]! += mean;
  }
  return Math.max(...slots);
}

/** 95 s → "1m35s"; 8 s → "8s". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total}s`;
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m < 60 ? `${m}m${String(s).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
