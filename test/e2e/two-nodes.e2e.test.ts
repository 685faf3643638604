// A cluster of a server and an agent (k3s style: `agent` with K3S_URL and K3S_TOKEN), started by
// the harness when an exercise asks for two nodes; removed with its network afterwards.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getContainerRuntimeClient } from "testcontainers";
import { skipReason } from "./support/e2e-environment.ts";
import { runCli } from "./support/cli-process.ts";
import { scriptWorkDir } from "./support/work-dirs.ts";
import { listGradeContainers } from "../../harness/cluster/k3s-docker.ts";
import { gradeLabelFilters } from "../../harness/cluster/k3s-labels.ts";
import type { ExerciseReport } from "../../harness/report/model.ts";

describe.skipIf(skipReason !== undefined)("a two-node cluster", () => {
  it("places one replica on each node, then removes both nodes and their network", async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "grade-two-nodes-")), "report.json");
    const run = await runCli(["run", "harness/testdata/two-nodes", "--work", scriptWorkDir("two-nodes", "kubectl get nodes"), "--reporter", "json", "--output", output]);
    const report = JSON.parse(readFileSync(output, "utf8")) as ExerciseReport;
    const checks = report.tasks.flatMap((t) => t.checks);
    expect(checks.filter((c) => c.status !== "pass"), run.stderr).toEqual([]);
    expect(checks[0]!.message).toMatch(/2 pod\(s\) placed: spread-\S+ on (\S+), spread-\S+ on (?!\1)\S+/);
    expect(run.stderr).toContain("Starting a k3s cluster (2 nodes)");
    expect(run.code).toBe(0);

    expect(await listGradeContainers()).toEqual([]);
    const client = await getContainerRuntimeClient();
    const networks = await client.container.dockerode.listNetworks({ filters: { label: gradeLabelFilters() } });
    expect(networks).toEqual([]);
  });
});
