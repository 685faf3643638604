/**
 * The language grade speaks: its own text (progress, reports, errors, --help) and an exercise's
 * translated texts. English unless asked for Korean, by `--lang ko` or a Korean locale.
 * Numbers, paths and Kubernetes names are never translated.
 */
export const LANGUAGES = ["en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];

let current: Language = "en";

export const currentLanguage = (): Language => current;

export function setLanguage(language: Language): void {
  current = language;
}

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * `--lang` wins; otherwise the locale, read as POSIX does (LC_ALL, then LC_MESSAGES, then LANG):
 * ko_KR.UTF-8 and the like mean Korean, anything else English.
 */
export function languageFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag !== undefined) return isLanguage(flag) ? flag : "en";
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ko([_.-]|$)/i.test(locale) ? "ko" : "en";
}
