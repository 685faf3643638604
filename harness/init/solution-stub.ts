import type { Exercise } from "../exercise/schema.ts";

/**
 * The learner's starting work/<id>/solution.sh: what autograding does with it and the tasks to
 * solve, as comments, and a harmless first command so it runs as it is.
 */
export function solutionStub(exercise: Exercise): string {
  const tasks = exercise.tasks.map((t, i) => `#   ${i + 1}. ${t.title} (${t.points} ${t.points === 1 ? "point" : "points"})`);
  const answers = exercise.tasks.some((t) => t.checks.some((c) => c.kind === "answer"))
    ? [
        `# Your answers go in ${exercise.work.answers} in this folder: fill in the values by hand, or let this`,
        "# script write the file (it runs in this folder).",
      ]
    : [];
  return [
    "#!/usr/bin/env bash",
    `# Your solution for ${exercise.id}: ${exercise.title}`,
    "#",
    "# Autograding runs this script on every push, on a fresh cluster with the exercise's starter",
    `# deployed, with KUBECONFIG set, in work/${exercise.id}/, for at most ${inWords(exercise.work.scriptTimeout)}.`,
    "# Then it checks the cluster and gives points per task.",
    "#",
    `# The tasks (instructions in exercises/${exercise.id}/README.md):`,
    ...tasks,
    "#",
    ...answers,
    "# Replace the command below with the kubectl commands that do the tasks.",
    "set -euo pipefail",
    "",
    "kubectl get pods -o wide",
    "",
  ].join("\n");
}

/** 300000 → "5 minutes", 90000 → "90 seconds": how a learner reads a time limit. */
function inWords(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return ms % 60_000 === 0 ? unit(ms / 60_000, "minute") : unit(Math.ceil(ms / 1_000), "second");
}
