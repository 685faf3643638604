/**
 * The image of grade's in-cluster probe: it needs `sh`, `nc`, `timeout` and `nslookup` (busybox
 * has all four; its `wget` is not used: Debian's static build segfaults in it).
 * GRADE_PROBE_IMAGE overrides it, e.g. for a cluster that pulls from a mirror.
 */
export const DEFAULT_PROBE_IMAGE = "busybox:1.36";

export function probeImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.GRADE_PROBE_IMAGE || DEFAULT_PROBE_IMAGE;
}
