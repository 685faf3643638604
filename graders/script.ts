import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { excerpt } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("script"),
    run: z.string().min(1).describe("a shell command; KUBECONFIG points at the cluster; exit 0 means pass"),
  })
  .strict();

/** Each attempt gets at most this long of its own; the runner's timeout bounds the retries. */
const ATTEMPT_MS = 30_000;

export const script = defineGrader({
  kind: "script",
  description: () => t().checks.kinds.script,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks.script;
    const command = spec.run;
    const result = await ctx.runScript(command, ATTEMPT_MS);
    if (result.exitCode === 0) return pass(say.exitedZero({ command }), excerpt(result.output));
    return fail(
      result.timedOut ? say.timedOut({ command, seconds: ATTEMPT_MS / 1000 }) : say.exited({ command, exitCode: result.exitCode }),
      say.exitZero,
      excerpt(result.output),
    );
  },
});
