// grade selftest through the CLI, on real clusters: every exercise in the repository is fair (its
// reference solution scores full marks, its untouched starter less, every lost point explained),
// and an unfair one is refused. Two fresh clusters per exercise: the longest e2e test.
import { describe, expect, it } from "vitest";
import { skipReason } from "./support/e2e-environment.ts";
import { REPO_ROOT, runCli } from "./support/cli-process.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import { listExerciseFiles, loadExercise } from "../../harness/exercise/load.ts";

const TWO_CLUSTERS_PER_EXERCISE_MS = 45 * 60_000;

describe.skipIf(skipReason !== undefined)("grade selftest", () => {
  it(
    "passes every exercise in the repository, one line each with both scores and wall times",
    async () => {
      const ids = await Promise.all((await listExerciseFiles(REPO_ROOT)).map(async (f) => (await loadExercise(`${REPO_ROOT}/${f}`)).exercise.id));
      expect(ids.length).toBeGreaterThanOrEqual(8);
      const run = await runCli(["selftest"]);
      const summary = run.stdout.slice(run.stdout.lastIndexOf("grade selftest"));
      expect(run.code, summary).toBe(0);
      for (const id of ids) {
        const line = summary.split("\n").find((l) => l.includes(` ${id} `));
        expect(line, `no line for ${id} in:\n${summary}`).toMatch(new RegExp(`^✓ ${id} +reference (\\d+)/\\1 \\(\\d+\\.\\d s\\) +starter \\d+(\\.\\d+)?/\\d+ \\(\\d+\\.\\d s\\)$`));
      }
      expect(await listGradeContainers()).toEqual([]);
    },
    TWO_CLUSTERS_PER_EXERCISE_MS,
  );

  it("refuses an exercise whose reference solution does not do the work, saying which check failed", async () => {
    const run = await runCli(["selftest", "harness/testdata/unfair-exercise"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✗ unfair-exercise");
    expect(run.stdout).toContain('reference solution: "Make the ConfigMap" / "ConfigMap selftest-made-this exists" failed: `kubectl get configmap selftest-made-this` exited 1');
    expect(await listGradeContainers()).toEqual([]);
  });
});
