/** Exit codes: 0 full marks, 1 points lost, 2 usage or configuration error, 3 infrastructure fault. */
export const EXIT = { ok: 0, pointsLost: 1, usage: 2, infrastructure: 3 } as const;

/** A mistake the user can fix by changing a command line or a file: printed as is, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The machine is not ready (no Docker, image missing, cluster won't start): printed as is, exit 3. */
export class InfrastructureError extends Error {
  override name = "InfrastructureError";
}
