import { spawn } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const CLI = path.join(REPO_ROOT, "harness/cli.ts");

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * The environment commands run in: this test's Node first on PATH (for npm, npx and bins), no
 * colours, and an English locale whatever the machine's (tests that want Korean say so).
 */
function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, ...inherited } = process.env;
  return { ...inherited, LANG: "C.UTF-8", NO_COLOR: "1", PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, ...extra };
}

/** Runs a command to its end, output captured. */
export function runCommand(command: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: o.cwd ?? REPO_ROOT,
      env: testEnv(o.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}

export type CliRun = Finished;

/** Runs the grade CLI as users do (a separate Node process), from the repo root unless told otherwise. */
export function runCli(args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return runCommand(process.execPath, [CLI, ...args], o);
}
