import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { findSubmissions } from "./submissions.ts";

const exercise = { id: "exercise-3", script: "solution.sh" };

function classFolder(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "grade-class-"));
  for (const file of files) {
    const full = path.join(root, file);
    if (file.endsWith("/")) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, "#!/usr/bin/env bash\n");
    }
  }
  return root;
}

describe("findSubmissions", () => {
  it("tells a repository clone (work/<exercise>/) from a folder holding the script, and from one with nothing to grade", async () => {
    const root = classFolder(["repo/work/exercise-3/solution.sh", "repo/README.md", "folder/solution.sh", "empty-repo/work/exercise-1/solution.sh", "nothing/"]);
    const subs = await findSubmissions(root, exercise);
    expect(subs.map((s) => [s.learner, s.layout, s.hasScript, s.workDir && path.relative(root, s.workDir)])).toEqual([
      ["empty-repo", "nothing-to-grade", false, undefined],
      ["folder", "work-folder", true, "folder"],
      ["nothing", "nothing-to-grade", false, undefined],
      ["repo", "repository", true, path.join("repo", "work", "exercise-3")],
    ]);
  });

  it("counts a repository whose exercise folder has no script as a submission without one", async () => {
    const root = classFolder(["alice/work/exercise-3/answers.yaml"]);
    expect(await findSubmissions(root, exercise)).toMatchObject([{ learner: "alice", layout: "repository", hasScript: false }]);
  });

  it("skips files, hidden folders and the gradebook's own folder; sorts by name the same way everywhere", async () => {
    const root = classFolder(["b/solution.sh", "B/solution.sh", "a/solution.sh", ".git/", "notes.txt", "gradebook/"]);
    const subs = await findSubmissions(root, exercise, { exclude: [path.join(root, "gradebook")] });
    expect(subs.map((s) => s.learner)).toEqual(["B", "a", "b"]);
  });

  it("says what it expects when the folder is missing or holds no submission", async () => {
    await expect(findSubmissions("/nonexistent/class", exercise)).rejects.toThrow(UsageError);
    await expect(findSubmissions("/nonexistent/class", exercise)).rejects.toThrow("no submissions folder /nonexistent/class: give the folder that holds one subfolder per learner");
    const empty = classFolder(["notes.txt"]);
    await expect(findSubmissions(empty, exercise)).rejects.toThrow(`${empty} holds no submissions: put each learner's work in a subfolder of its own`);
  });
});
