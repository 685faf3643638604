import { describe, expect, it } from "vitest";
import { parseExercise } from "./load.ts";
import { requiredImages } from "./required-images.ts";

const exercise = (check: string) =>
  parseExercise(
    `id: x\ntitle: X\nimages: [gcr.io/google-samples/kubernetes-bootcamp:v1]\ntasks:\n  - id: t\n    title: T\n    points: 1\n    checks:\n      - ${check}\n`,
    "exercise.yaml",
  );

describe("requiredImages", () => {
  it("is the exercise's own images when no check uses the probe", () => {
    expect(requiredImages(exercise("{ kind: script, run: 'true' }"), {})).toEqual(["gcr.io/google-samples/kubernetes-bootcamp:v1"]);
  });

  it("adds the probe's image when a check reaches a Service from inside the cluster", () => {
    expect(requiredImages(exercise("{ kind: serviceReachable, service: web }"), {})).toEqual(["gcr.io/google-samples/kubernetes-bootcamp:v1", "busybox:1.36"]);
    expect(requiredImages(exercise("{ kind: serviceReachable, service: web }"), { GRADE_PROBE_IMAGE: "mirror.example/busybox:1.36" })).toEqual([
      "gcr.io/google-samples/kubernetes-bootcamp:v1",
      "mirror.example/busybox:1.36",
    ]);
  });

  it("lists an image once when the exercise names the probe's image itself", () => {
    const e = exercise("{ kind: serviceReachable, service: web }");
    e.images.push("busybox:1.36");
    expect(requiredImages(e, {})).toEqual(["gcr.io/google-samples/kubernetes-bootcamp:v1", "busybox:1.36"]);
  });
});
