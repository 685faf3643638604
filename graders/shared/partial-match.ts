import { t } from "../../harness/i18n/messages.ts";

/**
 * Chainsaw-style partial matching: the expected value names only the fields it cares about.
 * - objects: every expected key must match; other keys of the actual object are ignored;
 * - arrays: every expected element must match SOME actual element (order does not matter);
 * - scalars: equal.
 * Returns the mismatches as `path: expected X, got Y`, sorted by path; empty means a match.
 */
export interface Mismatch {
  path: string;
  expected: string;
  actual: string;
}

const show = (value: unknown): string => (value === undefined ? t().checks.mismatchNothing : JSON.stringify(value));

export function partialMatch(expected: unknown, actual: unknown, path = ""): Mismatch[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path: path || ".", expected: t().checks.mismatchAList, actual: show(actual) }];
    const out: Mismatch[] = [];
    expected.forEach((item, i) => {
      if (!actual.some((candidate) => partialMatch(item, candidate).length === 0)) {
        out.push({ path: `${path}[${i}]`, expected: t().checks.mismatchElementLike({ item: show(item) }), actual: t().checks.mismatchNoneAmong({ count: actual.length }) });
      }
    });
    return out;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return [{ path: path || ".", expected: t().checks.mismatchAnObject, actual: show(actual) }];
    }
    return Object.entries(expected as Record<string, unknown>)
      .flatMap(([key, value]) => partialMatch(value, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
  return expected === actual ? [] : [{ path: path || ".", expected: show(expected), actual: show(actual) }];
}

export function formatMismatches(mismatches: Mismatch[]): string {
  return mismatches.map((m) => t().checks.mismatch(m)).join("\n");
}
