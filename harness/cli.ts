#!/usr/bin/env node
import { enableCompileCache } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { EXIT, InfrastructureError, UsageError } from "./errors.ts";
import { REPORTER_NAMES } from "./reporters/reporter-names.ts";
import { installInterruptHandlers, interrupting } from "./runner/teardown.ts";
import { PACKAGE_JSON } from "./package-info.ts";
import { LANGUAGES, isLanguage, languageFrom, setLanguage } from "./i18n/language.ts";
import { t } from "./i18n/messages.ts";
import { speakTheLanguage } from "./i18n/commander.ts";

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
const reporterOption = () => new Option("--reporter <names>", t().help.reporter({ names: REPORTER_NAMES.join(", ") })).argParser(collect).default([]);
const outputOption = () => new Option("--output <file>", t().help.output);
const kubeconfigOption = () => new Option("--kubeconfig <file>", t().help.kubeconfig);
const workOption = () => new Option("--work <dir>", t().help.work);

/** Builds the CLI in the language grade speaks; `run` receives the exit code (tests pass their own). */
export function buildProgram(exit: (code: number) => void): Command {
  const say = t().help;
  const program = speakTheLanguage(new Command("grade"))
    .description(say.program)
    .version(PACKAGE_JSON.version, "-V, --version", say.version)
    // Read by main() before parsing, wherever it stands; declared here for --help.
    .option("--lang <language>", say.lang({ languages: LANGUAGES.join(", ") }))
    .showHelpAfterError(say.afterError)
    // A command's options are read before its subcommand only (`grade batch merge` has its own --out).
    .enablePositionalOptions()
    .exitOverride();
  const act =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      exit(await fn(...args));

  program
    .command("run <exercise>", { isDefault: true })
    .description(say.run)
    .addOption(workOption())
    .addOption(kubeconfigOption())
    .addOption(reporterOption())
    .addOption(outputOption())
    .action(act(async (exercise: string, o) => (await commands.run()).runCommand(exercise, o)));
  program
    .command("start <exercise>")
    .description(say.start)
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .action(act(async (exercise: string, o) => (await commands.start()).startCommand(exercise, o)));
  program
    .command("check [exercise]")
    .description(say.check)
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .addOption(reporterOption())
    .addOption(outputOption())
    .action(act(async (exercise: string | undefined, o) => (await commands.check()).checkCommand(exercise, o)));
  program.command("stop").description(say.stop).action(act(async () => (await commands.stop()).stopCommand()));
  program
    .command("node <action> [name]")
    .description(say.node)
    .action(act(async (action: string, name: string | undefined) => (await commands.node()).nodeCommand(action, name)));
  program
    .command("list")
    .description(say.list)
    .option("--kinds", say.listKinds)
    .action(act(async (o: { kinds?: boolean }) => (await commands.list()).listCommand(o)));
  program
    .command("validate [exercises...]")
    .description(say.validate)
    .action(act(async (refs: string[]) => (await commands.validate()).validateCommand(refs)));
  program
    .command("init <exercises...>")
    .description(say.init)
    .option("--dir <dir>", say.initDir, ".")
    .option("--force", say.initForce)
    .option("--action <ref>", say.initAction)
    .action(act(async (refs: string[], o: { dir: string; force?: boolean; action?: string }) => (await commands.init()).initCommand(refs, o)));
  const batch = program
    .command("batch <exercise> <submissions>")
    .description(say.batch)
    .option("--out <dir>", say.batchOut, "gradebook")
    .option("--parallel <n>", say.batchParallel)
    .option("--shard <i/n>", say.batchShard)
    .option("--timeout <duration>", say.batchTimeout)
    .enablePositionalOptions()
    .action(act(async (exercise: string, submissions: string, o) => (await commands.batch()).batchCommand(exercise, submissions, o)));
  batch
    .command("merge <gradebooks...>")
    .description(say.merge)
    .requiredOption("--out <dir>", say.mergeOut)
    .action(act(async (dirs: string[], o: { out: string }) => (await commands.batch()).mergeCommand(dirs, o)));
  program
    .command("selftest [exercises...]")
    .description(say.selftest)
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
