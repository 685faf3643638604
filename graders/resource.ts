import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { formatMismatches, partialMatch } from "./shared/partial-match.ts";
import { labelSelector } from "./shared/pod-selector.ts";
import { t } from "../harness/i18n/messages.ts";

/** A partial object, as in a chainsaw assert: apiVersion, kind and metadata find it, the rest is compared. */
const partialObjectSchema = z.looseObject({
  apiVersion: z.string().min(1).describe("e.g. v1, apps/v1"),
  kind: z.string().min(1).describe("e.g. Deployment"),
  metadata: z
    .looseObject({
      name: z.string().optional(),
      namespace: z.string().optional().describe("omit for cluster-scoped objects such as Node"),
      labels: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

const schema = z
  .object({
    kind: z.literal("resource"),
    resource: partialObjectSchema.describe("only the fields named are compared; list items match by content, not position"),
    absent: z.boolean().default(false).describe("pass when no object matches"),
  })
  .strict();

export const resource = defineGrader({
  kind: "resource",
  description: () => t().checks.kinds.resource,
  schema,
  async evaluate(ctx, spec) {
    const { apiVersion, kind, metadata } = spec.resource;
    const objects = await ctx.listObjects({
      apiVersion,
      kind,
      namespace: metadata?.namespace,
      name: metadata?.name,
      labelSelector: metadata?.labels ? labelSelector(metadata.labels) : undefined,
    });
    const say = t().checks.resource;
    const what = say.what({ kind, name: metadata?.name, namespace: metadata?.namespace });
    const results = objects.map((o) => ({ name: o.metadata?.name ?? "?", mismatches: partialMatch(spec.resource, o) }));
    const matching = results.filter((r) => r.mismatches.length === 0);

    if (spec.absent) {
      return matching.length === 0
        ? pass(say.absentAsAsked({ what }))
        : fail(say.shouldNotExist({ kind, name: matching[0]!.name }), say.noMatch, matching.map((m) => m.name).join(", "));
    }
    if (matching.length > 0) return pass(say.matches({ kind, name: matching[0]!.name }));
    if (results.length === 0) return fail(say.notFound({ what }), say.anObject({ what }), say.nothing);
    // Show the closest object: the one with the fewest mismatches.
    const closest = [...results].sort((a, b) => a.mismatches.length - b.mismatches.length)[0]!;
    return fail(say.doesNotMatch({ kind, name: closest.name }), say.withTheFields({ what }), formatMismatches(closest.mismatches));
  },
});
