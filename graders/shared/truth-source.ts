import { z } from "zod";
import type { GradingContext, KubeObject } from "../types.ts";
import { describeEventFilter, eventFilterSchema, selectEvents } from "./events.ts";
import { asText, objectPathSchema, readObjectPath } from "./object-path.ts";
import { labelSelector, podSelectorSchema, selectPods, selectRunningPods } from "./pod-selector.ts";
import { regexSchema } from "./text-expectation.ts";
import { t } from "../../harness/i18n/messages.ts";

/**
 * Where the true value of a learner's answer is read from, on the live cluster. Each source yields
 * one candidate per matching pod, object or event; an answer is right when it equals any of them.
 */
const podField = z
  .object({ podField: z.enum(["name", "nodeName", "podIP", "namespace"]), pods: podSelectorSchema })
  .strict();
const logs = z
  .object({
    logs: z.object({ pods: podSelectorSchema, container: z.string().optional(), pattern: regexSchema.describe("the first capture group (or the whole match) is the value") }).strict(),
  })
  .strict();
const exec = z
  .object({
    exec: z
      .object({ pods: podSelectorSchema, container: z.string().optional(), command: z.array(z.string()).min(1), pattern: regexSchema })
      .strict(),
  })
  .strict();
const podProxy = z
  .object({
    podProxy: z.object({ pods: podSelectorSchema, port: z.number().int().min(1).max(65535), path: z.string().startsWith("/").default("/") }).strict(),
  })
  .strict();

/** Which objects: a kind, optionally narrowed by namespace, name, labels and field values. */
const objectQuery = {
  apiVersion: z.string().min(1).describe("e.g. v1, apps/v1"),
  kind: z.string().min(1).describe("e.g. Node, Service, ReplicaSet"),
  namespace: z.string().optional().describe("omit for cluster-scoped kinds such as Node"),
  name: z.string().optional().describe("omit to read every object of the kind"),
  labels: z.record(z.string(), z.string()).optional(),
  where: z.record(objectPathSchema, z.union([z.string(), z.number(), z.boolean()])).optional().describe("only objects whose fields (object paths) have these values"),
};
const objectField = z
  .object({
    objectField: z
      .object({ ...objectQuery, path: objectPathSchema.describe('e.g. status.podIP, status.addresses[type=InternalIP].address, metadata.annotations["a/b"]') })
      .strict(),
  })
  .strict();
const objectCount = z.object({ objectCount: z.object(objectQuery).strict().describe("how many objects match") }).strict();
const apiPath = z
  .object({
    apiPath: z
      .object({
        path: z.string().startsWith("/").describe("a GET on the API server, e.g. /version"),
        field: objectPathSchema.optional().describe("a field of the JSON reply, e.g. gitVersion; omit for the whole reply"),
      })
      .strict(),
  })
  .strict();
const apiServer = z
  .object({ apiServer: z.literal("url").describe("the API server URL in the kubeconfig: the control plane `kubectl cluster-info` names") })
  .strict();
const currentReplicaSet = z
  .object({
    currentReplicaSet: z
      .object({
        deployment: z.string().min(1),
        namespace: z.string().min(1).default("default"),
        path: objectPathSchema.default("metadata.name").describe("what to read from it (default: its name)"),
      })
      .strict()
      .describe("the ReplicaSet of the Deployment's current revision (the one `kubectl rollout` made last)"),
  })
  .strict();
const event = z
  .object({
    event: eventFilterSchema
      .extend({ pattern: regexSchema.describe("matched against each event's message; the first capture group (or the whole match) is the value") })
      .strict(),
  })
  .strict();

export const truthSourceSchema = z.union([podField, logs, exec, podProxy, objectField, objectCount, apiPath, apiServer, currentReplicaSet, event], {
  error: () => t().checks.truth.oneSource,
});
export type TruthSource = z.infer<typeof truthSourceSchema>;

function firstCapture(text: string, pattern: string): string | undefined {
  const m = new RegExp(pattern, "m").exec(text);
  return m ? (m[1] ?? m[0]) : undefined;
}

/** A dotted key in a learner's answers file (e.g. pod.name). */
export function readPath(value: unknown, path: string): unknown {
  return readObjectPath(value, path)[0];
}

type ObjectQuery = z.infer<z.ZodObject<typeof objectQuery>>;

async function selectObjects(ctx: GradingContext, q: ObjectQuery): Promise<KubeObject[]> {
  const objects = await ctx.listObjects({ apiVersion: q.apiVersion, kind: q.kind, namespace: q.namespace, name: q.name, labelSelector: q.labels ? labelSelector(q.labels) : undefined });
  const where = Object.entries(q.where ?? {});
  return objects.filter((o) => where.every(([path, want]) => readObjectPath(o, path).some((v) => asText(v) === String(want))));
}

