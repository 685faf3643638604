/** What reporters write around the checks' own messages: labels, headings, scores (harness/reporters/). */
export const report = {
  expected: "expected",
  actual: "actual",
  hint: "hint",
  Hint: "Hint",
  note: "note",
  Note: "Note",
  errorMark: "! error",
  score: ({ points, maxPoints }: { points: number; maxPoints: number }) => `Score: ${points}/${maxPoints}`,
  notGraded: "Not graded",
  couldNotGrade: ({ count }: { count: number }) => `${count === 1 ? "1 check" : `${count} checks`} could not be graded (! error): the grader or the cluster failed, not your work.`,
  tryAgain: "Run the grader again; if it keeps happening, tell your instructor.",

  github: {
    notGraded: "not graded",
    graderError: ({ task }: { task: string }) => `${task} (grader or cluster error)`,
    heading: ({ title, points, maxPoints }: { title: string; points: number; maxPoints: number }) => `${title} — ${points}/${maxPoints} points`,
    tableHeader: "| Task | Points | Status |",
    status: { pass: "✅ pass", fail: "❌ fail", error: "⚠️ error" },
    whatToFix: "What to fix",
    errorLabel: "⚠️ error (grader or cluster, not your work)",
  },

  classroom: {
    graderError: ({ check, message }: { check: string; message: string }) => `${check}: ${message} (grader or cluster error, not your work)`,
    moreCharacters: ({ count }: { count: number }) => `… (${count} more characters: see the job summary)`,
    testCode: ({ exercise, task }: { exercise: string; task: string }) => `grade ${exercise} (task ${task})`,
    noOutputFile: "classroom result (GITHUB_OUTPUT unset)",
  },

  junit: {
    loadTheExercise: "load the exercise",
    attempts: "attempts",
  },

  reporterFailed: ({ reporter, error }: { reporter: string; error: string }) => `reporter ${reporter} failed: ${error}`,
  unknownReporter: ({ names, known }: { names: string; known: string }) => `Unknown reporter ${names}: use one or more of ${known}.`,
  and: " and ",
  sameOutput: ({ names, file, example }: { names: string; file: string; example: string }) =>
    `${names} would both write ${file}: give each its own file, e.g. --reporter ${example}.`,
  outputUnused: ({ file }: { file: string }) =>
    `--output ${file} is where json or junit writes, but no reporter chosen would write it: add one, e.g. --reporter json, or drop --output.`,
};
