import { z } from "zod";
import { currentLanguage } from "./language.ts";

/**
 * zod's own messages (a wrong type, a string too short) in the language grade speaks; zod keeps
 * its locale globally. grade's own schema messages are catalogue texts read when an issue is
 * made. Called before validating a file, not at start: --help must not load zod.
 */
export function useZodLanguage(): void {
  z.config(currentLanguage() === "ko" ? z.locales.ko() : z.locales.en());
}
