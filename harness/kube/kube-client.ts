import https from "node:https";
import { PassThrough } from "node:stream";
import { CoreV1Api, Exec, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject, type RequestContext, type V1Pod, type V1Status } from "./kubernetes-client.ts";
import type { ExecResult, HttpReply, KubeObject, NodeInfo, PodInfo } from "../../graders/types.ts";
import { clockOffset } from "./cluster-clock.ts";
import { t } from "../i18n/messages.ts";

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The library gives every request a connection pool of its own, so each one opened a connection
 * and made a TLS handshake (42 for one `grade check`). One pool per client: requests share
 * kept-alive connections.
 */
class KeepAliveKubeConfig extends KubeConfig {
  private dispatcher: ReturnType<RequestContext["getDispatcher"]>;

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    this.dispatcher ??= context.getDispatcher();
    if (this.dispatcher) context.setDispatcher(this.dispatcher);
  }
}

/** Typed access to one cluster: the few calls graders and the harness make, nothing more. */
export class KubeClient {
  readonly config: KubeConfig;
  private readonly core: CoreV1Api;
  private readonly objects: KubernetesObjectApi;

  constructor(kubeconfigYaml: string) {
    this.config = new KeepAliveKubeConfig();
    this.config.loadFromString(kubeconfigYaml);
    this.core = this.config.makeApiClient(CoreV1Api);
    this.objects = KubernetesObjectApi.makeApiClient(this.config);
  }

  get server(): string {
    return this.config.getCurrentCluster()?.server ?? "(no server in kubeconfig)";
  }

  async listPods(namespace: string, labelSelector: string): Promise<PodInfo[]> {
    const list = await this.core.listNamespacedPod({ namespace, labelSelector: labelSelector || undefined });
    return list.items.filter((p) => !p.metadata?.deletionTimestamp).map(toPodInfo);
  }

  async listNodes(): Promise<NodeInfo[]> {
    const list = await this.core.listNode();
    return list.items.map((n) => {
      const ready = n.status?.conditions?.find((c) => c.type === "Ready");
      return {
        name: n.metadata?.name ?? "",
        ready: ready?.status === "True",
        readyReportedAt: ready?.lastHeartbeatTime ? new Date(ready.lastHeartbeatTime).toISOString() : undefined,
        labels: n.metadata?.labels ?? {},
      };
    });
  }

  async listObjects(q: { apiVersion: string; kind: string; namespace?: string; name?: string; labelSelector?: string }): Promise<KubeObject[]> {
    const list = await this.objects.list(
      q.apiVersion,
      q.kind,
      q.namespace,
      undefined,
      undefined,
      undefined,
      q.name ? `metadata.name=${q.name}` : undefined,
      q.labelSelector,
    );
    // List items come without apiVersion and kind; put them back so objects read as they do alone.
    return list.items.map((item) => ({ apiVersion: q.apiVersion, kind: q.kind, ...item }) as unknown as KubeObject);
  }

  async podLogs(namespace: string, pod: string, container?: string): Promise<string> {
    return this.core.readNamespacedPodLog({ name: pod, namespace, container });
  }

  /** Server-side apply, as `kubectl apply --server-side --force-conflicts` does. */
  async apply(object: KubernetesObject): Promise<KubernetesObject> {
    return this.objects.patch(object, undefined, undefined, "grade", true, PatchStrategy.ServerSideApply);
  }

  /** Deletes a pod at once (no grace period); a pod already gone is fine. */
  async deletePod(namespace: string, name: string): Promise<void> {
    try {
      await this.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 });
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
    }
  }

  /** Runs a command in a container, as `kubectl exec` does; a non-zero exit is a result, not an error. */
  async exec(namespace: string, pod: string, container: string | undefined, command: string[]): Promise<ExecResult> {
    const containerName = container ?? (await this.defaultContainer(namespace, pod));
    const stdout = collect();
    const stderr = collect();
    let status: V1Status | undefined;
    const socket = await new Exec(this.config).exec(namespace, pod, containerName, command, stdout.stream, stderr.stream, null, false, (s) => {
      status = s;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(t().errors.execTimedOut({ command: command.join(" "), pod, seconds: REQUEST_TIMEOUT_MS / 1000 })));
      }, REQUEST_TIMEOUT_MS);
      socket.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return { stdout: stdout.text(), stderr: stderr.text() || (status?.status === "Failure" ? (status.message ?? "") : ""), exitCode: exitCodeOf(status) };
  }

  podProxyGet(namespace: string, pod: string, port: number, path: string): Promise<HttpReply> {
    return this.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}:${port}/proxy${path}`);
  }

  /** How far the cluster's clock is ahead of this machine's, in ms (cluster-clock.ts). */
  async clockOffset(): Promise<number> {
    const sentAt = Date.now();
    const reply = await this.get("/version");
    return clockOffset(reply.date, sentAt, Date.now());
  }

  /** A raw GET on the API server, with the kubeconfig's credentials; `date` is the reply's Date header. */
  async get(apiPath: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<HttpReply & { date?: string }> {
    const url = new URL(apiPath, this.server);
    const options: https.RequestOptions = { method: "GET", timeout: timeoutMs };
    await this.config.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
      const req = https.request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), date: res.headers.date }));
        res.on("error", reject);
      });
      const seconds = timeoutMs / 1000;
      req.on("timeout", () => req.destroy(Object.assign(new Error(t().errors.getTimedOut({ path: apiPath, seconds })), { code: t().errors.noAnswerWithin({ seconds }) })));
      req.on("error", reject);
      req.end();
    });
  }

  private async defaultContainer(namespace: string, pod: string): Promise<string> {
    const p = await this.core.readNamespacedPod({ name: pod, namespace });
    return p.spec?.containers[0]?.name ?? "";
  }
}

function toPodInfo(p: V1Pod): PodInfo {
  return {
    name: p.metadata?.name ?? "",
    namespace: p.metadata?.namespace ?? "",
    nodeName: p.spec?.nodeName,
    podIP: p.status?.podIP,
    phase: p.status?.phase,
    ready: p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
    containers: p.spec?.containers.map((c) => c.name) ?? [],
    labels: p.metadata?.labels ?? {},
  };
}

/** The exec channel reports the exit code in a V1Status: Success = 0, else a cause named ExitCode. */
function exitCodeOf(status: V1Status | undefined): number {
  if (!status || status.status === "Success") return 0;
  const cause = status.details?.causes?.find((c) => c.reason === "ExitCode");
  // No ExitCode cause means the command could not start at all (e.g. not found): as a shell says.
  return cause?.message ? Number(cause.message) : 127;
}

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}
