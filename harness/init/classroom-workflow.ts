import { DEFAULT_K3S_IMAGE } from "../cluster/k3s-image.ts";
import { PACKAGE_JSON, githubRepository } from "../package-info.ts";

/** The action's tag an assignment follows: a major-version tag, moved to each compatible release. */
const GRADE_ACTION_TAG = "v1";

/** `uses:` of grade's own action (action.yml at the root of grade's repository). */
export const gradeAction = () => `${githubRepository()}@${GRADE_ACTION_TAG}`;

/** Where the workflow goes in an assignment repository. */
export const CLASSROOM_WORKFLOW_FILE = ".github/workflows/classroom.yml";

/** The Kubernetes release of a k3s image tag: rancher/k3s:v1.34.2-k3s1 → v1.34.2. */
export function kubernetesVersionOf(image: string): string {
  const match = /:(v\d+\.\d+\.\d+)(?:[-+].*)?$/.exec(image);
  if (!match) throw new Error(`the k3s image ${image} has no Kubernetes version in its tag (expected e.g. rancher/k3s:v1.34.2-k3s1)`);
  return match[1]!;
}

/**
 * A step id for an exercise, also its runner name for Classroom's reporter, which reads the result
 * from env `<ID upper-cased>_RESULTS`: underscores keep that a plain variable name.
 */
export function stepIdFor(exerciseId: string): string {
  const id = exerciseId.replaceAll("-", "_");
  return /^[a-z_]/.test(id) ? id : `exercise_${id}`;
}

/**
 * The autograding workflow for an assignment repository, shaped as the one GitHub Classroom
 * generates (workflow and job names, triggers, the bot guard, permissions, the reporter step), with
 * one grading step per exercise through grade's action; `lang` makes the reports speak it.
 */
export function classroomWorkflow(exerciseIds: string[], o: { action?: string; lang?: string } = {}): string {
  if (exerciseIds.length === 0) throw new Error("a classroom workflow needs at least one exercise");
  const action = o.action ?? gradeAction();
  const ids = exerciseIds.map(stepIdFor);
  const gradingSteps = exerciseIds.map(
    (exerciseId, i) => `      - name: ${exerciseId}
        id: ${ids[i]}
        uses: ${action}
        timeout-minutes: 15
        with:
          exercise: ${exerciseId}
          reporters: github,classroom
${o.lang ? `          lang: ${o.lang}\n` : ""}`,
  );
  const resultsEnv = ids.map((id) => `          ${id.toUpperCase()}_RESULTS: "\${{ steps.${id}.outputs.result }}"\n`);
  return `# GitHub Classroom autograding with grade (written by \`grade init\`, grade ${PACKAGE_JSON.version}).
# On every push each exercise is graded on a fresh k3s cluster: the learner's
# work/<exercise>/solution.sh runs with KUBECONFIG set, then the checks; the points per task go to
# Classroom. Leave the assignment's tests in Classroom's UI empty: adding one there replaces this file.
name: Autograding Tests
on: [push, workflow_dispatch, repository_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      # The learner's script and some checks use kubectl: the cluster's own version.
      - name: Set up kubectl
        uses: azure/setup-kubectl@v4
        with:
          version: ${kubernetesVersionOf(DEFAULT_K3S_IMAGE)}
      # grade's action sets up Node 24 and runs grade; its output \`result\` holds the points.
${gradingSteps.join("")}      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${resultsEnv.join("")}        with:
          runners: ${ids.join(",")}
`;
}

if (import.meta.main) {
  // Regenerates the example in ci/github/: node harness/init/classroom-workflow.ts > ci/github/classroom.yml
  process.stdout.write(classroomWorkflow(["exercise-3"]));
}
