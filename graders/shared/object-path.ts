import { z } from "zod";
import { t } from "../../harness/i18n/messages.ts";

/**
 * A path into a Kubernetes object, as exercise files write it:
 *   spec.clusterIP                                   keys, dot-separated
 *   spec.ports[0].nodePort                           a list item by position
 *   status.addresses[type=InternalIP].address        list items whose field equals a value
 *   status.loadBalancer.ingress[*].ip                every list item
 *   metadata.annotations["deployment.kubernetes.io/revision"]   a key holding dots or slashes
 * A filter or [*] can yield several values; a position or key yields at most one.
 */
type Step = { key: string } | { index: number } | { all: true } | { where: string; equals: string };

const STEP = /\.?([^.[\]"]+)|\["([^"]+)"\]|\[(\d+)\]|\[\*\]|\[([^=\]]+)=([^\]]*)\]/y;

export function parseObjectPath(path: string): Step[] {
  const steps: Step[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(path);
    if (!m || (at === 0 && path.startsWith("."))) throw new Error(t().authoring.objectPath({ path, at: path.slice(at) }));
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ key: m[2] });
    else if (m[3] !== undefined) steps.push({ index: Number(m[3]) });
    else if (m[4] !== undefined) steps.push({ where: m[4], equals: m[5]! });
    else steps.push({ all: true });
  }
  return steps;
}

/** An object path, checked when the exercise is loaded rather than when it is graded. */
export const objectPathSchema = z.string().min(1).superRefine((path, ctx) => {
  try {
    parseObjectPath(path);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
  }
});

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every value the path reaches (none when it leads nowhere). */
export function readObjectPath(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const step of parseObjectPath(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if ("key" in step) {
        if (isRecord(v) && v[step.key] !== undefined) next.push(v[step.key]);
      } else if (!Array.isArray(v)) {
        continue;
      } else if ("index" in step) {
        if (step.index < v.length) next.push(v[step.index]);
      } else if ("all" in step) {
        next.push(...v);
      } else {
        next.push(...v.filter((item) => isRecord(item) && String(item[step.where]) === step.equals));
      }
    }
    current = next;
  }
  return current;
}

/**
 * A value as a learner would copy it from kubectl's output: scalars as text, a map of scalars as
 * key=value pairs (how kubectl shows labels and selectors). Lists and nested maps have no such form.
 */
export function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isRecord(value) && Object.values(value).every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(",");
  }
  return undefined;
}
