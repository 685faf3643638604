import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/** One of `count` parts of a class (1-based), so a job matrix can share the grading out. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/5` → { index: 2, count: 5 }. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(t().batch.badShard({ shard: text }));
  }
  return { index, count };
}

/**
 * The shard's part of a list already in a fixed order (submissions sorted by name): every N-th
 * item starting at the I-th. Deterministic — every job of the matrix sees the same folders, so the
 * parts never overlap and together hold every item — and balanced to within one item.
 */
export function pickShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

export const formatShard = (shard: Shard) => `${shard.index}/${shard.count}`;
