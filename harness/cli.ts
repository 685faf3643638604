#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { EXIT, InfrastructureError, UsageError } from "./errors.ts";
import { checkCommand } from "./commands/check.ts";
import { listCommand } from "./commands/list.ts";
import { runCommand } from "./commands/run.ts";
import { selftestCommand } from "./commands/selftest.ts";
import { startCommand } from "./commands/start.ts";
import { stopCommand } from "./commands/stop.ts";
import { validateCommand } from "./commands/validate.ts";
import { reporterFactories } from "./reporters/index.ts";

const collect = (value: string, previous: string[]) => [...previous, value];
const reporterOption = () =>
  new Option("--reporter <names>", `how to report: ${Object.keys(reporterFactories).join(", ")} (repeat or comma-separate)`).argParser(collect).default([]);
const outputOption = () => new Option("--output <file>", "where file-writing reporters (json, junit) write");
const kubeconfigOption = () => new Option("--kubeconfig <file>", "use this existing cluster instead of starting k3s");
const workOption = () => new Option("--work <dir>", "the learner's work folder (default: work/<exercise>)");

/** Builds the CLI; `run` receives the exit code (tests pass their own). */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command("grade")
    .description("Grades hands-on Kubernetes exercises on a real, throwaway k3s cluster.")
    .showHelpAfterError("(run `grade --help` for usage)")
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
    .action(act((exercise: string, o) => runCommand(exercise, o)));
  program
    .command("start <exercise>")
    .description("start a cluster with the exercise's starter deployed, and leave it running for you to work in")
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .action(act((exercise: string, o) => startCommand(exercise, o)));
  program
    .command("check [exercise]")
    .description("grade the running cluster: points per task, and why points were lost")
    .addOption(kubeconfigOption())
    .addOption(workOption())
    .addOption(reporterOption())
    .addOption(outputOption())
    .action(act((exercise: string | undefined, o) => checkCommand(exercise, o)));
  program.command("stop").description("remove the cluster `grade start` made").action(act(() => stopCommand()));
  program
    .command("list")
    .description("list the exercises")
    .option("--kinds", "list the check kinds exercise files may use")
    .action(act((o: { kinds?: boolean }) => listCommand(o)));
  program
    .command("validate [paths...]")
    .description("check exercise files (all under exercises/ when none is named)")
    .action(act((paths: string[]) => validateCommand(paths)));
  program
    .command("selftest [exercises...]")
    .description("prove exercises fair on fresh clusters: the reference solution scores full marks, the untouched starter less, every lost point explained (all when none is named)")
    .action(act((exercises: string[]) => selftestCommand(exercises)));
  return program;
}

/** Runs the CLI and maps every outcome to an exit code: 0 full marks, 1 points lost, 2 usage, 3 infrastructure. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      process.stderr.write(`grade: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InfrastructureError) {
      process.stderr.write(`grade: ${e.message}\n`);
      return EXIT.infrastructure;
    }
    process.stderr.write(`grade: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.infrastructure;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
