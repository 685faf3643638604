import { InfrastructureError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

const firstLine = (s: string) => s.split("\n")[0]!.slice(0, 300);
const messageOf = (e: unknown) => (e as Error)?.message ?? String(e);

/** testcontainers found no engine (its wording), or the socket refused us. */
export function noDockerEngine(e: unknown): InfrastructureError {
  return new InfrastructureError(t().errors.noDockerEngine({ error: firstLine(messageOf(e)) }));
}

export function imageUnavailable(image: string, e: unknown): InfrastructureError {
  return new InfrastructureError(t().errors.imageUnavailable({ image, error: firstLine(messageOf(e)) }));
}

/** The container was created but k3s did not come up. */
export function clusterDidNotStart(image: string, e: unknown): InfrastructureError {
  const message = messageOf(e);
  if (/Log message "Node controller sync successful" not received/i.test(message)) {
    return new InfrastructureError(t().errors.k3sNotReady({ image }));
  }
  return new InfrastructureError(t().errors.clusterDidNotStart({ image, error: firstLine(message) }));
}
