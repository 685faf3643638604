import { existsSync } from "node:fs";
import path from "node:path";
import type { Language } from "../i18n/language.ts";

/**
 * The file name of an exercise's learner instructions in a language: README.<language>.md when the
 * exercise has it (README.ko.md), else README.md, which every exercise has.
 */
export function instructionsFile(exerciseDir: string, language: Language): string {
  const translated = `README.${language}.md`;
  return language !== "en" && existsSync(path.join(exerciseDir, translated)) ? translated : "README.md";
}
