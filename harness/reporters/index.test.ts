import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Capture } from "./capture.ts";
import { createReporters, reporterFactories } from "./index.ts";
import { JsonReporter } from "./json.ts";
import { MultiplexReporter } from "./multiplex-reporter.ts";
import type { Reporter } from "./reporter.ts";
import { sampleReport } from "./sample-report.ts";

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
    expect(names(createReporters(["junit", "github"], { outputFile: join(dir, "j.xml") }))).toEqual([
      "list",
      "junit",
      "github",
    ]);
    expect(names(createReporters(["classroom"]))).toEqual(["list", "classroom"]);
    // json owns stdout when it has no file, so nothing else may print there.
    expect(names(createReporters(["json"]))).toEqual(["json"]);
    expect(names(createReporters(["json"], { outputFile: join(dir, "r.json") }))).toEqual(["list", "json"]);
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
      onRunEnd: (report) => void calls.push(`${tag} end ${report.points}`),
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
    await mux.onRunBegin({ exerciseId: report.exerciseId, title: report.title, taskCount: 3 });
    await mux.onCheckEnd(report.tasks[0]!, report.tasks[0]!.checks[0]!);
    await mux.onRunEnd(report);

    expect(calls).toEqual([
      "first begin exercise-4",
      "last begin exercise-4",
      "first check deployment exists",
      "last check deployment exists",
      "first end 3",
      "last end 3",
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
    const mux = createReporters(["junit"], { out, color: false, outputFile: "/dev/null/cannot-write.xml" }, err);
    await mux.onRunEnd(sampleReport());
    expect(out.text).toContain("Score: 3/7");
    expect(err.text).toMatch(/^reporter junit failed: .+\n$/);
  });
});

describe("json reporter", () => {
  it("prints the report as pretty JSON, or writes it to outputFile", () => {
    const out = new Capture();
    new JsonReporter({ out }).onRunEnd(sampleReport());
    expect(JSON.parse(out.text)).toEqual(sampleReport());
    expect(out.text).toContain('\n  "exerciseId": "exercise-4",\n');

    const file = join(mkdtempSync(join(tmpdir(), "grade-json-")), "out", "report.json");
    new JsonReporter({ outputFile: file, out }).onRunEnd(sampleReport());
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(sampleReport());
  });
});
