import type { Exercise } from "../exercise/schema.ts";
import { t } from "../i18n/messages.ts";

/**
 * The learner's starting work/<id>/solution.sh: what autograding does with it and the tasks to
 * solve, as comments in the language grade speaks, and a harmless first command so it runs as it is.
 * `readme` is the exercise's instructions as the learner finds them in the assignment.
 */
export function solutionStub(exercise: Exercise, readme: string): string {
  const say = t().authoring;
  const tasks = exercise.tasks.map((task, i) => say.stubTask({ n: i + 1, title: task.title, points: task.points }));
  const asksAnswers = exercise.tasks.some((task) => task.checks.some((c) => c.kind === "answer"));
  return [
    "#!/usr/bin/env bash",
    say.solutionStub({
      exercise: exercise.id,
      title: exercise.title,
      limit: inWords(exercise.work.scriptTimeout),
      readme,
      tasks: tasks.join("\n"),
      answers: asksAnswers ? exercise.work.answers : undefined,
    }),
    "set -euo pipefail",
    "",
    "kubectl get pods -o wide",
    "",
  ].join("\n");
}

/** 300000 → "5 minutes", 90000 → "90 seconds": how a learner reads a time limit. */
function inWords(ms: number): string {
  return ms % 60_000 === 0 ? t().authoring.minutes({ count: ms / 60_000 }) : t().authoring.seconds({ count: Math.ceil(ms / 1_000) });
}
