import { z } from "zod";

/**
 * What became of one learner's submission in a batch, with what each status means. An explicit
 * list: the gradebook's status column, the summary and the exit code all read it.
 */
export const SUBMISSION_STATUSES = {
  graded: "the checks ran: the points are the learner's",
  "no-script": "the submission holds no solution script: every task failed, 0 points",
  "timed-out": "grading ran past the submission's deadline and was stopped: not graded",
  "infrastructure-error": "the cluster could not be started or reached: not graded",
  crashed: "grade ended without a result (see the learner's grade.log): not graded",
  interrupted: "the batch was interrupted before this submission was graded",
  missing: "its shard left no gradebook (grade batch merge): not graded",
} as const;

export type SubmissionStatus = keyof typeof SUBMISSION_STATUSES;
const STATUS_NAMES = Object.keys(SUBMISSION_STATUSES) as [SubmissionStatus, ...SubmissionStatus[]];

/** Statuses whose points stand: the batch succeeded for them, whatever the score. */
const GRADED: readonly SubmissionStatus[] = ["graded", "no-script"];
export const isGraded = (status: SubmissionStatus) => GRADED.includes(status);

export const submissionResultSchema = z
  .object({
    learner: z.string().min(1),
    status: z.enum(STATUS_NAMES),
    /** Present when graded: the total and each task's points, by task id. */
    points: z.number().optional(),
    taskPoints: z.record(z.string(), z.number()).optional(),
    maxPoints: z.number(),
    /** One line: why it was not graded, or what the instructor should know (the script timed out). */
    note: z.string().optional(),
    /** Wall time of the submission's grading, waiting for a turn on the host's ports included. */
    ms: z.number(),
    /** The learner's files in the gradebook, relative to the gradebook's folder. */
    files: z.object({ report: z.string().optional(), log: z.string().optional(), transcript: z.string().optional() }).strict(),
  })
  .strict();

export type SubmissionResult = z.infer<typeof submissionResultSchema>;
