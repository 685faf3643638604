/**
 * The reporters' names, apart from their code: `grade --help` lists them without loading any
 * reporter (a fast --help matters: learners and CI call it).
 */
export const REPORTER_NAMES = ["list", "json", "junit", "github", "classroom"] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];
