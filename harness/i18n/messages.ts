import { currentLanguage, type Language } from "./language.ts";
import { en, type Messages } from "./en/index.ts";
import { ko } from "./ko/index.ts";

export type { Messages } from "./en/index.ts";

/**
 * Everything grade says, per language. English is the source: its shape is the type every other
 * catalogue must fill (a missing or extra key is a compile error; messages.test.ts also fails).
 * Messages are plain strings, or functions of named parameters when they hold values: numbers,
 * paths, commands and Kubernetes names are passed in, never translated.
 */
export const CATALOGUES: Record<Language, Messages> = { en, ko };

/**
 * grade's texts in the language it speaks now. Called where a text is needed, never at import
 * time: the language is chosen (--lang, the locale) after some modules have loaded.
 */
export const t = (): Messages => CATALOGUES[currentLanguage()];
