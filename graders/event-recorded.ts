import { z } from "zod";
import { defineGrader, fail, pass } from "./types.ts";
import { describeEventFilter, eventFilterSchema, selectEvents } from "./shared/events.ts";
import { describeExpectation, excerpt, meetsExpectation, textExpectationSchema } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = eventFilterSchema
  .extend({
    kind: z.literal("eventRecorded"),
    message: textExpectationSchema.optional().describe("what the event's message must look like"),
  })
  .strict();

/** How many of the object's other events a failure shows, newest last. */
const SHOWN = 5;

export const eventRecorded = defineGrader({
  kind: "eventRecorded",
  description: () => t().checks.kinds.eventRecorded,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks.eventRecorded;
    const what = describeEventFilter(spec);
    const expected = say.expected({ reason: spec.reason, message: spec.message && describeExpectation(spec.message) });
    const candidates = await selectEvents(ctx, spec);
    const match = candidates.find((e) => !spec.message || meetsExpectation(e.message, spec.message));
    if (match) return pass(`${match.object}: ${match.reason}: ${excerpt(match.message, 200)}`);

    if (candidates.length > 0) {
      const shown = candidates.slice(-SHOWN).map((e) => `${e.object} ${e.reason}: ${excerpt(e.message, 160)}`);
      return fail(say.noneSays({ count: candidates.length, events: what }), expected, shown.join("\n"));
    }
    // Nothing with that reason: show what the object did record, which usually tells the story.
    const { reason: _reason, ...aboutTheObject } = spec;
    const others = spec.reason ? await selectEvents(ctx, { ...aboutTheObject, reason: undefined }) : [];
    const shown = others.slice(-SHOWN).map((e) => `${e.object} ${e.reason}: ${excerpt(e.message, 160)}`);
    return fail(say.none({ events: what }), expected, shown.length ? say.otherEvents({ events: shown.join("\n") }) : say.noEventsAtAll);
  },
});
