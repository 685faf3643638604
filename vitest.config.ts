import { defineConfig } from "vitest/config";

// Two projects: unit tests need no Docker; e2e tests start a real k3s cluster each.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["graders/**/*.test.ts", "harness/**/*.test.ts", "test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // One cluster at a time: the machine has 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
