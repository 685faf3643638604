import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Writes a report file, creating its folder first: `.grade/` does not exist on a fresh checkout. */
export function writeReportFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Seconds with millisecond precision, the unit junit and the classroom result use. */
export const seconds = (ms: number) => (ms / 1000).toFixed(3);
