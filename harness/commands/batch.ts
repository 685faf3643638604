import pc from "picocolors";
import { durationSchema } from "../../graders/shared/duration.ts";
import { EXIT, UsageError } from "../errors.ts";
import type { Gradebook } from "../batch/gradebook.ts";
import { mergeGradebooks } from "../batch/merge.ts";
import { runBatch } from "../batch/run-batch.ts";
import { parseShard } from "../batch/shard.ts";
import { isGraded } from "../batch/submission-result.ts";
import { formatSummary } from "../batch/summary.ts";
import { t } from "../i18n/messages.ts";

export interface BatchCommandOptions {
  out: string;
  parallel?: string;
  shard?: string;
  timeout?: string;
}

/**
 * grade batch <exercise> <submissions>: grades a class, writes a gradebook. Exit 0 when every
 * submission was graded, whatever the scores; 3 when some could not be (the summary names them).
 */
export async function batchCommand(exercise: string, submissions: string, o: BatchCommandOptions): Promise<number> {
  const book = await runBatch(exercise, submissions, {
    out: o.out,
    parallel: o.parallel === undefined ? undefined : parseParallel(o.parallel),
    shard: o.shard === undefined ? undefined : parseShard(o.shard),
    timeoutMs: o.timeout === undefined ? undefined : parseTimeout(o.timeout),
  });
  return exitCodeFor(book);
}

/** grade batch merge <gradebooks...> --out DIR: the shards' gradebooks as one. */
export async function mergeCommand(dirs: string[], o: { out: string }): Promise<number> {
  const book = await mergeGradebooks(dirs, o.out);
  process.stdout.write(formatSummary(book, o.out, pc.createColors(process.stdout.isTTY === true && pc.isColorSupported)));
  return exitCodeFor(book);
}

const exitCodeFor = (book: Gradebook) => (book.learners.every((r) => isGraded(r.status)) ? EXIT.ok : EXIT.infrastructure);

function parseParallel(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t().batch.badParallel({ value: text }));
  return n;
}

function parseTimeout(text: string): number {
  const parsed = durationSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(t().batch.badTimeout({ value: text }));
  return parsed.data;
}
