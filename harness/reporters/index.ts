import { ClassroomReporter } from "./classroom.ts";
import { GithubReporter } from "./github.ts";
import { JsonReporter } from "./json.ts";
import { JunitReporter } from "./junit.ts";
import { MultiplexReporter, printsToStdio, type NamedReporter } from "./multiplex-reporter.ts";
import type { Reporter, ReporterOptions } from "./reporter.ts";
import { REPORTER_NAMES, type ReporterName } from "./reporter-names.ts";
import { parseReporterSpecs } from "./reporter-spec.ts";
import { TerminalReporter } from "./terminal.ts";
import { t } from "../i18n/messages.ts";

export type { Reporter, ReporterOptions } from "./reporter.ts";
export { MultiplexReporter } from "./multiplex-reporter.ts";

export type ReporterFactory = (options: ReporterOptions) => Reporter;

/**
 * Every reporter `--reporter` accepts, by name, and what `name=FILE` sends to FILE. An explicit
 * list: no discovery.
 */
export const reporterFactories = {
  list: (options) => new TerminalReporter(options), // FILE: the text, instead of stdout
  json: (options) => new JsonReporter(options), // FILE: the report, instead of stdout
  junit: (options) => new JunitReporter(options), // FILE: instead of .grade/junit.xml
  github: (options) => new GithubReporter(options), // FILE: the step summary, instead of GITHUB_STEP_SUMMARY
  classroom: (options) => new ClassroomReporter(options), // FILE: result=…, instead of GITHUB_OUTPUT
} as const satisfies Record<ReporterName, ReporterFactory>;

export const DEFAULT_REPORTER: ReporterName = "list";

/** Reporters whose main output is a file or stdout, so a shared `--output FILE` is theirs. */
const FILE_REPORTERS: readonly ReporterName[] = ["json", "junit"];

const isReporterName = (name: string): name is ReporterName => (REPORTER_NAMES as readonly string[]).includes(name);

/**
 * Builds the reporters named by `--reporter` (`list,junit=reports/junit.xml`). `output` (the
 * `--output` option) goes to the one file-writing reporter that names no file of its own; two
 * would overwrite each other, and none would leave it unwritten, so both are refused. Adds `list` when none of them prints to the
 * terminal, so a learner is never left with a silent run.
 */
export function createReporters(
  values: string[],
  options: Omit<ReporterOptions, "outputFile"> & { output?: string } = {},
  err: NodeJS.WritableStream = process.stderr,
): MultiplexReporter {
  const specs = parseReporterSpecs(values);
  const unknown = specs.filter((s) => !isReporterName(s.name));
  if (unknown.length > 0) {
    throw new Error(t().report.unknownReporter({ names: unknown.map((s) => `"${s.name}"`).join(", "), known: REPORTER_NAMES.join(", ") }));
  }
  if (options.output !== undefined) {
    const takers = specs.filter((s) => s.outputFile === undefined && FILE_REPORTERS.includes(s.name as ReporterName));
    if (takers.length === 0) throw new Error(t().report.outputUnused({ file: options.output }));
    if (takers.length > 1) {
      const names = takers.map((s) => s.name).join(t().report.and);
      throw new Error(t().report.sameOutput({ names, file: options.output, example: takers.map((s, i) => `${s.name}=report-${i + 1}`).join(",") }));
    }
    for (const s of takers) s.outputFile = options.output;
  }
  const { output: _output, ...shared } = options;
  const chosen: NamedReporter[] = (specs.length > 0 ? specs : [{ name: DEFAULT_REPORTER }]).map((s) => ({
    name: s.outputFile ? `${s.name}=${s.outputFile}` : s.name,
    reporter: reporterFactories[s.name as ReporterName]({ ...shared, outputFile: s.outputFile }),
  }));
  if (!chosen.some((r) => printsToStdio(r, err))) {
    chosen.unshift({ name: DEFAULT_REPORTER, reporter: reporterFactories[DEFAULT_REPORTER](shared) });
  }
  return new MultiplexReporter(chosen, err);
}
