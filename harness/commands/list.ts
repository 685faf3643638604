import { listExerciseFiles, loadExercise } from "../exercise/load.ts";
import { graders } from "../../graders/index.ts";
import { EXIT } from "../errors.ts";

/** grade list: the exercises here (and, with --kinds, the check kinds exercises may use). */
export async function listCommand(o: { kinds?: boolean }): Promise<number> {
  if (o.kinds) {
    for (const g of graders) process.stdout.write(`${g.kind.padEnd(16)} ${g.description}\n`);
    return EXIT.ok;
  }
  const files = await listExerciseFiles();
  if (files.length === 0) process.stdout.write("No exercises here: grade looks in exercises/<id>/exercise.yaml.\n");
  for (const file of files) {
    try {
      const { exercise } = await loadExercise(file);
      const points = exercise.tasks.reduce((s, t) => s + t.points, 0);
      process.stdout.write(`${exercise.id.padEnd(14)} ${exercise.title} (${exercise.tasks.length} tasks, ${points} points)\n`);
    } catch {
      process.stdout.write(`${file.padEnd(14)} (invalid: run \`grade validate ${file}\`)\n`);
    }
  }
  return EXIT.ok;
}
