import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Capture } from "./capture.ts";
import { createReporters, reporterFactories } from "./index.ts";
import { JsonReporter } from "./json.ts";
import { MultiplexReporter } from "./multiplex-reporter.ts";
import type { Reporter } from "./reporter.ts";
import { graded, sampleReport } from "./sample-report.ts";

const names = (m: MultiplexReporter) => m.reporters.map((r) => r.name);

describe("createReporters", () => {
  it("knows exactly the reporters of the name map", () => {
    expect(Object.keys(reporterFactories)).toEqual(["list", "json", "junit", "github", "classroom"]);
  });

  it("defaults to list and accepts comma-separated names, once each", () => {
    expect(names(createReporters([]))).toEqual(["list"]);
    expect(names(createReporters(["list,json", " json "]))).toEqual(["list", "json"]);
  });

  it("adds list when no chosen reporter prints to the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "grade-index-"));
    expect(names(createReporters(["junit", "github"], { output: join(dir, "j.xml") }))).toEqual([
      "list",
      `junit=${join(dir, "j.xml")}`,
      "github",
    ]);
    expect(names(createReporters(["classroom"]))).toEqual(["list", "classroom"]);
    // json owns stdout when it has no file, so nothing else may print there.
    expect(names(createReporters(["json"]))).toEqual(["json"]);
    expect(names(createReporters(["json"], { output: join(dir, "r.json") }))).toEqual(["list", `json=${join(dir, "r.json")}`]);
    // list=FILE writes to a file, so the terminal still gets its own list.
    expect(names(createReporters(["list=out.txt"]))).toEqual(["list", "list=out.txt"]);
  });

  it("gives each reporter its own output file: name=FILE", () => {
    expect(names(createReporters(["junit=reports/junit.xml,json=out.json", "classroom"]))).toEqual(["list", "junit=reports/junit.xml", "json=out.json", "classroom"]);
  });

  it("refuses one --output for two file-writing reporters, which would overwrite each other", () => {
    expect(() => createReporters(["json,junit"], { output: "f" })).toThrow("json and junit would both write f: give each its own file, e.g. --reporter json=report-1,junit=report-2.");
    // One of them with its own file: --output is the other's.
    expect(names(createReporters(["json,junit=j.xml"], { output: "f" }))).toEqual(["list", "json=f", "junit=j.xml"]);
  });

  it("refuses --output when no file-writing reporter would take it, rather than ignore it", () => {
    const unused = "--output f is where json or junit writes, but no reporter chosen would write it: add one, e.g. --reporter json, or drop --output.";
    expect(() => createReporters([], { output: "f" })).toThrow(unused);
    expect(() => createReporters(["list,github,classroom"], { output: "f" })).toThrow(unused);
    // Every file-writing reporter already has a file of its own.
    expect(() => createReporters(["json=r.json,junit=j.xml"], { output: "f" })).toThrow(unused);
  });

  it("names the unknown reporter and the known ones", () => {
    expect(() => createReporters(["list", "junt"])).toThrow(
      'Unknown reporter "junt": use one or more of list, json, junit, github, classroom.',
    );
  });
});

describe("MultiplexReporter", () => {
  it("forwards every hook and survives a reporter that throws", async () => {
    const calls: string[] = [];
    const recorder = (tag: string): Reporter => ({
      onRunBegin: (info) => void calls.push(`${tag} begin ${info.exerciseId}`),
      onCheckEnd: async (_task, check) => void calls.push(`${tag} check ${check.name}`),
      onError: (error) => void calls.push(`${tag} error ${error.message}`),
      onRunEnd: (end) => void calls.push(`${tag} end ${end.outcome} ${end.report?.points}`),
    });
    const crashing: Reporter = {
      printsToStdio: () => {
        throw new Error("cannot tell");
      },
      onRunBegin: () => {
        throw new Error("disk full\nstack…");
      },
      onCheckEnd: () => Promise.reject(new Error("async boom")),
      onRunEnd: () => {
        throw "not even an Error";
      },
    };
    const err = new Capture();
    const mux = new MultiplexReporter(
      [
        { name: "first", reporter: recorder("first") },
        { name: "broken", reporter: crashing },
        { name: "last", reporter: recorder("last") },
        { name: "empty", reporter: {} },
      ],
      err,
    );
    const report = sampleReport();

    expect(mux.printsToStdio()).toBe(false);
    await mux.onRunBegin({ exerciseId: report.exerciseId, title: report.title, file: report.file, tasks: [] });
    await mux.onCheckEnd(report.tasks[0]!, report.tasks[0]!.checks[0]!);
    await mux.onError({ message: "the cluster could not be removed", fatal: false });
    await mux.onRunEnd(graded(report));

    expect(calls).toEqual([
      "first begin exercise-4",
      "last begin exercise-4",
      "first check deployment exists",
      "last check deployment exists",
      "first error the cluster could not be removed",
      "last error the cluster could not be removed",
      "first end graded 3",
      "last end graded 3",
    ]);
    expect(mux.crashes).toEqual([
      "reporter broken failed: disk full",
      "reporter broken failed: async boom",
      "reporter broken failed: not even an Error",
    ]);
    expect(err.text).toBe(
      [
        "reporter broken failed: cannot tell",
        "reporter broken failed: disk full",
        "reporter broken failed: async boom",
        "reporter broken failed: not even an Error",
        "",
      ].join("\n"),
    );
  });

  it("still prints the terminal report when another chosen reporter crashes", async () => {
    const out = new Capture();
    const err = new Capture();
    const mux = createReporters(["junit=/dev/null/cannot-write.xml"], { out, color: false }, err);
    await mux.onRunEnd(graded(sampleReport()));
    expect(out.text).toContain("Score: 3/7");
    expect(err.text).toMatch(/^reporter junit=\/dev\/null\/cannot-write.xml failed: .+\n$/);
    expect(mux.crashes).toHaveLength(1);
  });
});

describe("json reporter", () => {
  it("prints the report as pretty JSON, or writes it to outputFile", () => {
    const out = new Capture();
    new JsonReporter({ out }).onRunEnd(graded(sampleReport()));
    expect(JSON.parse(out.text)).toEqual({ outcome: "graded", ...sampleReport() });
    expect(out.text).toContain('{\n  "outcome": "graded",\n  "exerciseId": "exercise-4",\n');

    const file = join(mkdtempSync(join(tmpdir(), "grade-json-")), "out", "report.json");
    new JsonReporter({ outputFile: file, out }).onRunEnd(graded(sampleReport()));
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ outcome: "graded", ...sampleReport() });
  });

  it("says why a run did not grade, with or without a report", () => {
    const out = new Capture();
    new JsonReporter({ out }).onRunEnd({ outcome: "usage-error", reason: 'no exercise "nope"' });
    expect(JSON.parse(out.text)).toEqual({ outcome: "usage-error", reason: 'no exercise "nope"' });
  });
});
