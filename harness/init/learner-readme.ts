import type { LoadedExercise } from "../exercise/load.ts";
import { PACKAGE_JSON, githubRepository } from "../package-info.ts";

/** The README of an assignment repository: what to hand in, how it is graded, how to try it locally. */
export function learnerReadme(exercises: LoadedExercise[]): string {
  const rows = exercises.map(({ exercise }) => {
    const points = exercise.tasks.reduce((sum, t) => sum + t.points, 0);
    return `| [${exercise.id}](exercises/${exercise.id}/README.md) | ${exercise.title} | ${points} |`;
  });
  const first = exercises[0]!.exercise.id;
  return `# Kubernetes exercises

Hands-on exercises on a real Kubernetes cluster, graded by
[grade](https://github.com/${githubRepository()}).

| exercise | what you do | points |
|---|---|---|
${rows.join("\n")}

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
npm install --global ${PACKAGE_JSON.name}@${PACKAGE_JSON.version}
grade start ${first}              # a cluster with the starter deployed; prints export KUBECONFIG=…
export KUBECONFIG=$PWD/.grade/kubeconfig
kubectl get pods -o wide          # … do the tasks …
grade check                       # points per task, and why points were lost
grade stop                        # removes the cluster
grade run ${first}                # what autograding does: fresh cluster, your solution.sh, checks
\`\`\`

Please leave \`exercises/\` and \`.github/\` as they are: autograding reads them.
`;
}
