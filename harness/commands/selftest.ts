import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { formatMs } from "../../graders/shared/duration.ts";
import { EXIT } from "../errors.ts";
import { listExerciseFiles, loadExercise, resolveExerciseFile, type LoadedExercise } from "../exercise/load.ts";
import type { ExerciseReport } from "../report/model.ts";
import { selftestProblems } from "../selftest/selftest-verdict.ts";
import { STATE_DIR, transcriptOf } from "../state.ts";
import { runExercise } from "./run.ts";
import { t } from "../i18n/messages.ts";

/** What a learner who did nothing hands in: the starter, untouched. */
const DO_NOTHING = "#!/usr/bin/env bash\n# grade selftest: the untouched starter, a learner who did nothing.\ntrue\n";

interface Outcome {
  report?: ExerciseReport;
  ms: number;
  failure?: string;
  /** The learner script's transcript, kept apart for each run (grade run reuses one file per exercise). */
  transcript?: string;
}

/**
 * grade selftest [exercise…] (instructors, CI): for each exercise (all when none is named), `grade
 * run` of the reference solution must score full marks, and of the untouched starter less, every
 * lost point explained. Each run gets a fresh cluster, as autograding does. Exit 0 only when all hold.
 */
export async function selftestCommand(refs: string[]): Promise<number> {
  // Every exercise is loaded before any cluster starts: a typo fails in a second, not after minutes.
  const files = refs.length > 0 ? refs.map((r) => resolveExerciseFile(r)) : await listExerciseFiles();
  const exercises = await Promise.all(files.map((f) => loadExercise(f)));
  const say = t().authoring;
  if (exercises.length === 0) {
    process.stdout.write(`${say.noExercisesUnder}\n`);
    return EXIT.usage;
  }

  const lines: string[] = [];
  let allHold = true;
  for (const loaded of exercises) {
    const id = loaded.exercise.id;
    process.stderr.write(`\n${pc.bold(`selftest ${id}`)}: ${say.theReferenceSolution}\n`);
    const reference = await timedRun(loaded, referenceWorkDir(loaded), "reference");
    process.stderr.write(`\n${pc.bold(`selftest ${id}`)}: ${say.theUntouchedStarter}\n`);
    const starter = await timedRun(loaded, doNothingWorkDir(loaded), "starter");

    const problems = [
      ...(reference.failure ? [say.referenceNotGraded({ error: reference.failure })] : []),
      ...(starter.failure ? [say.starterNotGraded({ error: starter.failure })] : []),
      ...(reference.report && starter.report ? selftestProblems(reference.report, starter.report) : []),
    ];
    if (problems.length > 0 && reference.transcript) problems.push(say.referenceOutput({ transcript: reference.transcript }));
    const holds = problems.length === 0;
    allHold &&= holds;
    const scores = say.selftestLine({ reference: `${score(reference)} (${formatMs(reference.ms)})`, starter: `${score(starter)} (${formatMs(starter.ms)})` });
    const line = `${holds ? pc.green("✓") : pc.red("✗")} ${id.padEnd(12)} ${scores}${problems.map((p) => `\n    ${p}`).join("")}`;
    lines.push(line);
    process.stdout.write(`\n${line}\n`);
  }

  process.stdout.write(`\n${pc.bold("grade selftest")}\n${lines.join("\n")}\n`);
  return allHold ? EXIT.ok : EXIT.pointsLost;
}

const score = (o: Outcome) => (o.report ? `${o.report.points}/${o.report.maxPoints}` : "-");

async function timedRun(loaded: LoadedExercise, work: string, which: "reference" | "starter"): Promise<Outcome> {
  const started = Date.now();
  // An older run's transcript must not pass for this one's.
  rmSync(transcriptOf(loaded.exercise.id), { force: true });
  try {
    const report = await runExercise(loaded.file, { work, reporter: ["list"] });
    return { report, ms: Date.now() - started, transcript: keepTranscript(loaded.exercise.id, which) };
  } catch (e) {
    return { ms: Date.now() - started, failure: (e as Error).message, transcript: keepTranscript(loaded.exercise.id, which) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** grade run writes its transcript in one place per exercise: the starter's run would overwrite the reference's. */
function keepTranscript(id: string, which: string): string | undefined {
  const transcript = transcriptOf(id);
  if (!existsSync(transcript)) return undefined;
  const kept = path.join(STATE_DIR, "selftest", `${id}-${which}.log`);
  mkdirSync(path.dirname(kept), { recursive: true });
  copyFileSync(transcript, kept);
  return kept;
}

/** A copy of the reference solution: its script writes answers next to itself, never into the repository. */
function referenceWorkDir(loaded: LoadedExercise): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `grade-selftest-${loaded.exercise.id}-reference-`));
  cpSync(path.join(loaded.dir, "solution"), dir, { recursive: true });
  return dir;
}

function doNothingWorkDir(loaded: LoadedExercise): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `grade-selftest-${loaded.exercise.id}-starter-`));
  const script = path.join(dir, loaded.exercise.work.script);
  writeFileSync(script, DO_NOTHING);
  chmodSync(script, 0o755);
  return dir;
}
