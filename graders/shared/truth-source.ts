import { z } from "zod";
import type { GradingContext } from "../types.ts";
import { podSelectorSchema, selectPods, selectRunningPods } from "./pod-selector.ts";
import { regexSchema } from "./text-expectation.ts";

/**
 * Where the true value of a learner's answer is read from, on the live cluster. Each source yields
 * one candidate per matching pod or object; an answer is right when it equals any of them.
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
const objectField = z
  .object({
    objectField: z
      .object({ apiVersion: z.string(), kind: z.string(), namespace: z.string().optional(), name: z.string(), path: z.string().describe("dotted path, e.g. status.podIP") })
      .strict(),
  })
  .strict();

export const truthSourceSchema = z.union([podField, logs, exec, podProxy, objectField], {
  error: "use exactly one of: podField (with pods), logs, exec, podProxy, objectField",
});
export type TruthSource = z.infer<typeof truthSourceSchema>;

function firstCapture(text: string, pattern: string): string | undefined {
  const m = new RegExp(pattern, "m").exec(text);
  return m ? (m[1] ?? m[0]) : undefined;
}

export function readPath(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** The live values, with a few words saying where they came from (for the report). */
export async function readTruth(ctx: GradingContext, source: TruthSource): Promise<{ values: string[]; from: string }> {
  const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined && x !== "");
  if ("podField" in source) {
    const pods = await selectPods(ctx, source.pods);
    return { values: defined(pods.map((p) => ({ name: p.name, nodeName: p.nodeName, podIP: p.podIP, namespace: p.namespace })[source.podField])), from: `the pods' ${source.podField}` };
  }
  if ("logs" in source) {
    const pods = await selectRunningPods(ctx, source.logs.pods);
    const logs = await Promise.all(pods.map((p) => ctx.podLogs(p.namespace, p.name, source.logs.container)));
    return { values: defined(logs.map((l) => firstCapture(l, source.logs.pattern))), from: "the container logs" };
  }
  if ("exec" in source) {
    const pods = await selectRunningPods(ctx, source.exec.pods);
    const outs = await Promise.all(pods.map((p) => ctx.exec(p.namespace, p.name, source.exec.container, source.exec.command)));
    return { values: defined(outs.map((o) => firstCapture(o.stdout, source.exec.pattern))), from: `\`${source.exec.command.join(" ")}\` in the container` };
  }
  if ("podProxy" in source) {
    const pods = await selectRunningPods(ctx, source.podProxy.pods);
    const replies = await Promise.all(pods.map((p) => ctx.podProxyGet(p.namespace, p.name, source.podProxy.port, source.podProxy.path)));
    return { values: defined(replies.filter((r) => r.status === 200).map((r) => r.body.trim())), from: "the app's reply through the API server proxy" };
  }
  const { apiVersion, kind, namespace, name, path } = source.objectField;
  const objects = await ctx.listObjects({ apiVersion, kind, namespace, name });
  const values = objects.map((o) => readPath(o, path)).map((v) => (v === undefined || v === null ? undefined : String(v)));
  return { values: defined(values), from: `${kind} ${name} ${path}` };
}
