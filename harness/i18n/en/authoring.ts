/**
 * What instructors read: validate's problems and notes, an exercise file's problems, init's output
 * and the assignment it writes (the learner's README, the solution stub, the answers file), selftest.
 */
export const authoring = {
  noExercisesUnder: "No exercises found under exercises/.",
  noManifests: ({ file, dir }: { file: string; dir: string }) =>
    `${file}: ${dir}/ holds no manifests (*.yaml or *.yml): add them, or remove the folder if the exercise starts from an empty cluster`,
  noInstructions: ({ file, readme }: { file: string; readme: string }) => `${file}: no learner instructions at ${readme}`,
  noSolution: ({ script }: { script: string }) => `no reference solution at ${script} (fine in an assignment; an instructor's copy needs one)`,
  untranslated: ({ count, language, fields }: { count: number; language: string; fields: string }) =>
    `${count} text(s) without a ${language} version, shown in English instead: ${fields}`,
  andMore: ({ count }: { count: number }) => `, and ${count} more`,
  noTranslatedReadme: ({ language, readme }: { language: string; readme: string }) => `no ${language} instructions at ${readme}: learners reading ${language} get README.md`,

  // An exercise file's problems, each after file:line path:
  notAnExercise: ({ file }: { file: string }) => `${file} is not a valid exercise:`,
  unknownKeys: ({ keys, count }: { keys: string; count: number }) => `unknown key${count > 1 ? "s" : ""} ${keys}: remove ${count > 1 ? "them" : "it"} or fix the spelling`,
  required: ({ expected }: { expected: string }) => `required: expected ${expected}`,
  /** How zod's own message for a value of the wrong type begins (grade drops it: the path says where). */
  zodInvalidInput: "Invalid input: ",
  unknownCheckKind: ({ kinds }: { kinds: string }) => `unknown check kind: use one of ${kinds}`,
  oneOfValues: ({ values }: { values: string }) => `expected one of ${values}`,
  theValue: "value",
  taskId: "lower-case letters, digits and dashes, e.g. find-the-pod",
  exerciseId: "lower-case letters, digits and dashes, e.g. exercise-3",
  duplicateTaskId: ({ id }: { id: string }) => `task id "${id}" is used twice; ids must be unique`,
  stopAnAgent: ({ nodes, agents }: { nodes: number; agents: string }) => `stopNode must name an agent of this ${nodes}-node cluster: ${agents}`,
  noNodeToStop: ({ server }: { server: string }) => `there is no node to stop: the server (${server}) holds the API; ask for cluster: { nodes: 2 } and stop k3s-agent-1`,
  duration: 'a duration such as "500ms", "30s" or "2m"',
  localizedText: 'a text, or its languages side by side: { en: "…", ko: "…" }',
  objectPath: ({ path, at }: { path: string; at: string }) => `cannot read the path "${path}" at "${at}": write keys.like.this, [0], [*], [field=value] or ["a.key"]`,

  wroteAssignment: ({ exercises, dir }: { exercises: string; dir: string }) => `Wrote an assignment for ${exercises} in ${dir}:`,
  nextSteps: ({ workflow }: { workflow: string }) =>
    `Next: push it to a GitHub repository, mark that a template repository, and make it the starter code of a\n` +
    `Classroom assignment. Leave the assignment's autograding tests in Classroom empty: ${workflow}\n` +
    `grades every push, and a test added in Classroom's UI would replace it.`,
  wouldOverwrite: ({ dir, count, files }: { dir: string; count: number; files: string }) =>
    `${dir} already has ${count === 1 ? "a file" : `${count} files`} grade init would write: ${files}. Pass --force to overwrite them, or choose another --dir.`,
  answersHeader: ({ exercise }: { exercise: string }) => `# Answers for ${exercise}: fill in the values (see ${exercise}'s README).`,
  minutes: ({ count }: { count: number }) => `${count} minute${count === 1 ? "" : "s"}`,
  seconds: ({ count }: { count: number }) => `${count} second${count === 1 ? "" : "s"}`,
  solutionStub: ({ exercise, title, limit, readme, tasks, answers }: { exercise: string; title: string; limit: string; readme: string; tasks: string; answers?: string }) =>
    [
      `# Your solution for ${exercise}: ${title}`,
      "#",
      "# Autograding runs this script on every push, on a fresh cluster with the exercise's starter",
      `# deployed, with KUBECONFIG set, in work/${exercise}/, for at most ${limit}.`,
      "# Then it checks the cluster and gives points per task.",
      "#",
      `# The tasks (instructions in ${readme}):`,
      tasks,
      "#",
      ...(answers ? [`# Your answers go in ${answers} in this folder: fill in the values by hand, or let this`, "# script write the file (it runs in this folder)."] : []),
      "# Replace the command below with the kubectl commands that do the tasks.",
    ].join("\n"),
  stubTask: ({ n, title, points }: { n: number; title: string; points: number }) => `#   ${n}. ${title} (${points} ${points === 1 ? "point" : "points"})`,
  learnerReadme: ({ rows, first, repository, install }: { rows: string; first: string; repository: string; install: string }) => `# Kubernetes exercises

Hands-on exercises on a real Kubernetes cluster, graded by
[grade](https://github.com/${repository}).

| exercise | what you do | points |
|---|---|---|
${rows}

## What you hand in

For each exercise, in \`work/<exercise>/\`:

- \`solution.sh\`: the commands that do the exercise's tasks. On every push, autograding starts a
  fresh cluster with the exercise's starter deployed and runs your script there (\`KUBECONFIG\` set,
  in its own folder), then checks the cluster.
- \`answers.yaml\`: your answers to the exercise's questions (fill in the values, or let your script
  write the file).

After a push, open the **Actions** tab, run **Autograding Tests**: it shows the points per task and,
for every point lost, what was expected, what was found, and a hint.

## Try it on your machine first

You need Docker, Node.js 22.22 or newer, and kubectl.

\`\`\`sh
npm install --global ${install}
grade start ${first}              # a cluster with the starter deployed; prints export KUBECONFIG=…
export KUBECONFIG=$PWD/.grade/kubeconfig
kubectl get pods -o wide          # … do the tasks …
grade check                       # points per task, and why points were lost
grade stop                        # removes the cluster
grade run ${first}                # what autograding does: fresh cluster, your solution.sh, checks
\`\`\`

Please leave \`exercises/\` and \`.github/\` as they are: autograding reads them.
`,

  theReferenceSolution: "the reference solution",
  theUntouchedStarter: "the untouched starter",
  referenceNotGraded: ({ error }: { error: string }) => `reference solution could not be graded: ${error}`,
  starterNotGraded: ({ error }: { error: string }) => `untouched starter could not be graded: ${error}`,
  referenceOutput: ({ transcript }: { transcript: string }) => `the reference solution's output: ${transcript}`,
  selftestLine: ({ reference, starter }: { reference: string; starter: string }) => `reference ${reference}   starter ${starter}`,
  referenceCheckFailed: ({ task, check, errored, message }: { task: string; check: string; errored: boolean; message: string }) =>
    `reference solution: "${task}" / "${check}" ${errored ? "errored" : "failed"}: ${message}`,
  referenceNotFull: ({ points, maxPoints }: { points: number; maxPoints: number }) => `reference solution scored ${points}/${maxPoints}, not full marks`,
  starterFull: ({ points, maxPoints }: { points: number; maxPoints: number }) =>
    `untouched starter scored full marks (${points}/${maxPoints}): the checks do not tell the work from no work`,
  starterUnexplained: ({ task, check, missing }: { task: string; check: string; missing: string }) => `untouched starter: "${task}" / "${check}" ${missing}`,
  erroredInstead: ({ message }: { message: string }) => `errored instead of failing (${message})`,
  noMessage: "has no message",
  noExpected: "does not say what was expected",
  noActual: "does not say what was found",
  noHint: "has no hint (give its task one)",
};
