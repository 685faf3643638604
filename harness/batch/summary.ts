import path from "node:path";
import pc from "picocolors";
import { formatDuration } from "./eta.ts";
import { GRADEBOOK_FILES, type Gradebook } from "./gradebook.ts";
import { isGraded } from "./submission-result.ts";
import { t } from "../i18n/messages.ts";
import stringWidth from "string-width";

/** The table printed at the end of a batch (and of a merge): one row per learner, then the totals and what was not graded. */
export function formatSummary(book: Gradebook, out: string, c = pc.createColors(false)): string {
  const say = t().batch;
  const rows = book.learners.map((r) => [r.learner, r.points === undefined ? "–" : `${r.points}/${r.maxPoints}`, r.status, formatDuration(r.ms), r.note ?? ""]);
  const { learner, points, status, time, note } = say.columns;
  const header = [learner, points, status, time, note];
  // Display widths: Korean headers (and learners' names) take two columns a syllable.
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))));
  const pad = (cell: string, width: number, start: boolean) => {
    const fill = " ".repeat(Math.max(0, width - stringWidth(cell)));
    return start ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 3 ? pad(cell, widths[i]!, true) : i === cells.length - 1 ? cell : pad(cell, widths[i]!, false)))
      .join("  ")
      .trimEnd();
  const lines = [c.bold(`${book.exercise.title} (${book.exercise.id})`), "", c.dim(line(header)), ...rows.map(line), ""];

  const graded = book.learners.filter((r) => isGraded(r.status));
  const withoutScript = graded.filter((r) => r.status === "no-script").length;
  const notGraded = book.learners.filter((r) => !isGraded(r.status));
  const mean = graded.length > 0 ? graded.reduce((sum, r) => sum + (r.points ?? 0), 0) / graded.length : undefined;
  lines.push(
    [
      say.submissions({ count: book.learners.length }),
      say.graded({ count: graded.length, withoutScript }),
      ...(notGraded.length > 0 ? [c.red(say.notGradedCount({ count: notGraded.length }))] : []),
      ...(mean !== undefined ? [say.mean({ mean: Math.round(mean * 100) / 100, maxPoints: book.exercise.maxPoints })] : []),
      say.took({ duration: formatDuration(book.ms) }),
    ].join(" · "),
  );
  lines.push(say.whereItIs({ csv: path.join(out, GRADEBOOK_FILES.csv), learners: path.join(out, GRADEBOOK_FILES.learners, "<learner>") }));
  if (notGraded.length > 0) {
    lines.push(c.red(say.notGraded({ learners: notGraded.map((r) => `${r.learner} (${r.status})`).join(", ") })));
  }
  return lines.join("\n") + "\n";
}
