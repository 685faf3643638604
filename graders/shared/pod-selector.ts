import { z } from "zod";
import type { GradingContext, PodInfo } from "../types.ts";
import { t } from "../../harness/i18n/messages.ts";

/** Which pods a check looks at: a namespace and the labels they must carry. */
export const podSelectorSchema = z
  .object({
    namespace: z.string().min(1).default("default"),
    labels: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export type PodSelector = z.infer<typeof podSelectorSchema>;

export function labelSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

export function describeSelector(selector: PodSelector): string {
  return t().checks.podsSelected({ namespace: selector.namespace, labels: labelSelector(selector.labels) });
}

/** Pods that match and are not being deleted, oldest name first, so results are stable. */
export async function selectPods(ctx: GradingContext, selector: PodSelector): Promise<PodInfo[]> {
  const pods = await ctx.listPods(selector.namespace, labelSelector(selector.labels));
  return [...pods].sort((a, b) => a.name.localeCompare(b.name));
}

/** Running pods only: logs, exec and proxy need a live container. */
export async function selectRunningPods(ctx: GradingContext, selector: PodSelector): Promise<PodInfo[]> {
  return (await selectPods(ctx, selector)).filter((p) => p.phase === "Running");
}
