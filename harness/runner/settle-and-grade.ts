import type { GradingContext } from "../../graders/types.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { readClusterState, waitUntilSettled } from "../kube/settle.ts";
import type { ExerciseReport } from "../report/model.ts";
import type { Reporter } from "../reporters/reporter.ts";
import { step } from "../ui/step.ts";
import { gradeExercise } from "./grade-exercise.ts";
import { realClock } from "./run-check.ts";
import { t } from "../i18n/messages.ts";

/** How long grade waits for a cluster still in motion before grading it as it is. */
const SETTLE_TIMEOUT_MS = 60_000;

/** Waits until the cluster is settled (harness/kube/settle.ts), then grades it: run and check share this. */
export async function settleAndGrade(
  loaded: LoadedExercise,
  kube: KubeClient,
  ctx: GradingContext,
  reporter: Reporter,
  extra: { diagnostics?: string[]; timings?: Record<string, number> } = {},
): Promise<ExerciseReport> {
  const say = t().progress;
  const settled = await step(say.settling, async () => {
    // The cluster's times are compared with its own clock, not this machine's (cluster-clock.ts).
    const offset = await kube.clockOffset().catch(() => 0);
    return waitUntilSettled(() => readClusterState(kube), SETTLE_TIMEOUT_MS, realClock, () => Date.now() + offset);
  });
  const diagnostics = [...(extra.diagnostics ?? [])];
  const moving = settled.value.stillMoving;
  if (moving) {
    const shown = moving.slice(0, 3).join("; ") + (moving.length > 3 ? say.andMore({ count: moving.length - 3 }) : "");
    diagnostics.push(say.stillChanging({ seconds: Math.round(settled.ms / 1000), what: shown }));
  }
  return gradeExercise(loaded, ctx, reporter, { diagnostics, timings: { ...extra.timings, settle: settled.ms } });
}
