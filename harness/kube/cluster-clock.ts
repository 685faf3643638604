/**
 * How far the cluster's clock is ahead of this machine's, in ms. Settling compares the times the
 * cluster writes (a Service's last change, a container's start) with "now"; with Docker Desktop
 * the cluster's clock is a VM's, which may drift from the host's (e.g. after sleep).
 *
 * Read from the API server's `Date` header, which has whole seconds: an offset within
 * SAME_CLOCK_MS is that rounding, not a drift, and counts as 0 (a Linux engine shares the host's
 * clock, so grading there is unchanged).
 */
export const SAME_CLOCK_MS = 2_000;

/** The offset from one reply's `Date` header and when the request was sent and answered (ms). */
export function clockOffset(dateHeader: string | undefined, sentAt: number, answeredAt: number): number {
  const serverTime = Date.parse(dateHeader ?? "");
  if (!Number.isFinite(serverTime)) return 0;
  // The header is cut to the second: the server's time was, on average, half a second later.
  const offset = serverTime + 500 - (sentAt + answeredAt) / 2;
  return Math.abs(offset) < SAME_CLOCK_MS ? 0 : Math.round(offset);
}
