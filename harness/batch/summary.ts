import path from "node:path";
import pc from "picocolors";
import { formatDuration } from "./eta.ts";
import { GRADEBOOK_FILES, type Gradebook } from "./gradebook.ts";
import { isGraded } from "./submission-result.ts";

/** The table printed at the end of a batch (and of a merge): one row per learner, then the totals and what was not graded. */
export function formatSummary(book: Gradebook, out: string, c = pc.createColors(false)): string {
  const rows = book.learners.map((r) => [r.learner, r.points === undefined ? "–" : `${r.points}/${r.maxPoints}`, r.status, formatDuration(r.ms), r.note ?? ""]);
  const header = ["learner", "points", "status", "time", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i]!) : i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const lines = [c.bold(`${book.exercise.title} (${book.exercise.id})`), "", c.dim(line(header)), ...rows.map(line), ""];

  const graded = book.learners.filter((r) => isGraded(r.status));
  const withoutScript = graded.filter((r) => r.status === "no-script").length;
  const notGraded = book.learners.filter((r) => !isGraded(r.status));
  const mean = graded.length > 0 ? graded.reduce((sum, r) => sum + (r.points ?? 0), 0) / graded.length : undefined;
  lines.push(
    [
      `${book.learners.length} submission${book.learners.length === 1 ? "" : "s"}`,
      `${graded.length} graded${withoutScript > 0 ? ` (${withoutScript} without a script)` : ""}`,
      ...(notGraded.length > 0 ? [c.red(`${notGraded.length} not graded`)] : []),
      ...(mean !== undefined ? [`mean ${Math.round(mean * 100) / 100}/${book.exercise.maxPoints}`] : []),
      `in ${formatDuration(book.ms)}`,
    ].join(" · "),
  );
  lines.push(`Gradebook: ${path.join(out, GRADEBOOK_FILES.csv)}; each learner's report, logs and work: ${path.join(out, GRADEBOOK_FILES.learners, "<learner>")}/`);
  if (notGraded.length > 0) {
    lines.push(c.red(`Not graded: ${notGraded.map((r) => `${r.learner} (${r.status})`).join(", ")}. What happened is in their grade.log; grade them again once the cause is fixed.`));
  }
  return lines.join("\n") + "\n";
}
