import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { mergeGradebooks } from "./merge.ts";
import { readGradebook } from "./gradebook.ts";
import { runBatch, type BatchOptions } from "./run-batch.ts";
import { parseShard } from "./shard.ts";
import type { Behaviour } from "./testdata/stand-in-grade.ts";
import { STAND_IN_GRADE, TWO_TASKS, TWO_TASKS_REF, classFolder } from "./testdata/class.ts";

// The whole batch on real files and real child processes, with the stand-in grade (no Docker).
const noDocker = { check: async () => {}, removeRun: async () => 0 };
const sink = () => Object.assign(new PassThrough().resume(), { isTTY: false }) as unknown as NodeJS.WriteStream;
const options = (out: string, over: Partial<BatchOptions> = {}): BatchOptions => ({
  out,
  parallel: 2,
  command: STAND_IN_GRADE,
  docker: noDocker,
  progressStream: sink(),
  summaryStream: sink(),
  ...over,
});
const tmp = (name: string) => path.join(mkdtempSync(path.join(os.tmpdir(), "grade-batch-")), name);

const CLASS = {
  ada: { tasks: { "task-a": 5, "task-b": 5 } },
  bo: { tasks: { "task-a": 5, "task-b": 0 }, exitCode: 1, diagnostics: ["solution.sh exited with 2"] },
  cy: "no-script",
  di: { crash: "unexpected failure: boom" },
  ed: { tasks: { "task-a": 2.5, "task-b": 1.25 }, exitCode: 1 },
} satisfies Record<string, Behaviour | "no-script">;

describe("runBatch", () => {
  it("grades every submission and writes the gradebook: a CSV row each, the JSON, each learner's folder", async () => {
    const out = tmp("gradebook");
    const book = await runBatch(TWO_TASKS_REF, classFolder(CLASS), options(out));
    expect(book.learners.map((r) => [r.learner, r.status, r.points])).toEqual([
      ["ada", "graded", 10],
      ["bo", "graded", 5],
      ["cy", "no-script", 0],
      ["di", "crashed", undefined],
      ["ed", "graded", 3.75],
    ]);
    const csv = readFileSync(path.join(out, "grades.csv"), "utf8");
    const rows = csv.trimEnd().split("\r\n").map((line) => line.split(",").filter((_, i) => i !== 6)); // the seconds vary
    expect(rows).toEqual([
      ["learner", "points", "max", "task-a", "task-b", "status", "note"],
      ["ada", "10", "10", "5", "5", "graded", ""],
      ["bo", "5", "10", "5", "0", "graded", "solution.sh exited with 2"],
      ["cy", "0", "10", "0", "0", "no-script", "no work/two-tasks/solution.sh and no solution.sh in the submission"],
      ["di", "", "10", "", "", "crashed", "grade run exited with 3 without a result: unexpected failure: boom"],
      ["ed", "3.75", "10", "2.5", "1.25", "graded", ""],
    ]);
    expect(await readGradebook(out)).toEqual(book);
    for (const learner of Object.keys(CLASS)) expect(existsSync(path.join(out, "learners", learner, "grade.log"))).toBe(true);
  });

  it("prints the summary table, naming what could not be graded", async () => {
    const summary = new PassThrough();
    let text = "";
    summary.on("data", (d: Buffer) => (text += d.toString()));
    const out = tmp("gradebook");
    await runBatch(TWO_TASKS_REF, classFolder(CLASS), options(out, { summaryStream: summary }));
    expect(text).toMatch(/^ada\s+10\/10\s+graded\s+\d+s$/m);
    expect(text).toMatch(/^di\s+–\s+crashed\s+\d+s\s+grade run exited with 3 without a result: unexpected failure: boom$/m);
    expect(text).toContain("5 submissions · 4 graded (1 without a script) · 1 not graded · mean 4.69/10");
    expect(text).toContain(`Not graded: di (crashed). What happened is in their grade.log`);
  });

  it("refuses to write a gradebook over a folder holding other files", async () => {
    const out = path.dirname(TWO_TASKS); // the fixture's own folder
    await expect(runBatch(TWO_TASKS_REF, classFolder(CLASS), options(out))).rejects.toThrow(`${out} already holds other files: choose an empty or new folder with --out`);
  });
});

