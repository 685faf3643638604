#!/usr/bin/env node
import { enableCompileCache } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { EXIT, InfrastructureError, UsageError } from "./errors.ts";
import { REPORTER_NAMES } from "./reporters/reporter-names.ts";
import { installInterruptHandlers, interrupting } from "./runner/teardown.ts";
import { PACKAGE_JSON } from "./package-info.ts";
import { LANGUAGES, isLanguage, languageFrom, setLanguage } from "./i18n/language.ts";
import { t } from "./i18n/messages.ts";

// Node keeps the compiled code of the modules below on disk for the next run: a learner runs
// `grade check` again and again, and loading the Kubernetes client is most of its time.
enableCompileCache();

// Each command's module is imported when the command runs, not before: `grade --help` and
// `grade list` must not pay for loading testcontainers and the Kubernetes client.
const commands = {
  run: () => import("./commands/run.ts"),
  start: () => import("./commands/start.ts"),
  check: () => import("./commands/check.ts"),
  stop: () => import("./commands/stop.ts"),
  node: () => import("./commands/node.ts"),
  list: () => import("./commands/list.ts"),
  validate: () => import("./commands/validate.ts"),
  init: () => import("./commands/init.ts"),
  batch: () => import("./commands/batch.ts"),
  selftest: () => import("./commands/selftest.ts"),
};

const collect = (value: string, previous: string[]) => [...previous, value];
const reporterOption = () =>
  new Option("--reporter <names>", `how to report: ${REPORTER_NAMES.join(", ")}; name=FILE sends one to a file (repeat or comma-separate)`).argParser(collect).default([]);
const outputOption = () => new Option("--output <file>", "the file of the one file-writing reporter (json, junit) that names none");
const kubeconfigOption = () => new Option("--kubeconfig <file>", "use this existing cluster instead of starting k3s");
const workOption = () => new Option("--work <dir>", "the learner's work folder (default: work/<exercise>)");

