import { mkdtempSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../cli.ts";
import { EXIT } from "../errors.ts";

// `grade batch` mistakes a user can make, through the CLI: each a usage error (2) that says what
// to do, found before any cluster would start.
let stderr = "";
let stdout = "";
beforeEach(() => {
  stderr = "";
  stdout = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += stripVTControlCharacters(String(chunk))), true));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += stripVTControlCharacters(String(chunk))), true));
});
afterEach(() => vi.restoreAllMocks());

const someClass = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "grade-class-"));
  mkdirSync(path.join(root, "alice"));
  return root;
};

describe("grade batch (cli)", () => {
  it("is listed in --help, with merge under it", async () => {
    expect(await main(["--help"])).toBe(EXIT.ok);
    expect(stdout).toMatch(/^\s+batch \[options\] <exercise> <submissions>/m);
    stdout = "";
    expect(await main(["batch", "--help"])).toBe(EXIT.ok);
    expect(stdout).toMatch(/^\s+merge \[options\] <gradebooks\.\.\.>/m);
  });

  it("names a submissions folder that is not there", async () => {
    expect(await main(["batch", "exercise-3", "/nonexistent/class"])).toBe(EXIT.usage);
    expect(stderr).toContain("grade: no submissions folder /nonexistent/class: give the folder that holds one subfolder per learner");
  });

  it.each([
    [["--parallel", "0"], "--parallel 0: expected a whole number of submissions to grade at once, 1 or more"],
    [["--shard", "3/2"], "--shard 3/2: expected I/N with 1 ≤ I ≤ N"],
    [["--timeout", "soon"], "--timeout soon: expected a duration such as 90s or 20m"],
  ])("refuses %j, saying what it expects", async (args, message) => {
    expect(await main(["batch", "exercise-3", someClass(), ...args])).toBe(EXIT.usage);
    expect(stderr).toContain(`grade: ${message}`);
  });

  it("merge needs --out, and folders that are gradebooks", async () => {
    expect(await main(["batch", "merge", "a"])).toBe(EXIT.usage);
    expect(stderr).toContain("required option '--out <dir>' not specified");
    expect(await main(["batch", "merge", "/nonexistent/shard-1", "--out", path.join(mkdtempSync(path.join(os.tmpdir(), "m-")), "out")])).toBe(EXIT.usage);
    expect(stderr).toContain("grade: /nonexistent/shard-1 is not a gradebook: it has no gradebook.json");
  });
});
