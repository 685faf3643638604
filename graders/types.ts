import type { z } from "zod";

/** Every check kind's schema is an object with a literal `kind`; the registry adds the common fields. */
export type AnyObjectSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

/** What a check concluded. A learner's mistake is `fail`; a grader or infrastructure fault is `error`. */
export type CheckStatus = "pass" | "fail" | "error";

/** One attempt of one check. The runner adds the name, hint and duration. */
export interface Verdict {
  status: CheckStatus;
  /** One line a learner can read: what was checked and what was wrong. */
  message: string;
  expected?: string;
  actual?: string;
}

export interface PodInfo {
  name: string;
  namespace: string;
  nodeName?: string;
  podIP?: string;
  phase?: string;
  ready: boolean;
  containers: string[];
  labels: Record<string, string>;
}

export interface NodeInfo {
  name: string;
  ready: boolean;
  /** When the node's kubelet last reported its Ready condition (RFC 3339), if it has. */
  readyReportedAt?: string;
  labels: Record<string, string>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface HttpReply {
  status: number;
  body: string;
}

/** Where grade's in-cluster probe runs: a pod of its own, or a pod on a node's own network (as the node). */
export type ProbeOrigin = "pod" | "node";

/** One HTTP exchange the probe attempted; `error` says why there was no reply. */
export interface ProbeReply {
  status?: number;
  body: string;
  error?: string;
}

/**
 * grade's probe inside the cluster, for checks that must reach what only the cluster can reach
 * (ClusterIPs, cluster DNS, node ports): the host may not reach container IPs (Docker Desktop).
 */
export interface ClusterProbe {
  readonly origin: ProbeOrigin;
  /** The node the probe runs on, and that node's IP (what `minikube ip` gives in the tutorial). */
  readonly node: string;
  readonly nodeIP: string;
  /** Resolves a DNS name as a pod there would; no addresses (and why) when it does not resolve. */
  resolve(name: string): Promise<{ addresses: string[]; error?: string }>;
  /** `count` HTTP/1.0 GETs, each over a new TCP connection (kube-proxy picks a backend per connection). */
  httpGet(host: string, port: number, path: string, count: number): Promise<ProbeReply[]>;
}

/** A Kubernetes object as JSON. */
export type KubeObject = Record<string, unknown> & {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
};

/**
 * Everything a check may touch. Check kinds never talk to Docker or build clients themselves:
 * the harness hands them this, and unit tests hand them a fake.
 */
export interface GradingContext {
  /** Pods in a namespace matching a label selector ("app=x,tier=y"; "" for all). */
  listPods(namespace: string, labelSelector: string): Promise<PodInfo[]>;
  listNodes(): Promise<NodeInfo[]>;
  /** Objects of any kind; `name` narrows to one (an empty list when it does not exist). */
  listObjects(query: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name?: string;
    labelSelector?: string;
  }): Promise<KubeObject[]>;
  podLogs(namespace: string, pod: string, container?: string): Promise<string>;
  exec(namespace: string, pod: string, container: string | undefined, command: string[]): Promise<ExecResult>;
  /** GET through the API server's pod proxy: /api/v1/namespaces/NS/pods/POD:PORT/proxy/PATH. */
  podProxyGet(namespace: string, pod: string, port: number, path: string): Promise<HttpReply>;
  /** A GET on the API server itself, e.g. /version (what `curl localhost:8001/version` shows through `kubectl proxy`). */
  apiGet(path: string): Promise<HttpReply>;
  /** The API server's URL in the kubeconfig: what `kubectl cluster-info` calls the control plane. */
  apiServerUrl(): string;
  /** grade's probe in the cluster, started on first use and removed when grading ends. */
  probe(origin: ProbeOrigin): Promise<ClusterProbe>;
  /** Plain HTTP GET (used for the learner's own `kubectl proxy` on localhost). */
  httpGet(url: string): Promise<HttpReply>;
  /** Runs a shell command with KUBECONFIG set, in the learner's work directory. */
  runScript(command: string, timeoutMs: number): Promise<{ exitCode: number | null; output: string; timedOut: boolean }>;
  /** The learner's answers file, parsed; values undefined when there is none, problem set when it can't be read. */
  answers(): Promise<{ file: string; values: Record<string, unknown> | undefined; problem?: string }>;
}

/** A check kind: its zod schema (the YAML a check of this kind accepts) and its evaluator. */
export interface Grader<S extends AnyObjectSchema = AnyObjectSchema> {
  kind: string;
  /** One sentence for `grade list --kinds`, in the language grade speaks. */
  description: () => string;
  schema: S;
  /** One attempt. Throwing means `error`; a mismatch is returned as `fail`. */
  evaluate(ctx: GradingContext, spec: z.infer<S>): Promise<Verdict>;
}

/** Keeps a grader's spec type tied to its schema without repeating it. */
export function defineGrader<S extends AnyObjectSchema>(grader: Grader<S>): Grader<S> {
  return grader;
}

export const pass = (message: string, actual?: string): Verdict => ({ status: "pass", message, actual });
export const fail = (message: string, expected?: string, actual?: string): Verdict => ({
  status: "fail",
  message,
  expected,
  actual,
});