/** Builds the CLI; `run` receives the exit code (tests pass their own). */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command("grade")
    .description("Grades hands-on Kubernetes exercises on a real, throwaway k3s cluster.")
    .version(PACKAGE_JSON.version, "-V, --version", "print grade's version")
    // Read by main() before parsing, wherever it stands; declared here for --help.
    .option("--lang <language>", `the language grade speaks: ${LANGUAGES.join(", ")} (default: from the locale, LANG)`)
    .showHelpAfterError("(run `grade --help` for usage)")
    // A command's options are read before its subcommand only (`grade batch merge` has its own --out).
    .enablePositionalOptions()
    .exitOverride();
  const act =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      exit(await fn(...args));

  program
    .command("run <exercise>", { isDefault: true })
    .description("autograde: fresh cluster, run the learner's script, check, report, remove the cluster (also: grade <exercise>)")
    .addOption(workOption())
    .addOption(kubeconfigOption())
    .addOption(reporterOption())
    .addOption(outputOption())
    .action(act(async (exercise: string, o) => (await commands.run()).runCommand(exercise, o)));
  program
    .command("start <exercise>")
    .description("start a cluster with the exercise's starter deployed, and leave it running for you to work in")
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .action(act(async (exercise: string, o) => (await commands.start()).startCommand(exercise, o)));
  program
    .command("check [exercise]")
    .description("grade the running cluster: points per task, and why points were lost")
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .addOption(reporterOption())
    .addOption(outputOption())
    .action(act(async (exercise: string | undefined, o) => (await commands.check()).checkCommand(exercise, o)));
  program.command("stop").description("remove the cluster `grade start` made").action(act(async () => (await commands.stop()).stopCommand()));
  program
    .command("node <action> [name]")
    .description("list the nodes of the cluster `grade start` made, or stop/start one as a failure would (grade node stop k3s-agent-1)")
    .action(act(async (action: string, name: string | undefined) => (await commands.node()).nodeCommand(action, name)));
  program
    .command("list")
    .description("list the exercises")
    .option("--kinds", "list the check kinds exercise files may use")
    .action(act(async (o: { kinds?: boolean }) => (await commands.list()).listCommand(o)));
  program
    .command("validate [exercises...]")
    .description("check exercise files: ids, folders or exercise.yaml files (all under exercises/ when none is named)")
    .action(act(async (refs: string[]) => (await commands.validate()).validateCommand(refs)));
  program
    .command("init <exercises...>")
    .description("scaffold a GitHub Classroom assignment (template) repository: the exercises without solutions, a stub of the learner's work, the autograding workflow")
    .option("--dir <dir>", "where to write it", ".")
    .option("--force", "overwrite files that are already there")
    .option("--action <ref>", "the grade action the workflow uses (default: this version's, e.g. for a fork or a pinned commit)")
    .action(act(async (refs: string[], o: { dir: string; force?: boolean; action?: string }) => (await commands.init()).initCommand(refs, o)));
  const batch = program
    .command("batch <exercise> <submissions>")
    .description("grade a class: every subfolder of <submissions> is one learner's work, each graded in its own cluster, several at once; writes a gradebook")
    .option("--out <dir>", "the gradebook's folder: grades.csv, gradebook.json, learners/<learner>/", "gradebook")
    .option("--parallel <n>", "submissions graded at once (default: from the machine's cores and free memory)")
    .option("--shard <i/n>", "grade only the i-th of n parts of the class (a CI job matrix); join them with `grade batch merge`")
    .option("--timeout <duration>", "each submission's deadline, e.g. 20m (default: the exercise's script and ready limits + 10m)")
    .enablePositionalOptions()
    .action(act(async (exercise: string, submissions: string, o) => (await commands.batch()).batchCommand(exercise, submissions, o)));
  batch
    .command("merge <gradebooks...>")
    .description("join the gradebooks of a class's shards into one")
    .requiredOption("--out <dir>", "the merged gradebook's folder")
    .action(act(async (dirs: string[], o: { out: string }) => (await commands.batch()).mergeCommand(dirs, o)));
  program
    .command("selftest [exercises...]")
    .description("prove exercises fair on fresh clusters: the reference solution scores full marks, the untouched starter less, every lost point explained (all when none is named)")
    .action(act(async (exercises: string[]) => (await commands.selftest()).selftestCommand(exercises)));
  return program;
}

/** Runs the CLI and maps every outcome to an exit code: 0 full marks, 1 points lost, 2 usage, 3 infrastructure. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const { lang, rest } = takeLangOption(argv);
  if (lang !== undefined && !isLanguage(lang)) {
    // In the language the locale asks for: the one --lang names is not one grade speaks.
    setLanguage(languageFrom(undefined));
    process.stderr.write(`grade: ${t().errors.badLanguage({ language: lang, languages: LANGUAGES.join(", ") })}\n`);
    return EXIT.usage;
  }
  // Before the program is built: --help speaks the language too.
  setLanguage(languageFrom(lang));
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(rest, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // Ctrl-C pulled the cluster from under the run: the interrupt handler says so and exits.
    if (interrupting()) return new Promise<number>(() => {});
    if (e instanceof UsageError) {
      process.stderr.write(`grade: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InfrastructureError) {
      process.stderr.write(`grade: ${e.message}\n`);
      return EXIT.infrastructure;
    }
    process.stderr.write(`grade: ${t().progress.unexpectedFailure({ error: (e as Error).stack ?? String(e) })}\n`);
    return EXIT.infrastructure;
  }
}

/** `--lang X` or `--lang=X` anywhere on the command line (before or after the command). */
export function takeLangOption(argv: string[]): { lang?: string; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--lang") lang = argv[++i] ?? "";
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
    else rest.push(arg);
  }
  return { lang, rest };
}

if (import.meta.main) {
  installInterruptHandlers();
  // `grade run … | head`: a reader that goes away must not kill grade before it removes its cluster.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
  process.exitCode = await main(process.argv.slice(2));
}
