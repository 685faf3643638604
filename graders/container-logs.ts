import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { describeSelector, podSelectorSchema, selectRunningPods } from "./shared/pod-selector.ts";
import { describeExpectation, excerpt, meetsExpectation, textExpectationSchema } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("containerLogs"),
    pods: podSelectorSchema,
    container: z.string().optional().describe("needed only when the pod has more than one container"),
    expect: textExpectationSchema,
    every: z.boolean().default(false).describe("every matching pod's log must meet the expectation, not just one"),
  })
  .strict();

export const containerLogs = defineGrader({
  kind: "containerLogs",
  description: () => t().checks.kinds.containerLogs,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks;
    const pods = await selectRunningPods(ctx, spec.pods);
    if (pods.length === 0) return fail(say.containerLogs.noPods({ pods: describeSelector(spec.pods) }), describeExpectation(spec.expect), say.noRunningPod);

    const results = await Promise.all(
      pods.map(async (pod) => {
        const log = await ctx.podLogs(pod.namespace, pod.name, spec.container);
        return { pod, log, ok: meetsExpectation(log, spec.expect, pod) };
      }),
    );
    const passed = results.filter((r) => r.ok);
    const firstBad = results.find((r) => !r.ok);
    if (spec.every ? firstBad === undefined : passed.length > 0) {
      return pass(say.containerLogs.meets({ pod: (passed[0] ?? results[0])!.pod.name }));
    }
    const shown = firstBad ?? results[0]!;
    return fail(
      say.containerLogs.lacks({ pod: shown.pod.name, container: spec.container }),
      describeExpectation(spec.expect, shown.pod),
      excerpt(shown.log),
    );
  },
});
