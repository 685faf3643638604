import { z } from "zod";
import { checkSchema } from "../../graders/index.ts";
import { durationSchema } from "../../graders/shared/duration.ts";
import { SERVER_NODE, nodeNames } from "../cluster/node-names.ts";
import { localizedTextSchema } from "../i18n/localized-text.ts";
import { t } from "../i18n/messages.ts";

/** Defaults in one place: an exercise file only says what differs. */
export const DEFAULTS = {
  readyTimeout: "3m",
  scriptTimeout: "5m",
  answersFile: "answers.yaml",
  script: "solution.sh",
  nodes: 1,
} as const;

const taskSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: () => t().authoring.taskId }),
    title: localizedTextSchema,
    points: z.number().int().min(0),
    hint: localizedTextSchema.optional().describe("shown under every failed check of this task"),
    checks: z.array(checkSchema).min(1),
  })
  .strict();

export const exerciseSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: () => t().authoring.exerciseId }),
    title: localizedTextSchema,
    summary: localizedTextSchema.optional(),
    images: z.array(z.string().min(1)).default([]).describe("images the cluster needs; loaded from the local Docker when present there"),
    cluster: z
      .object({ nodes: z.number().int().min(1).max(3).default(DEFAULTS.nodes) })
      .strict()
      .prefault({}),
    ready: z
      .object({ timeout: durationSchema.prefault(DEFAULTS.readyTimeout) })
      .strict()
      .prefault({})
      .describe("how long the starter manifests may take to become ready"),
    work: z
      .object({
        answers: z.string().default(DEFAULTS.answersFile).describe("the learner's answers file, in their work directory"),
        script: z.string().default(DEFAULTS.script).describe("what autograding runs, in the learner's work directory"),
        scriptTimeout: durationSchema.prefault(DEFAULTS.scriptTimeout),
      })
      .strict()
      .prefault({}),
    faults: z
      .array(z.object({ stopNode: z.string().min(1).describe("the node whose machine grade stops, e.g. k3s-agent-1") }).strict())
      .default([])
      .describe(
        "what grade breaks in autograding after the starter is ready and before the learner's script runs; " +
          "with `grade start` the learner does it by hand (`grade node stop NAME`) when the README says so",
      ),
    defaults: z
      .object({ timeout: durationSchema.optional().describe("how long to retry a failing check that names no timeout of its own (default: no retry; each check is tried once)") })
      .strict()
      .prefault({}),
    tasks: z.array(taskSchema).min(1),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const names = nodeNames(exercise.cluster.nodes);
    exercise.faults.forEach((fault, i) => {
      const stoppable = names.filter((n) => n !== SERVER_NODE);
      if (!stoppable.includes(fault.stopNode)) {
        const message = stoppable.length
          ? t().authoring.stopAnAgent({ nodes: exercise.cluster.nodes, agents: stoppable.join(", ") })
          : t().authoring.noNodeToStop({ server: SERVER_NODE });
        ctx.addIssue({ code: "custom", path: ["faults", i, "stopNode"], message });
      }
    });
    const seen = new Set<string>();
    exercise.tasks.forEach((task, i) => {
      if (seen.has(task.id)) ctx.addIssue({ code: "custom", path: ["tasks", i, "id"], message: t().authoring.duplicateTaskId({ id: task.id }) });
      seen.add(task.id);
    });
  });

export type Exercise = z.infer<typeof exerciseSchema>;
export type Task = Exercise["tasks"][number];
