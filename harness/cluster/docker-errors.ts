import { InfrastructureError } from "../errors.ts";

const firstLine = (s: string) => s.split("\n")[0]!.slice(0, 300);
const messageOf = (e: unknown) => (e as Error)?.message ?? String(e);

/** testcontainers found no engine (its wording), or the socket refused us. */
export function noDockerEngine(e: unknown): InfrastructureError {
  return new InfrastructureError(
    `No Docker engine answers (${firstLine(messageOf(e))}). Start Docker (Docker Desktop, or \`sudo dockerd\`), check \`docker info\`, then try again.`,
  );
}

export function imageUnavailable(image: string, e: unknown): InfrastructureError {
  return new InfrastructureError(
    `The image ${image} is not in the local Docker and could not be pulled (${firstLine(messageOf(e))}). ` +
      "Pull or build it, or set GRADE_K3S_IMAGE to an image you have (see `docker images`).",
  );
}

/** The container was created but k3s did not come up. */
export function clusterDidNotStart(image: string, e: unknown): InfrastructureError {
  const message = messageOf(e);
  if (/Log message "Node controller sync successful" not received/i.test(message)) {
    return new InfrastructureError(
      `k3s (${image}) did not report ready within 120 s. Check that Docker can run privileged containers and has free memory; \`docker logs\` of the container says more.`,
    );
  }
  return new InfrastructureError(`starting the cluster with ${image} failed: ${firstLine(message)}`);
}
