import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { excerpt } from "./shared/text-expectation.ts";

const schema = z
  .object({
    kind: z.literal("script"),
    run: z.string().min(1).describe("a shell command; KUBECONFIG points at the cluster; exit 0 means pass"),
  })
  .strict();

export const script = defineGrader({
  kind: "script",
  description: "Escape hatch: a shell command run with KUBECONFIG set; exit 0 passes.",
  schema,
  async evaluate(ctx, spec) {
    // Each attempt gets at most 30 s of its own; the runner's timeout bounds the retries.
    const result = await ctx.runScript(spec.run, 30_000);
    if (result.exitCode === 0) return pass(`\`${spec.run}\` exited 0`, excerpt(result.output));
    return fail(
      result.timedOut ? `\`${spec.run}\` did not finish within 30 s` : `\`${spec.run}\` exited ${result.exitCode}`,
      "exit 0",
      excerpt(result.output),
    );
  },
});
