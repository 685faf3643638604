import { InfrastructureError } from "../errors.ts";

/** Turns testcontainers' and Docker's failures into one message that says what to do. */
export function explainDockerError(e: unknown, image: string): InfrastructureError {
  const message = (e as Error).message ?? String(e);
  if (/container runtime strategy|ENOENT.*docker\.sock|ECONNREFUSED.*docker|Cannot connect to the Docker daemon/i.test(message)) {
    return new InfrastructureError(
      "No Docker engine answers. Start Docker (Docker Desktop, or `sudo dockerd`), check `docker info`, then try again.",
    );
  }
  if (/pull|manifest unknown|not found|no such image|getaddrinfo|repository does not exist/i.test(message)) {
    return new InfrastructureError(
      `The image ${image} is not in the local Docker and could not be pulled (${firstLine(message)}). ` +
        "Pull or build it (docker pull …), or set GRADE_K3S_IMAGE to an image you have (see `docker images`).",
    );
  }
  if (/Log message "Node controller sync successful" not received|timed out|timeout/i.test(message)) {
    return new InfrastructureError(
      `k3s (${image}) did not report ready in time (${firstLine(message)}). Check that Docker can run privileged containers and has free memory; \`docker logs\` of the container says more.`,
    );
  }
  return new InfrastructureError(`starting the cluster with ${image} failed: ${firstLine(message)}`);
}

const firstLine = (s: string) => s.split("\n")[0]!.slice(0, 300);
