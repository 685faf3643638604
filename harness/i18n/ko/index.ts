import type { Messages } from "../en/index.ts";
import { checks } from "./checks.ts";
import { report } from "./report.ts";
import { progress } from "./progress.ts";
import { session } from "./session.ts";
import { errors } from "./errors.ts";
import { help } from "./help.ts";
import { authoring } from "./authoring.ts";
import { batch } from "./batch.ts";

/** grade's own text in Korean (합쇼체), with the Korean Kubernetes docs' terms: 파드, 노드, 서비스, 레이블, 셀렉터. */
export const ko: Messages = { checks, report, progress, session, errors, help, authoring, batch };
