import { checks } from "./checks.ts";
import { report } from "./report.ts";
import { progress } from "./progress.ts";
import { session } from "./session.ts";
import { errors } from "./errors.ts";
import { help } from "./help.ts";
import { authoring } from "./authoring.ts";
import { batch } from "./batch.ts";

/**
 * grade's own text in English, by area: the source every other language translates. Its shape
 * is the type of a catalogue (Messages), so a translation lacking a key does not compile.
 */
export const en = { checks, report, progress, session, errors, help, authoring, batch };

export type Messages = typeof en;
