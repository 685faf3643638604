import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { readPath, readTruth, truthSourceSchema } from "./shared/truth-source.ts";

const schema = z
  .object({
    kind: z.literal("answer"),
    key: z.string().min(1).describe("dotted path of the answer in the learner's answers file, e.g. pod.name"),
    truth: truthSourceSchema.describe("where the live, true value is read from"),
    ignoreCase: z.boolean().default(false),
  })
  .strict();

const normalise = (value: string, ignoreCase: boolean) => {
  const trimmed = value.trim();
  return ignoreCase ? trimmed.toLowerCase() : trimmed;
};

export const answer = defineGrader({
  kind: "answer",
  description: "The learner's answer (from their answers file) equals a value read from the live cluster.",
  schema,
  async evaluate(ctx, spec) {
    const { file, values, problem } = await ctx.answers();
    const wanted = `an answer at ${spec.key} in ${file}`;
    if (problem) return fail(`${file} ${problem}`, wanted, "a file that cannot be read");
    if (values === undefined) return fail(`no answers file: write your answer to ${spec.key} in ${file}`, wanted, "no file");
    const given = readPath(values, spec.key);
    if (given === undefined || given === null || String(given).trim() === "") {
      return fail(`${spec.key} is not answered in ${file}`, wanted, "no answer");
    }
    if (typeof given === "object") return fail(`${spec.key} in ${file} must be a single value, not a list or map`, "a single value", Array.isArray(given) ? "a list" : "a map");

    const truth = await readTruth(ctx, spec.truth);
    const shownGiven = JSON.stringify(String(given).trim());
    if (truth.values.length === 0) {
      return fail(`the cluster shows no value to compare ${spec.key} with (from ${truth.from})`, `a value shown by ${truth.from}`, shownGiven);
    }
    const ok = truth.values.some((v) => normalise(v, spec.ignoreCase) === normalise(String(given), spec.ignoreCase));
    // On a wrong answer, the true value stays hidden: showing it would hand out the solution.
    return ok ? pass(`${spec.key} is right`, shownGiven) : fail(`${spec.key} does not match ${truth.from}`, `the value shown by ${truth.from}`, shownGiven);
  },
});
