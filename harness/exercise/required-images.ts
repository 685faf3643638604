import { probeImage } from "../probe/probe-image.ts";
import type { Exercise } from "./schema.ts";

/** Check kinds that send requests from grade's probe pod inside the cluster. */
const KINDS_USING_THE_PROBE = new Set(["serviceReachable"]);

/**
 * The images a cluster for this exercise needs: the exercise's own, plus the probe's when a check
 * uses it, so an exercise file never has to know how grade probes.
 */
export function requiredImages(exercise: Exercise, env: NodeJS.ProcessEnv = process.env): string[] {
  const usesProbe = exercise.tasks.some((t) => t.checks.some((c) => KINDS_USING_THE_PROBE.has(c.kind)));
  return [...new Set([...exercise.images, ...(usesProbe ? [probeImage(env)] : [])])];
}
