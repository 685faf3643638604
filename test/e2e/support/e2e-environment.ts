import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { k3sImage } from "../../../harness/cluster/k3s-image.ts";

/**
 * Why e2e tests cannot run here, or undefined when they can: they need a Docker engine and the
 * k3s image in it (no pulls: tests must not depend on a registry). GRADE_REQUIRE_E2E=1 (set by
 * CI) turns a skip into a failure, so a broken machine can't pass as green.
 */
export function e2eSkipReason(): string | undefined {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 15_000 });
  } catch {
    return "no Docker engine answers (`docker info` failed)";
  }
  try {
    execFileSync("docker", ["image", "inspect", k3sImage()], { stdio: "ignore", timeout: 15_000 });
  } catch {
    return `the k3s image ${k3sImage()} is not in the local Docker (set GRADE_K3S_IMAGE, or run ci/setup.sh)`;
  }
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore", timeout: 15_000 });
  } catch {
    return "kubectl is not on PATH";
  }
  return undefined;
}

export const skipReason = e2eSkipReason();
if (skipReason) {
  if (process.env.GRADE_REQUIRE_E2E === "1") throw new Error(`e2e tests are required here but cannot run: ${skipReason}`);
  console.warn(`e2e tests skipped: ${skipReason}`);
}

// This test file's clusters carry its own owner label (inherited by the CLI processes it starts),
// so "nothing left behind" counts only them, not another run's on the same engine.
process.env.GRADE_OWNER ??= `e2e-${randomUUID()}`;
