// A stand-in for the grade CLI in batch tests, so they run without Docker: it takes what
// `grade batch` passes (`run <exercise> --work DIR --reporter json=FILE`) and does what
// DIR/behaviour.json says, as a real `grade run` could: grade, crash, hang, take a turn on the
// host's ports, or leave a learner process behind. Without that file (no work): 0 points.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { takeHostPortTurn } from "../host-port-turn.ts";

export interface Behaviour {
  /** Points per task id; the report says graded. */
  tasks?: Record<string, number>;
  diagnostics?: string[];
  exitCode?: number;
  /** Print `grade: <crash>` and exit 3 without a report. */
  crash?: string;
  /** Never finish; with ignoreSigterm, not even on SIGTERM. */
  hang?: boolean;
  ignoreSigterm?: boolean;
  /** On SIGTERM, take this long to clean up before exiting, as grade does removing its cluster; the rest goes on meanwhile. */
  cleanupMs?: number;
  /** Take a turn on the host's ports, note when it started and ended in this file, hold it this long. */
  turnLog?: string;
  holdMs?: number;
  /** Start a process in a group of its own, as a learner script is, and write its pid to work/leftover.pid. */
  leaveProcess?: boolean;
}

const args = process.argv.slice(2);
const work = args[args.indexOf("--work") + 1]!;
const reportFile = args[args.indexOf("--reporter") + 1]!.replace(/^json=/, "");
const file = path.join(work, "behaviour.json");
const b: Behaviour = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Behaviour) : { tasks: { "task-a": 0, "task-b": 0 }, exitCode: 1 };

const report = (outcome: string, extra: object) => writeFileSync(reportFile, JSON.stringify({ outcome, exerciseId: "stand-in", ...extra }, null, 2));

process.on("SIGTERM", () => {
  if (b.ignoreSigterm) return;
  report("interrupted", { reason: "interrupted by SIGTERM", points: 0, maxPoints: 10, tasks: [] });
  setTimeout(() => process.exit(143), b.cleanupMs ?? 0);
});

process.stdout.write(`stand-in grade run in ${work}\n`);
if (b.leaveProcess) {
  const child = spawn("sleep", ["300"], { detached: true, stdio: "ignore", env: { ...process.env, GRADE_WORK_DIR: path.resolve(work) } });
  writeFileSync(path.join(work, "leftover.pid"), String(child.pid));
  child.unref();
}
if (b.crash !== undefined) {
  process.stderr.write(`grade: ${b.crash}\n`);
  process.exit(3);
}
if (b.hang) setInterval(() => {}, 1_000);
else {
  if (b.turnLog !== undefined) {
    const release = await takeHostPortTurn();
    appendFileSync(b.turnLog, `start ${path.basename(path.dirname(work))} ${Date.now()}\n`);
    await new Promise((r) => setTimeout(r, b.holdMs ?? 200));
    appendFileSync(b.turnLog, `end ${path.basename(path.dirname(work))} ${Date.now()}\n`);
    release();
  }
  const tasks = Object.entries(b.tasks ?? {}).map(([id, points]) => ({ id, points }));
  report("graded", { tasks, points: tasks.reduce((s, t) => s + t.points, 0), maxPoints: 10, diagnostics: b.diagnostics ?? [] });
  process.exitCode = b.exitCode ?? 0;
}
