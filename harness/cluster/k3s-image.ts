/**
 * The k3s image every cluster runs, pinned here and nowhere else. Its Kubernetes version is the one
 * the exercises are written for. GRADE_K3S_IMAGE overrides it (e.g. a mirror, or an offline build
 * that keeps the same contract).
 */
export const DEFAULT_K3S_IMAGE = "rancher/k3s:v1.34.2-k3s1";

export function k3sImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.GRADE_K3S_IMAGE?.trim() || DEFAULT_K3S_IMAGE;
}
