import type { ExerciseReport, RunEnd } from "../report/model.ts";

/**
 * A report with every case a reporter must render: a passing task, a partly failing task with
 * a multi-line expected value, a task whose check errored, and a run-wide diagnostic. Tests only.
 */
export function sampleReport(): ExerciseReport {
  return {
    exerciseId: "exercise-4",
    title: "Expose your app with a Service",
    file: "exercises/exercise-4/exercise.yaml",
    tasks: [
      {
        id: "deploy",
        title: "Deploy the app",
        points: 2,
        maxPoints: 2,
        status: "pass",
        checks: [
          { name: "deployment exists", kind: "resource", status: "pass", message: "ok", attempts: 1, ms: 120 },
        ],
      },
      {
        id: "service",
        title: "Expose it with a NodePort Service",
        points: 1,
        maxPoints: 3,
        status: "fail",
        hint: "Run `kubectl expose deployment web --type=NodePort --port=8080`.",
        checks: [
          { name: "service exists", kind: "resource", status: "pass", message: "ok", attempts: 1, ms: 80 },
          {
            name: "service type",
            kind: "resource",
            status: "fail",
            message: 'Service "web" in namespace "default" has the wrong type',
            expected: "NodePort",
            actual: "ClusterIP",
            hint: "Run `kubectl expose deployment web --type=NodePort --port=8080`.",
            attempts: 5,
            ms: 10_000,
          },
          {
            name: "service ports",
            kind: "resource",
            status: "fail",
            message: 'Service "web" does not expose port 8080 <&"> yet',
            expected: "ports:\n  - port: 8080\n    targetPort: 8080",
            actual: "ports: []",
            hint: "Run `kubectl expose deployment web --type=NodePort --port=8080`.",
            attempts: 5,
            ms: 10_000,
          },
        ],
      },
      {
        id: "proxy",
        title: "Reach it through kubectl proxy",
        points: 0,
        maxPoints: 2,
        status: "error",
        checks: [
          {
            name: "proxy reachable",
            kind: "proxyReachable",
            status: "error",
            message: "could not reach the API server: connect ECONNREFUSED 127.0.0.1:6443",
            attempts: 3,
            ms: 1500,
          },
        ],
      },
    ],
    points: 3,
    maxPoints: 7,
    diagnostics: ["your script timed out after 5m"],
    timings: { clusterStart: 21_000, grading: 21_700 },
    startedAt: "2025-01-01T10:00:00.000Z",
    ms: 43_000,
  };
}

/** The end of a run that graded `report`. Tests only. */
export const graded = (report: ExerciseReport): RunEnd => ({ outcome: "graded", report });
