import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { describeSelector, podSelectorSchema, selectRunningPods } from "./shared/pod-selector.ts";
import { describeExpectation, excerpt, meetsExpectation, textExpectationSchema } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("execOutput"),
    pods: podSelectorSchema,
    container: z.string().optional().describe("needed only when the pod has more than one container"),
    command: z.array(z.string()).min(1).describe("run as with `kubectl exec POD -- COMMAND...`"),
    expect: textExpectationSchema.describe("what standard output must look like"),
    exitCode: z.number().int().default(0),
  })
  .strict();

export const execOutput = defineGrader({
  kind: "execOutput",
  description: () => t().checks.kinds.execOutput,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks;
    const pods = await selectRunningPods(ctx, spec.pods);
    const command = spec.command.join(" ");
    if (pods.length === 0) return fail(say.execOutput.noPods({ pods: describeSelector(spec.pods), command }), describeExpectation(spec.expect), say.noRunningPod);

    // One pod is enough: the learner typically worked in one of them.
    let lastMismatch: { pod: (typeof pods)[number]; out: string; exitCode: number } | undefined;
    for (const pod of pods) {
      const result = await ctx.exec(pod.namespace, pod.name, spec.container, spec.command);
      if (result.exitCode === spec.exitCode && meetsExpectation(result.stdout, spec.expect, pod)) {
        return pass(say.execOutput.printed({ command, pod: pod.name }), excerpt(result.stdout));
      }
      lastMismatch = { pod, out: result.stdout + result.stderr, exitCode: result.exitCode };
    }
    const m = lastMismatch!;
    return fail(
      m.exitCode === spec.exitCode ? say.execOutput.printedElse({ command, pod: m.pod.name }) : say.execOutput.exited({ command, pod: m.pod.name, exitCode: m.exitCode }),
      say.execOutput.exitAnd({ exitCode: spec.exitCode, text: describeExpectation(spec.expect, m.pod) }),
      say.execOutput.exitAnd({ exitCode: m.exitCode, text: excerpt(m.out) }),
    );
  },
});
