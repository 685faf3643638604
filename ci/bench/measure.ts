import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Runs a command to its end; returns its wall time in ms, exit code and output. Plain English
 * output (no colours, the C locale): the benchmark reads grade's lines, whatever the machine's locale.
 */
export function timed(command: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: o.cwd, env: { ...process.env, NO_COLOR: "1", LC_ALL: "C.UTF-8", ...o.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
  });
}

export const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One line of the benchmark's table: what, the measured value, the target, and whether it is met. */
export function targetLine(what: string, measured: string, target: string, met: boolean, runs: string): string {
  return `${met ? "✓" : "✗"} ${what.padEnd(44)} ${measured.padStart(9)}   target ${target.padEnd(8)} ${runs}`;
}

/**
 * CPU time the whole machine spent busy so far, in ms (Linux: /proc/stat), or undefined where it
 * cannot be read. A cluster's work is mostly in the container engine and the node's own
 * processes, not in grade's: only the machine's total tells what one run costs.
 */
export function machineBusyMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync("/proc/stat", "utf8");
  } catch {
    return undefined;
  }
  // cpu  user nice system idle iowait irq softirq ...: in clock ticks, 100 a second on Linux.
  const [user, nice, system, , , irq, softirq] = stat.split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq!) * 10;
}
