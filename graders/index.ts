import { z } from "zod";
import type { Grader } from "./types.ts";
import { answer } from "./answer.ts";
import { containerLogs } from "./container-logs.ts";
import { eventRecorded } from "./event-recorded.ts";
import { execOutput } from "./exec-output.ts";
import { podPlacement } from "./pod-placement.ts";
import { proxyReachable } from "./proxy-reachability.ts";
import { resource } from "./resource.ts";
import { script } from "./script.ts";
import { serviceReachable } from "./service-reachability.ts";
import { durationSchema } from "./shared/duration.ts";
import { localizedTextSchema } from "../harness/i18n/localized-text.ts";

/** Every check kind, explicitly: adding one means writing its file and listing it here. */
export const graders = [podPlacement, containerLogs, execOutput, proxyReachable, serviceReachable, resource, eventRecorded, answer, script] as const;

/** Fields every check has, whatever its kind. */
const commonFields = {
  name: localizedTextSchema.optional().describe('shown in reports; defaults to "check N"'),
  timeout: durationSchema
    .optional()
    .describe("retry a failing check this long (default: no retry; grade waits until the cluster is settled, then checks once)"),
  runFirst: z
    .boolean()
    .default(false)
    .describe("run, and finish, before every other check: e.g. read a log before grade's own requests add lines to it"),
};

const [first, ...rest] = graders.map((g) => g.schema.extend(commonFields));
export const checkSchema = z.discriminatedUnion("kind", [first!, ...rest]);
export type CheckSpec = z.infer<typeof checkSchema>;

const byKind = new Map<string, Grader>(graders.map((g) => [g.kind, g as unknown as Grader]));

export function graderFor(kind: string): Grader {
  const grader = byKind.get(kind);
  if (!grader) throw new Error(`no check kind "${kind}"; known kinds: ${[...byKind.keys()].join(", ")}`);
  return grader;
}
