import { z } from "zod";
import { currentLanguage, type Language } from "./language.ts";
import { t } from "./messages.ts";

/**
 * A text an exercise shows learners (a title, a hint, a check's name): English alone, or English
 * and its translations side by side —
 *   title: Find your pod
 *   title: { en: Find your pod, ko: 파드 찾기 }
 * Read in the language grade speaks; where a translation is missing, English is shown (and
 * `grade validate` says which are missing).
 */
export const localizedTextSchema = z
  .union([z.string().min(1), z.object({ en: z.string().min(1), ko: z.string().min(1).optional() }).strict()], {
    error: () => t().authoring.localizedText,
  })
  .transform((text) => localize(text, currentLanguage()));

export type LocalizedText = string | { en: string; ko?: string };

export function localize(text: LocalizedText, language: Language): string {
  return typeof text === "string" ? text : (text[language] ?? text.en);
}

/** Whether a text, as written in the file, has a version in `language`. */
export const hasTranslation = (text: unknown, language: Language): boolean =>
  language === "en" || (typeof text === "object" && text !== null && typeof (text as Record<string, unknown>)[language] === "string");
