import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { UsageError } from "../errors.ts";
import { formatCsv, type CsvCell } from "./csv.ts";
import { submissionResultSchema, type SubmissionResult } from "./submission-result.ts";
import { t } from "../i18n/messages.ts";
import { useZodLanguage } from "../i18n/zod-language.ts";

/**
 * A gradebook folder (`grade batch --out DIR`):
 *   grades.csv        one row per learner: learner, points, max, each task's points, status, seconds, note
 *   gradebook.json    the same and what `grade batch merge` needs: the exercise's tasks, the shard,
 *                     every learner of the class (so a merge can tell a shard that never arrived)
 *   learners/<name>/  report.json (the json reporter's), grade.log (grade run's output),
 *                     transcript.log (the learner script's output), work/ (the work as graded)
 */
export const GRADEBOOK_FILES = { csv: "grades.csv", json: "gradebook.json", learners: "learners" } as const;

const taskSchema = z.object({ id: z.string(), title: z.string(), points: z.number() }).strict();

const gradebookSchema = z
  .object({
    gradebook: z.literal(1).describe("the format's version"),
    exercise: z.object({ id: z.string(), title: z.string(), tasks: z.array(taskSchema), maxPoints: z.number() }).strict(),
    /** Every learner in the submissions folder, graded in this gradebook or not (another shard's). */
    class: z.array(z.string()),
    /** Which part of the class this gradebook holds; absent for a whole class (or a merge of every part). */
    shard: z.object({ index: z.number().int(), count: z.number().int() }).strict().optional(),
    learners: z.array(submissionResultSchema),
    startedAt: z.string(),
    ms: z.number(),
  })
  .strict();

export type Gradebook = z.infer<typeof gradebookSchema>;

export async function writeGradebook(dir: string, book: Gradebook): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, GRADEBOOK_FILES.json), `${JSON.stringify(book, null, 2)}\n`);
  await writeFile(path.join(dir, GRADEBOOK_FILES.csv), gradebookCsv(book));
}

export async function readGradebook(dir: string): Promise<Gradebook> {
  const file = path.join(dir, GRADEBOOK_FILES.json);
  if (!existsSync(file)) throw new UsageError(t().batch.notAGradebook({ dir, file: GRADEBOOK_FILES.json }));
  useZodLanguage();
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    // A shard's artifact cut short in transfer: say which file, not a stack trace.
    throw new UsageError(t().batch.unreadableGradebook({ file, problems: (e as Error).message }));
  }
  const parsed = gradebookSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(t().batch.unreadableGradebook({ file, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }));
  return parsed.data;
}

/**
 * A folder `grade batch` may write a gradebook into: missing, empty, or an earlier gradebook (which
 * it replaces). Anything else might be someone's files, which a batch must not mix with its own.
 */
export function assertGradebookFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(GRADEBOOK_FILES.json)) {
    throw new UsageError(t().batch.folderNotEmpty({ dir, files: `${GRADEBOOK_FILES.csv}, ${GRADEBOOK_FILES.json} ${t().report.and.trim()} ${GRADEBOOK_FILES.learners}/` }));
  }
}

function gradebookCsv(book: Gradebook): string {
  const header: CsvCell[] = ["learner", "points", "max", ...book.exercise.tasks.map((t) => t.id), "status", "seconds", "note"];
  const rows = book.learners.map((r: SubmissionResult): CsvCell[] => [
    r.learner,
    // Not graded: empty cells, not zeros, so no spreadsheet takes "not graded" for "scored nothing".
    r.points,
    r.maxPoints,
    ...book.exercise.tasks.map((t) => r.taskPoints?.[t.id]),
    r.status,
    Math.round(r.ms / 1000),
    r.note,
  ]);
  return formatCsv([header, ...rows]);
}
