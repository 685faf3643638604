import ora from "ora";
import pc from "picocolors";
import { formatMs } from "../../graders/shared/duration.ts";
import { t } from "../i18n/messages.ts";

/**
 * Runs one long step with a spinner (on a terminal) or a plain start line (in CI logs), and ends
 * it with ✓/✗ and its duration. The work may add a note on what is taking long (shown beside the
 * spinner, or as an indented line). Returns the step's value and how long it took.
 */
export async function step<T>(title: string, work: (note: (text: string) => void) => Promise<T>, stream: NodeJS.WriteStream = process.stderr): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  // A terminal of no width (an unsized pty) would make the spinner clear lines forever.
  const spinner = ora({ text: title, stream, isEnabled: stream.isTTY === true && (stream.columns ?? 0) > 0 });
  if (spinner.isEnabled) spinner.start();
  else stream.write(`… ${title}\n`);
  const note = (text: string) => {
    if (spinner.isEnabled) spinner.text = `${title} ${pc.dim(`(${text})`)}`;
    else stream.write(`    ${text}\n`);
  };
  try {
    const value = await work(note);
    const ms = Date.now() - started;
    const done = `${title} ${pc.dim(`(${formatMs(ms)})`)}`;
    if (spinner.isEnabled) spinner.succeed(done);
    else stream.write(`${pc.green("✓")} ${done}\n`);
    return { value, ms };
  } catch (e) {
    const failed = `${title} ${pc.dim(`(${t().progress.failedAfter({ duration: formatMs(Date.now() - started) })})`)}`;
    if (spinner.isEnabled) spinner.fail(failed);
    else stream.write(`${pc.red("✗")} ${failed}\n`);
    throw e;
  }
}