const describeQuery = (q: ObjectQuery) => t().checks.truth.objects({ kind: q.kind, name: q.name, namespace: q.namespace });
const textsAt = (objects: unknown[], path: string) => objects.flatMap((o) => readObjectPath(o, path).map(asText));

/** The live values, with a few words saying where they came from (for the report). */
export async function readTruth(ctx: GradingContext, source: TruthSource): Promise<{ values: string[]; from: string }> {
  const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined && x !== "");
  const say = t().checks.truth;
  if ("podField" in source) {
    const pods = await selectPods(ctx, source.pods);
    return { values: defined(pods.map((p) => ({ name: p.name, nodeName: p.nodeName, podIP: p.podIP, namespace: p.namespace })[source.podField])), from: say.podField({ field: source.podField }) };
  }
  if ("logs" in source) {
    const pods = await selectRunningPods(ctx, source.logs.pods);
    const logs = await Promise.all(pods.map((p) => ctx.podLogs(p.namespace, p.name, source.logs.container)));
    return { values: defined(logs.map((l) => firstCapture(l, source.logs.pattern))), from: say.logs };
  }
  if ("exec" in source) {
    const pods = await selectRunningPods(ctx, source.exec.pods);
    const outs = await Promise.all(pods.map((p) => ctx.exec(p.namespace, p.name, source.exec.container, source.exec.command)));
    return { values: defined(outs.map((o) => firstCapture(o.stdout, source.exec.pattern))), from: say.exec({ command: source.exec.command.join(" ") }) };
  }
  if ("podProxy" in source) {
    const pods = await selectRunningPods(ctx, source.podProxy.pods);
    const replies = await Promise.all(pods.map((p) => ctx.podProxyGet(p.namespace, p.name, source.podProxy.port, source.podProxy.path)));
    return { values: defined(replies.filter((r) => r.status === 200).map((r) => r.body.trim())), from: say.podProxy };
  }
  if ("objectField" in source) {
    const q = source.objectField;
    return { values: defined(textsAt(await selectObjects(ctx, q), q.path)), from: `${describeQuery(q)}: ${q.path}` };
  }
  if ("objectCount" in source) {
    const q = source.objectCount;
    return { values: [String((await selectObjects(ctx, q)).length)], from: say.objectCount({ objects: describeQuery(q) }) };
  }
  if ("apiPath" in source) {
    const { path, field } = source.apiPath;
    const reply = await ctx.apiGet(path);
    if (reply.status !== 200) return { values: [], from: say.apiPathStatus({ path, status: reply.status }) };
    if (!field) return { values: defined([reply.body.trim()]), from: say.apiPath({ path }) };
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch {
      return { values: [], from: say.apiPathNotJson({ path }) };
    }
    return { values: defined(textsAt([json], field)), from: say.apiPathField({ path, field }) };
  }
  if ("apiServer" in source) {
    return { values: [ctx.apiServerUrl()], from: say.apiServer };
  }
  if ("currentReplicaSet" in source) {
    const { deployment, namespace, path } = source.currentReplicaSet;
    const rs = await currentReplicaSetOf(ctx, deployment, namespace);
    return { values: defined(textsAt(rs ? [rs] : [], path)), from: say.currentReplicaSet({ deployment, path }) };
  }
  const events = await selectEvents(ctx, source.event);
  return { values: defined(events.map((e) => firstCapture(e.message, source.event.pattern))), from: say.events({ events: describeEventFilter(source.event) }) };
}

const REVISION = "deployment.kubernetes.io/revision";

/** The ReplicaSet the Deployment owns whose revision is the Deployment's own (the one it rolled out last). */
export async function currentReplicaSetOf(ctx: GradingContext, deployment: string, namespace: string): Promise<KubeObject | undefined> {
  const [d] = await ctx.listObjects({ apiVersion: "apps/v1", kind: "Deployment", namespace, name: deployment });
  if (!d) return undefined;
  const meta = d.metadata as { uid?: string; annotations?: Record<string, string> } | undefined;
  const revision = meta?.annotations?.[REVISION];
  const replicaSets = await ctx.listObjects({ apiVersion: "apps/v1", kind: "ReplicaSet", namespace });
  return replicaSets.find((rs) => {
    const m = rs.metadata as { ownerReferences?: { uid?: string }[]; annotations?: Record<string, string> } | undefined;
    return m?.ownerReferences?.some((o) => o.uid === meta?.uid) && revision !== undefined && m.annotations?.[REVISION] === revision;
  });
}
