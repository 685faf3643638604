import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { objectPathSchema } from "./shared/object-path.ts";
import { readPath, readTruth, truthSourceSchema } from "./shared/truth-source.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("answer"),
    key: objectPathSchema.describe("dotted path of the answer in the learner's answers file, e.g. pod.name"),
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
  description: () => t().checks.kinds.answer,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks.answer;
    const { file, values, problem } = await ctx.answers();
    const { key } = spec;
    const wanted = say.wanted({ key, file });
    if (problem) return fail(say.unreadableFile({ file, problem }), wanted, say.unreadableFileFound);
    if (values === undefined) return fail(say.noFile({ key, file }), wanted, say.noFileFound);
    const given = readPath(values, key);
    if (given === undefined || given === null || String(given).trim() === "") {
      return fail(say.notAnswered({ key, file }), wanted, say.notAnsweredFound);
    }
    if (typeof given === "object") return fail(say.notSingle({ key, file }), say.singleValue, Array.isArray(given) ? say.aList : say.aMap);

    const truth = await readTruth(ctx, spec.truth);
    const shownGiven = JSON.stringify(String(given).trim());
    if (truth.values.length === 0) {
      return fail(say.noTruth({ key, from: truth.from }), say.aValueShownBy({ from: truth.from }), shownGiven);
    }
    const ok = truth.values.some((v) => normalise(v, spec.ignoreCase) === normalise(String(given), spec.ignoreCase));
    // On a wrong answer, the true value stays hidden: showing it would hand out the solution.
    return ok ? pass(say.right({ key }), shownGiven) : fail(say.wrong({ key, from: truth.from }), say.theValueShownBy({ from: truth.from }), shownGiven);
  },
});
