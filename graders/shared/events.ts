import { z } from "zod";
import type { GradingContext, KubeObject } from "../types.ts";
import { t } from "../../harness/i18n/messages.ts";

/**
 * Which Events to look at. Events outlive what they report on (an hour by default), so they are
 * the cluster's memory of pods that failed and were replaced, or of a scale-up later undone.
 */
export const eventFilterSchema = z
  .object({
    namespace: z.string().min(1).default("default"),
    involvedObject: z
      .object({ kind: z.string().min(1).optional().describe("e.g. Pod, Deployment, Node"), name: z.string().min(1).optional() })
      .strict()
      .prefault({})
      .describe("what the event is about (kubectl get events shows it as OBJECT)"),
    reason: z.string().min(1).optional().describe("e.g. ScalingReplicaSet, Failed, BackOff, Pulled"),
  })
  .strict();

export type EventFilter = z.infer<typeof eventFilterSchema>;

export interface EventInfo {
  reason: string;
  message: string;
  object: string;
}

function toEventInfo(e: KubeObject): EventInfo {
  const involved = (e.involvedObject ?? {}) as { kind?: string; name?: string };
  return { reason: String(e.reason ?? ""), message: String(e.message ?? ""), object: `${involved.kind ?? "?"}/${involved.name ?? "?"}` };
}

/** Events matching the filter, oldest first. */
export async function selectEvents(ctx: GradingContext, filter: EventFilter): Promise<EventInfo[]> {
  const events = await ctx.listObjects({ apiVersion: "v1", kind: "Event", namespace: filter.namespace });
  const { kind, name } = filter.involvedObject;
  return events
    .filter((e) => {
      const involved = (e.involvedObject ?? {}) as { kind?: string; name?: string };
      return (!kind || involved.kind === kind) && (!name || involved.name === name) && (!filter.reason || e.reason === filter.reason);
    })
    .sort((a, b) => eventTime(a).localeCompare(eventTime(b)))
    .map(toEventInfo);
}

const eventTime = (e: KubeObject) => String(e.lastTimestamp ?? e.eventTime ?? (e.metadata as { creationTimestamp?: string } | undefined)?.creationTimestamp ?? "");

export function describeEventFilter(filter: EventFilter): string {
  const { kind, name } = filter.involvedObject;
  return t().checks.events({ namespace: filter.namespace, reason: filter.reason, kind, name });
}
