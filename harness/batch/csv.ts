/** A cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | undefined;

/**
 * RFC 4180 text: fields holding a comma, a quote or a line break are quoted, quotes doubled;
 * lines end with CRLF, as the RFC and spreadsheet programs expect. Text that a spreadsheet would
 * run as a formula (=, +, -, @ first) gets a leading apostrophe: a folder name must not become a
 * formula in an instructor's spreadsheet.
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(formatCell).join(",") + "\r\n").join("");
}

function formatCell(cell: CsvCell): string {
  if (cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
