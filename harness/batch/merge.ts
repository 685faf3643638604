import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { GRADEBOOK_FILES, assertGradebookFolder, readGradebook, writeGradebook, type Gradebook } from "./gradebook.ts";
import { formatShard, pickShard } from "./shard.ts";
import type { SubmissionResult } from "./submission-result.ts";
import { compareNames } from "./submissions.ts";
import { t } from "../i18n/messages.ts";

/**
 * One gradebook from the gradebooks of a class's shards (a job matrix's artifacts): their rows
 * and learner folders together. Refuses gradebooks of different exercises and a learner graded
 * twice; a learner of the class whom no gradebook holds (a shard's job died) gets a row that says
 * so (status missing), so the merged gradebook always lists the whole class.
 */
export async function mergeGradebooks(dirs: readonly string[], out: string): Promise<Gradebook> {
  const say = t().batch;
  if (dirs.length === 0) throw new UsageError(say.nothingToMerge);
  const outDir = path.resolve(out);
  for (const dir of dirs) {
    if (path.resolve(dir) === outDir) throw new UsageError(say.mergeIntoItself({ out }));
  }
  assertGradebookFolder(out);
  const books = await Promise.all(dirs.map(async (dir) => ({ dir, book: await readGradebook(dir) })));

  const first = books[0]!;
  for (const { dir, book } of books.slice(1)) {
    if (JSON.stringify(book.exercise) !== JSON.stringify(first.book.exercise)) {
      throw new UsageError(say.otherExercise({ dir, exercise: book.exercise.id, first: first.dir, firstExercise: first.book.exercise.id }));
    }
  }
  const counts = new Set(books.flatMap(({ book }) => (book.shard ? [book.shard.count] : [])));
  if (counts.size > 1) throw new UsageError(say.otherSplits({ splits: [...counts].map((n) => `…/${n}`).join(", ") }));

  const from = new Map<string, string>();
  const rows: SubmissionResult[] = [];
  for (const { dir, book } of books) {
    for (const row of book.learners) {
      const earlier = from.get(row.learner);
      if (earlier) throw new UsageError(say.gradedTwice({ learner: row.learner, first: earlier, second: dir }));
      from.set(row.learner, dir);
      rows.push(row);
    }
  }

  // Every learner of the class gets a row; one whose shard never arrived says which shard it was.
  const wholeClass = [...new Set(books.flatMap(({ book }) => book.class))].sort(compareNames);
  const count = [...counts][0];
  for (const learner of wholeClass.filter((l) => !from.has(l))) {
    const shardIndex = count ? Array.from({ length: count }, (_, i) => i + 1).find((index) => pickShard(wholeClass, { index, count }).includes(learner)) : undefined;
    const note = shardIndex ? say.shardMissing({ shard: formatShard({ index: shardIndex, count: count! }) }) : say.noGradebookGiven;
    rows.push({ learner, status: "missing", maxPoints: first.book.exercise.maxPoints, note, ms: 0, files: {} });
  }

  await rm(path.join(out, GRADEBOOK_FILES.learners), { recursive: true, force: true });
  for (const { dir, book } of books) {
    for (const row of book.learners) {
      const source = path.join(dir, GRADEBOOK_FILES.learners, row.learner);
      if (existsSync(source)) await cp(source, path.join(out, GRADEBOOK_FILES.learners, row.learner), { recursive: true });
    }
  }
  const merged: Gradebook = {
    gradebook: 1,
    exercise: first.book.exercise,
    class: wholeClass,
    learners: rows.sort((a, b) => compareNames(a.learner, b.learner)),
    startedAt: books.map(({ book }) => book.startedAt).sort()[0]!,
    // Shards run side by side: the merge took as long as the slowest.
    ms: Math.max(...books.map(({ book }) => book.ms)),
  };
  await writeGradebook(out, merged);
  return merged;
}
