import { instructionsFile } from "../exercise/instructions.ts";
import type { LoadedExercise } from "../exercise/load.ts";
import { currentLanguage } from "../i18n/language.ts";
import { t } from "../i18n/messages.ts";
import { PACKAGE_JSON, githubRepository } from "../package-info.ts";
import { maxPointsOf } from "../report/points.ts";

/**
 * The README of an assignment repository, in the language grade speaks: what to hand in, how it
 * is graded, how to try it locally. Each exercise links to its instructions in that language
 * when it has them.
 */
export function learnerReadme(exercises: LoadedExercise[]): string {
  const rows = exercises.map((loaded) => {
    const { exercise } = loaded;
    const points = maxPointsOf(exercise);
    return `| [${exercise.id}](${instructionsOf(loaded)}) | ${exercise.title} | ${points} |`;
  });
  return t().authoring.learnerReadme({
    rows: rows.join("\n"),
    first: exercises[0]!.exercise.id,
    repository: githubRepository(),
    install: `${PACKAGE_JSON.name}@${PACKAGE_JSON.version}`,
  });
}

/** An exercise's instructions in the assignment: README.<language>.md when there is one, else README.md. */
export function instructionsOf({ exercise, dir }: LoadedExercise): string {
  return `exercises/${exercise.id}/${instructionsFile(dir, currentLanguage())}`;
}
