import { existsSync } from "node:fs";
import path from "node:path";
import type { Language } from "../i18n/language.ts";

/**
 * The file name an exercise gives its learner instructions in a language: README.md in English,
 * which every exercise has, README.<language>.md (README.ko.md) in the others.
 */
export function readmeFile(language: Language): string {
  return language === "en" ? "README.md" : `README.${language}.md`;
}

/**
 * The file name of an exercise's learner instructions in a language: its own README when the
 * exercise has it (README.ko.md), else the English README.md.
 */
export function instructionsFile(exerciseDir: string, language: Language): string {
  const own = readmeFile(language);
  return existsSync(path.join(exerciseDir, own)) ? own : readmeFile("en");
}
