import { t } from "../i18n/messages.ts";

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Asks the API server for /version, briefly: undefined when it answers, else one line naming the
 * server and what went wrong, for errors that must come within seconds (not a client's 20 s
 * timeouts, nor its "Failed to fetch resource metadata").
 */
export async function whyApiUnreachable(kubeconfig: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
  // Loaded here, not at the top: a cluster start loads the client while it waits for Docker.
  const { KubeClient } = await import("../kube/kube-client.ts");
  const kube = new KubeClient(kubeconfig);
  try {
    const reply = await kube.get("/version", timeoutMs);
    // Any HTTP answer (even 401/403) means a server is there; credentials are the checks' business.
    return reply.status > 0 ? undefined : t().errors.noHttpAnswer({ server: kube.server });
  } catch (e) {
    const cause = (e as { code?: string }).code ?? (e as Error).message;
    return t().errors.doesNotAnswer({ server: kube.server, cause });
  }
}
