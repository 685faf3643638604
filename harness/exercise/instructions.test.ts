import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { instructionsFile } from "./instructions.ts";

describe("instructionsFile", () => {
  it("is README.ko.md for Korean when the exercise has it, README.md otherwise", () => {
    expect(instructionsFile("exercises/exercise-3", "ko")).toBe("README.ko.md");
    expect(instructionsFile("exercises/exercise-3", "en")).toBe("README.md");
    const untranslated = path.join(mkdtempSync(path.join(tmpdir(), "grade-readme-")), "exercise-3");
    cpSync("exercises/exercise-3", untranslated, { recursive: true, filter: (src) => !src.endsWith("README.ko.md") });
    expect(instructionsFile(untranslated, "ko")).toBe("README.md");
  });
});