describe("shards and their merge", () => {
  it("two shards, merged, make the gradebook of the whole class", async () => {
    const submissions = classFolder(CLASS);
    const whole = await runBatch(TWO_TASKS_REF, submissions, options(tmp("whole")));
    const [first, second] = [tmp("shard-1"), tmp("shard-2")];
    const one = await runBatch(TWO_TASKS_REF, submissions, options(first, { shard: parseShard("1/2") }));
    const two = await runBatch(TWO_TASKS_REF, submissions, options(second, { shard: parseShard("2/2") }));
    expect(one.learners.map((r) => r.learner)).toEqual(["ada", "cy", "ed"]);
    expect(two.learners.map((r) => r.learner)).toEqual(["bo", "di"]);

    const out = tmp("merged");
    const merged = await mergeGradebooks([second, first], out);
    const gist = (rows: typeof whole.learners) => rows.map(({ learner, status, points, taskPoints, note }) => ({ learner, status, points, taskPoints, note }));
    expect(gist(merged.learners)).toEqual(gist(whole.learners));
    expect(merged.shard).toBeUndefined();
    expect(merged.class).toEqual(["ada", "bo", "cy", "di", "ed"]);
    for (const learner of Object.keys(CLASS)) expect(existsSync(path.join(out, "learners", learner, "grade.log"))).toBe(true);
    expect(readFileSync(path.join(out, "grades.csv"), "utf8").split("\r\n")[0]).toBe("learner,points,max,task-a,task-b,status,seconds,note");
  });

  it("lists the learners of a shard that never arrived as missing, naming the shard", async () => {
    const submissions = classFolder(CLASS);
    const first = tmp("shard-1");
    await runBatch(TWO_TASKS_REF, submissions, options(first, { shard: parseShard("1/2") }));
    const merged = await mergeGradebooks([first], tmp("merged"));
    expect(merged.learners.filter((r) => r.status === "missing").map((r) => [r.learner, r.note])).toEqual([
      ["bo", "shard 2/2 left no gradebook: grade it again"],
      ["di", "shard 2/2 left no gradebook: grade it again"],
    ]);
  });

  it("refuses a shard given twice, a folder that is no gradebook, another exercise's gradebook, and --out among the inputs", async () => {
    const submissions = classFolder(CLASS);
    const first = tmp("shard-1");
    await runBatch(TWO_TASKS_REF, submissions, options(first, { shard: parseShard("1/2") }));
    const copy = tmp("copy");
    await mergeGradebooks([first], copy); // the same learners again, as a whole class
    await expect(mergeGradebooks([first, copy], tmp("m"))).rejects.toThrow(`ada is graded in both ${first} and ${copy}: was one shard given twice?`);
    await expect(mergeGradebooks([path.dirname(TWO_TASKS)], tmp("m"))).rejects.toThrow(`${path.dirname(TWO_TASKS)} is not a gradebook: it has no gradebook.json`);
    await expect(mergeGradebooks([first], first)).rejects.toThrow(`--out ${first} is one of the gradebooks being merged`);

    const other = await readGradebook(first);
    const { writeGradebook } = await import("./gradebook.ts");
    const otherDir = tmp("other");
    await writeGradebook(otherDir, { ...other, exercise: { ...other.exercise, id: "exercise-9" }, learners: [] });
    await expect(mergeGradebooks([first, otherDir], tmp("m"))).rejects.toThrow(`${otherDir} grades exercise-9 with other tasks than ${first} (two-tasks): only gradebooks of the same exercise merge`);
  });
});
