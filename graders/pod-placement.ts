import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { describeSelector, podSelectorSchema, selectPods } from "./shared/pod-selector.ts";

const schema = z
  .object({
    kind: z.literal("podPlacement"),
    pods: podSelectorSchema,
    /** How many matching pods must be Running (and Ready, when asked). */
    count: z
      .union([z.number().int().min(0), z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).strict()], {
        error: "a number, or { min, max }",
      })
      .default({ min: 1 }),
    ready: z.boolean().default(true).describe("pods must pass their readiness checks"),
    nodeReady: z.boolean().default(true).describe("the pods' nodes must be Ready"),
    nodeLabels: z.record(z.string(), z.string()).optional().describe("labels every pod's node must carry"),
    distinctNodes: z.boolean().default(false).describe("no two pods on the same node"),
  })
  .strict();

export const podPlacement = defineGrader({
  kind: "podPlacement",
  description: "Pods matching labels are Running (and Ready) on Ready nodes, optionally spread or pinned to nodes.",
  schema,
  async evaluate(ctx, spec) {
    const [pods, nodes] = await Promise.all([selectPods(ctx, spec.pods), ctx.listNodes()]);
    const nodeByName = new Map(nodes.map((n) => [n.name, n]));
    const min = typeof spec.count === "number" ? spec.count : (spec.count.min ?? 0);
    const max = typeof spec.count === "number" ? spec.count : spec.count.max;

    const problems: string[] = [];
    const good = pods.filter((pod) => {
      const node = pod.nodeName ? nodeByName.get(pod.nodeName) : undefined;
      const why =
        pod.phase !== "Running"
          ? `phase ${pod.phase ?? "unknown"}`
          : spec.ready && !pod.ready
            ? "not Ready"
            : !pod.nodeName
              ? "not scheduled"
              : spec.nodeReady && !node?.ready
                ? `node ${pod.nodeName} not Ready`
                : spec.nodeLabels && !Object.entries(spec.nodeLabels).every(([k, v]) => node?.labels[k] === v)
                  ? `node ${pod.nodeName} lacks labels ${JSON.stringify(spec.nodeLabels)}`
                  : undefined;
      if (why) problems.push(`${pod.name}: ${why}`);
      return why === undefined;
    });

    const where = good.map((p) => `${p.name} on ${p.nodeName}`).join(", ") || "none";
    const expected = `${max === min ? min : max === undefined ? `at least ${min}` : `${min}..${max}`} ${describeSelector(spec.pods)} ${spec.ready ? "Running and Ready" : "Running"}${spec.nodeReady ? " on Ready nodes" : ""}${spec.distinctNodes ? ", each on its own node" : ""}`;
    const actual = `${good.length} good (${where})${problems.length ? `; ${problems.join("; ")}` : ""}`;

    if (good.length < min || (max !== undefined && good.length > max)) {
      return fail(pods.length === 0 ? `no ${describeSelector(spec.pods)}` : `${good.length} of ${pods.length} pods placed as expected`, expected, actual);
    }
    if (spec.distinctNodes) {
      const nodesUsed = new Set(good.map((p) => p.nodeName));
      if (nodesUsed.size < good.length) return fail("two or more pods share a node", expected, actual);
    }
    return pass(`${good.length} pod(s) placed: ${where}`, actual);
  },
});
