import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { describeSelector, podSelectorSchema, selectPods } from "./shared/pod-selector.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("podPlacement"),
    pods: podSelectorSchema,
    /** How many matching pods must be Running (and Ready, when asked). */
    count: z
      .union([z.number().int().min(0), z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).strict()], {
        error: () => t().checks.podPlacement.countForm,
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
  description: () => t().checks.kinds.podPlacement,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks.podPlacement;
    const [pods, nodes] = await Promise.all([selectPods(ctx, spec.pods), ctx.listNodes()]);
    const nodeByName = new Map(nodes.map((n) => [n.name, n]));
    const min = typeof spec.count === "number" ? spec.count : (spec.count.min ?? 0);
    const max = typeof spec.count === "number" ? spec.count : spec.count.max;

    const problems: string[] = [];
    const good = pods.filter((pod) => {
      const node = pod.nodeName ? nodeByName.get(pod.nodeName) : undefined;
      const why =
        pod.phase !== "Running"
          ? say.phase({ phase: pod.phase })
          : spec.ready && !pod.ready
            ? say.notReady
            : !pod.nodeName
              ? say.notScheduled
              : spec.nodeReady && !node?.ready
                ? say.nodeNotReady({ node: pod.nodeName })
                : spec.nodeLabels && !Object.entries(spec.nodeLabels).every(([k, v]) => node?.labels[k] === v)
                  ? say.nodeLacksLabels({ node: pod.nodeName, labels: JSON.stringify(spec.nodeLabels) })
                  : undefined;
      if (why) problems.push(`${pod.name}: ${why}`);
      return why === undefined;
    });

    const where = good.map((p) => say.podOnNode({ pod: p.name, node: p.nodeName! })).join(", ") || say.nowhere;
    const count = max === min ? say.countExactly({ n: min }) : max === undefined ? say.countAtLeast({ min }) : say.countBetween({ min, max });
    const expected = say.expected({ count, pods: describeSelector(spec.pods), ready: spec.ready, nodeReady: spec.nodeReady, distinctNodes: spec.distinctNodes });
    const actual = say.actual({ good: good.length, where, problems: problems.join("; ") });

    if (good.length < min || (max !== undefined && good.length > max)) {
      return fail(pods.length === 0 ? say.none({ pods: describeSelector(spec.pods) }) : say.someMisplaced({ good: good.length, total: pods.length }), expected, actual);
    }
    if (spec.distinctNodes) {
      const nodesUsed = new Set(good.map((p) => p.nodeName));
      if (nodesUsed.size < good.length) return fail(say.shareANode, expected, actual);
    }
    return pass(say.placed({ good: good.length, where }), actual);
  },
});
