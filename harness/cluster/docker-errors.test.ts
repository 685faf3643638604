import { describe, expect, it } from "vitest";
import { clusterDidNotStart, imageUnavailable, noDockerEngine } from "./docker-errors.ts";
import { InfrastructureError } from "../errors.ts";

describe("Docker failures, said so a user can act", () => {
  it("no engine: says to start Docker, keeps the cause's first line", () => {
    const e = noDockerEngine(new Error("Could not find a working container runtime strategy\n    at x"));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(
      "No Docker engine answers (Could not find a working container runtime strategy). Start Docker (Docker Desktop, or `sudo dockerd`), check `docker info`, then try again.",
    );
  });

  it("an image that can't be had: names it and GRADE_K3S_IMAGE", () => {
    const e = imageUnavailable("rancher/k3s:v9", new Error("(HTTP code 500) server error - no such host"));
    expect(e.message).toContain("The image rancher/k3s:v9 is not in the local Docker and could not be pulled ((HTTP code 500) server error - no such host)");
    expect(e.message).toContain("set GRADE_K3S_IMAGE");
  });

  it("k3s that never reports ready: says how long and where to look", () => {
    const e = clusterDidNotStart("img", new Error('Log message "Node controller sync successful" not received after 120000ms'));
    expect(e.message).toContain("did not report ready within 120 s");
    expect(e.message).toContain("docker logs");
  });
});
