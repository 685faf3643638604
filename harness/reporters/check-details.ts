import type { CheckReport } from "../report/model.ts";
import { t } from "../i18n/messages.ts";

/**
 * A check's outcome as plain lines: its message, what was expected and found, and the hint (only
 * on a fail: an error is not the learner's to fix). The junit and github reporters both say this.
 */
export function checkDetailLines(check: CheckReport): string[] {
  const say = t().report;
  const lines = [check.message];
  if (check.expected !== undefined) lines.push(`${say.expected}: ${check.expected}`);
  if (check.actual !== undefined) lines.push(`${say.actual}: ${check.actual}`);
  if (check.hint !== undefined && check.status === "fail") lines.push(`${say.hint}: ${check.hint}`);
  return lines;
}
