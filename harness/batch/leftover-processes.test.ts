import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { killLeftoverProcesses } from "./leftover-processes.ts";

const started: number[] = [];
const sleeper = (workDir: string) => {
  const child = spawn("sleep", ["60"], { env: { ...process.env, GRADE_WORK_DIR: workDir }, stdio: "ignore" });
  started.push(child.pid!);
  return child;
};

describe("killLeftoverProcesses (real processes, Linux /proc)", () => {
  afterEach(() => {
    for (const pid of started.splice(0)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
  });

  it.skipIf(process.platform !== "linux")("kills what a learner's script left, by its work folder, even a Korean one, and nothing else", async () => {
    const theirs = sleeper("/tmp/gradebook/learners/김민준/work");
    const another = sleeper("/tmp/gradebook/learners/김민준-2/work");
    const exited = new Promise((resolve) => theirs.on("exit", (_code, signal) => resolve(signal)));
    expect(killLeftoverProcesses("/tmp/gradebook/learners/김민준/work")).toEqual([theirs.pid]);
    expect(await exited).toBe("SIGKILL");
    expect(another.exitCode).toBeNull();
    expect(another.signalCode).toBeNull();
  });
});
