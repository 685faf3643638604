import type { ClusterProbe, ExecResult, GradingContext, HttpReply, KubeObject, NodeInfo, PodInfo, ProbeReply } from "../types.ts";

/**
 * A GradingContext for unit tests, built from function fields: every field has a harmless default
 * (an empty cluster, no answers file), and a test overrides only the calls its check makes.
 */
export function fakeContext(overrides: Partial<GradingContext> = {}): GradingContext {
  return {
    listPods: async () => [],
    listNodes: async () => [],
    listObjects: async () => [],
    podLogs: async () => "",
    exec: async (): Promise<ExecResult> => ({ stdout: "", stderr: "", exitCode: 0 }),
    podProxyGet: async (): Promise<HttpReply> => ({ status: 404, body: "" }),
    apiGet: async (): Promise<HttpReply> => ({ status: 404, body: "" }),
    apiServerUrl: () => "https://127.0.0.1:6443",
    probe: async () => {
      throw new Error("this fake cluster has no probe: pass one with fakeProbe()");
    },
    httpGet: async () => {
      throw new TypeError("fetch failed: connect ECONNREFUSED 127.0.0.1:8001");
    },
    runScript: async () => ({ exitCode: 0, output: "", timedOut: false }),
    answers: async () => ({ file: "work/answers.yaml", values: undefined }),
    ...overrides,
  };
}

/**
 * A cluster of pods and nodes: listPods filters by namespace and an "a=b,c=d" selector the way the
 * API server does, so checks that build selectors are tested for real.
 */
export function fakeCluster(cluster: { pods?: PodInfo[]; nodes?: NodeInfo[] }, overrides: Partial<GradingContext> = {}): GradingContext {
  return fakeContext({
    listPods: async (namespace, selector) => (cluster.pods ?? []).filter((p) => p.namespace === namespace && matchesSelector(p.labels, selector)),
    listNodes: async () => cluster.nodes ?? [],
    ...overrides,
  });
}

export function matchesSelector(labels: Record<string, string>, selector: string): boolean {
  if (selector === "") return true;
  return selector.split(",").every((term) => {
    const [key, value] = term.split("=");
    return labels[key!] === value;
  });
}

/** A Running, Ready pod of the bootcamp app on node-1, unless told otherwise. */
export function pod(fields: Partial<PodInfo> = {}): PodInfo {
  return {
    name: "kubernetes-bootcamp-abc12",
    namespace: "default",
    nodeName: "node-1",
    podIP: "10.42.0.7",
    phase: "Running",
    ready: true,
    containers: ["kubernetes-bootcamp"],
    labels: { app: "kubernetes-bootcamp" },
    ...fields,
  };
}

/** A Ready node named node-1, unless told otherwise. */
export function node(fields: Partial<NodeInfo> = {}): NodeInfo {
  return { name: "node-1", ready: true, labels: {}, ...fields };
}

/** A KubeObject from a plain literal (keeps test data readable). */
export const kubeObject = (o: Record<string, unknown>): KubeObject => o as KubeObject;

/** Records every call made through a function field, for asserting on what a check asked. */
export function recorder<A extends unknown[], R>(impl: (...args: A) => R): ((...args: A) => R) & { calls: A[] } {
  const calls: A[] = [];
  const fn = (...args: A) => {
    calls.push(args);
    return impl(...args);
  };
  return Object.assign(fn, { calls });
}

/**
 * A probe on node-1 (10.0.0.1) that answers every request with `answer(host, port, i)` (i counts
 * from 0) and resolves names from a table. Records the requests it was asked to send.
 */
export function fakeProbe(
  answer: (host: string, port: number, i: number) => ProbeReply,
  o: { dns?: Record<string, string>; node?: string; nodeIP?: string } = {},
): ClusterProbe & { requests: { host: string; port: number; path: string; count: number }[] } {
  const requests: { host: string; port: number; path: string; count: number }[] = [];
  return {
    origin: "pod",
    node: o.node ?? "node-1",
    nodeIP: o.nodeIP ?? "10.0.0.1",
    requests,
    resolve: async (name) => (o.dns?.[name] ? { addresses: [o.dns[name]] } : { addresses: [], error: `** server can't find ${name}: NXDOMAIN` }),
    httpGet: async (host, port, path, count) => {
      requests.push({ host, port, path, count });
      return Array.from({ length: count }, (_, i) => answer(host, port, i));
    },
  };
}
