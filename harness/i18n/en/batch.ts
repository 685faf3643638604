/** grade batch: its progress, its summary, the notes in a gradebook, and its errors. Statuses (graded, no-script) are names, never translated. */
export const batch = {
  grading: ({ count, exercise }: { count: number; exercise: string }) => `Grading ${count} submission${count === 1 ? "" : "s"} of ${exercise}`,
  ofAShard: ({ shard, total }: { shard: string; total: number }) => ` (shard ${shard} of a class of ${total})`,
  atATime: ({ parallel, why, deadline }: { parallel: number; why: string; deadline: string }) => `, ${parallel} at a time (${why}); deadline ${deadline} each`,
  portTurns: ({ ports }: { ports: string }) => `; port ${ports}: one learner script at a time`,
  byMemory: ({ memory, count, each, atLeastOne }: { memory: string; count: number; each: number; atLeastOne: boolean }) =>
    `${memory} allows ${count} (${each} MiB each)${atLeastOne ? "; at least 1" : ""}`,
  freeMemory: ({ gib }: { gib: string }) => `${gib} GiB free`,
  byCores: ({ cores, perCore }: { cores: number; perCore: number }) => `${cores} core${cores === 1 ? "" : "s"} × ${perCore}`,
  portsBusy: ({ ports, exercise }: { ports: string; exercise: string }) =>
    `port ${ports} on this machine is in use: ${exercise}'s checks reach each learner's \`kubectl proxy\` there, so a batch needs it free. Stop what listens on it (\`ss -ltnp\` names it), then run grade batch again.`,
  couldNotRun: ({ error }: { error: string }) => `grade batch could not run grade for it: ${error}`,
  notStarted: "not started: the batch was interrupted first",
  stopping: ({ signal, count }: { signal: string; count: number }) =>
    `${signal}: stopping ${count} running submission${count === 1 ? "" : "s"} (each removes its cluster), then writing the gradebook…`,

  interruptedWhileGraded: "the batch was interrupted while this submission was being graded",
  clusterFailed: "the cluster failed",
  interruptedByOther: "grade run was interrupted by a signal the batch did not send",
  killedBy: ({ signal }: { signal: string }) => `was killed by ${signal}`,
  exitedWith: ({ exitCode }: { exitCode?: number }) => `exited with ${exitCode ?? "no code"}`,
  noResult: ({ how, why }: { how: string; why?: string }) => `grade run ${how} without a result${why ? `: ${why}` : ""}`,
  portWasBusy: ({ ports }: { ports: string }) => `port ${ports} was in use by another program when this script ran: its port checks may be wrong`,
  clusterLeftBehind: ({ containers }: { containers: number }) => `its cluster (${containers} container(s)) was left behind and has been removed`,
  processesKilled: "processes its script left running have been killed",
  timedOut: ({ deadline, killed, log }: { deadline: string; killed: boolean; log: string }) =>
    `grading did not finish within ${deadline} and was stopped${killed ? " (killed)" : ""}; ${log} shows how far it got`,
  noScriptInRepository: ({ script }: { script: string }) => `no ${script} in the submission`,
  noScriptAtAll: ({ script, name }: { script: string; name: string }) => `no ${script} and no ${name} in the submission`,

  startedGrading: ({ learner, status }: { learner: string; status: string }) => `… ${learner}: grading · ${status}`,
  done: ({ done, total }: { done: number; total: number }) => `${done}/${total} done`,
  running: ({ learners }: { learners: string }) => `running: ${learners}`,
  noneRunning: "none running",
  queued: ({ count }: { count: number }) => `${count} queued`,
  etaUnknown: "ETA after the first is graded",
  eta: ({ duration }: { duration: string }) => `ETA ${duration}`,

  columns: { learner: "learner", points: "points", status: "status", time: "time", note: "note" },
  submissions: ({ count }: { count: number }) => `${count} submission${count === 1 ? "" : "s"}`,
  graded: ({ count, withoutScript }: { count: number; withoutScript: number }) => `${count} graded${withoutScript > 0 ? ` (${withoutScript} without a script)` : ""}`,
  notGradedCount: ({ count }: { count: number }) => `${count} not graded`,
  mean: ({ mean, maxPoints }: { mean: number; maxPoints: number }) => `mean ${mean}/${maxPoints}`,
  took: ({ duration }: { duration: string }) => `in ${duration}`,
  whereItIs: ({ csv, learners }: { csv: string; learners: string }) => `Gradebook: ${csv}; each learner's report, logs and work: ${learners}/`,
  notGraded: ({ learners }: { learners: string }) => `Not graded: ${learners}. What happened is in their grade.log; grade them again once the cause is fixed.`,

  notAGradebook: ({ dir, file }: { dir: string; file: string }) => `${dir} is not a gradebook: it has no ${file} (grade batch --out ${dir} writes one)`,
  unreadableGradebook: ({ file, problems }: { file: string; problems: string }) => `${file} is not a gradebook grade can read: ${problems}`,
  folderNotEmpty: ({ dir, files }: { dir: string; files: string }) => `${dir} already holds other files: choose an empty or new folder with --out (a gradebook is ${files})`,
  nothingToMerge: "grade batch merge needs the gradebook folders to merge, e.g. grade batch merge shard-1 shard-2 --out gradebook",
  mergeIntoItself: ({ out }: { out: string }) => `--out ${out} is one of the gradebooks being merged: write the merge to a folder of its own`,
  otherExercise: ({ dir, exercise, first, firstExercise }: { dir: string; exercise: string; first: string; firstExercise: string }) =>
    `${dir} grades ${exercise} with other tasks than ${first} (${firstExercise}): only gradebooks of the same exercise merge`,
  otherSplits: ({ splits }: { splits: string }) => `the gradebooks come from different splits (${splits}): merge the shards of one batch`,
  gradedTwice: ({ learner, first, second }: { learner: string; first: string; second: string }) => `${learner} is graded in both ${first} and ${second}: was one shard given twice?`,
  shardMissing: ({ shard }: { shard: string }) => `shard ${shard} left no gradebook: grade it again`,
  noGradebookGiven: "none of the gradebooks given holds this learner: grade them again",
  badShard: ({ shard }: { shard: string }) =>
    `--shard ${shard}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 1/4 for the first of four parts (in a job matrix: --shard \${{ matrix.shard }}/4)`,
  noSubmissionsFolder: ({ dir, script }: { dir: string; script: string }) =>
    `no submissions folder ${dir}: give the folder that holds one subfolder per learner (their clone of the assignment repository, or a folder with ${script})`,
  noSubmissions: ({ dir, script }: { dir: string; script: string }) =>
    `${dir} holds no submissions: put each learner's work in a subfolder of its own (their clone of the assignment repository, or a folder with ${script})`,
  badParallel: ({ value }: { value: string }) => `--parallel ${value}: expected a whole number of submissions to grade at once, 1 or more`,
  badTimeout: ({ value }: { value: string }) => `--timeout ${value}: expected a duration such as 90s or 20m (each submission's deadline)`,
};
