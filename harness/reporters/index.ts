import { ClassroomReporter } from "./classroom.ts";
import { GithubReporter } from "./github.ts";
import { JsonReporter } from "./json.ts";
import { JunitReporter } from "./junit.ts";
import { MultiplexReporter, printsToStdio, type NamedReporter } from "./multiplex-reporter.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { TerminalReporter } from "./terminal.ts";

export type { Reporter, ReporterOptions } from "./reporter.ts";
export { MultiplexReporter } from "./multiplex-reporter.ts";

export type ReporterFactory = (options: ReporterOptions) => Reporter;

/** Every reporter `--reporter` accepts, by name. An explicit list: no discovery. */
export const reporterFactories = {
  list: (options) => new TerminalReporter(options),
  json: (options) => new JsonReporter(options),
  junit: (options) => new JunitReporter(options),
  github: (options) => new GithubReporter(options),
  classroom: (options) => new ClassroomReporter(options),
} as const satisfies Record<string, ReporterFactory>;

export type ReporterName = keyof typeof reporterFactories;

export const DEFAULT_REPORTER: ReporterName = "list";

const isReporterName = (name: string): name is ReporterName => Object.hasOwn(reporterFactories, name);

/**
 * Builds the reporters named by `--reporter` (names may also come comma-separated, as typed:
 * `list,junit`). Adds `list` when none of them prints to the terminal, so a learner is never left
 * with a silent run.
 */
export function createReporters(
  names: string[],
  options: ReporterOptions = {},
  err: NodeJS.WritableStream = process.stderr,
): MultiplexReporter {
  const wanted = [...new Set(names.flatMap((n) => n.split(",")).map((n) => n.trim()).filter(Boolean))];
  const unknown = wanted.filter((n) => !isReporterName(n));
  if (unknown.length > 0) {
    const known = Object.keys(reporterFactories).join(", ");
    throw new Error(`Unknown reporter ${unknown.map((n) => `"${n}"`).join(", ")}: use one or more of ${known}.`);
  }
  const valid = wanted.filter(isReporterName);
  const chosen: NamedReporter[] = (valid.length > 0 ? valid : [DEFAULT_REPORTER]).map((name) => ({
    name,
    reporter: reporterFactories[name](options),
  }));
  if (!chosen.some((r) => printsToStdio(r, err))) {
    chosen.unshift({ name: DEFAULT_REPORTER, reporter: reporterFactories[DEFAULT_REPORTER](options) });
  }
  return new MultiplexReporter(chosen, err);
}
