import { hasTranslation } from "../i18n/localized-text.ts";
import type { Language } from "../i18n/language.ts";

/**
 * The texts of an exercise file (as written, before validation) that have no version in
 * `language`, by where they are: `title`, `tasks[find-the-pod].hint`, `tasks[find-the-pod].checks[2].name`.
 * The translatable fields, explicitly: the exercise's title and summary, each task's title and
 * hint, each check's name.
 */
export function missingTranslations(raw: unknown, language: Language): string[] {
  if (language === "en" || typeof raw !== "object" || raw === null) return [];
  const missing: string[] = [];
  const look = (owner: Record<string, unknown>, field: string, where: string) => {
    if (owner[field] !== undefined && !hasTranslation(owner[field], language)) missing.push(where);
  };
  const exercise = raw as Record<string, unknown>;
  look(exercise, "title", "title");
  look(exercise, "summary", "summary");
  for (const task of Array.isArray(exercise.tasks) ? (exercise.tasks as Record<string, unknown>[]) : []) {
    const at = `tasks[${String(task.id)}]`;
    look(task, "title", `${at}.title`);
    look(task, "hint", `${at}.hint`);
    (Array.isArray(task.checks) ? (task.checks as Record<string, unknown>[]) : []).forEach((check, i) => look(check, "name", `${at}.checks[${i}].name`));
  }
  return missing;
}
