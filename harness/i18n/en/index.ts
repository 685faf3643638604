import { checks } from "./checks.ts";
import { report } from "./report.ts";

/**
 * grade's own text in English, by area: the source every other language translates. Its shape
 * is the type of a catalogue (Messages), so a translation lacking a key does not compile.
 */
export const en = { checks, report };

export type Messages = typeof en;
