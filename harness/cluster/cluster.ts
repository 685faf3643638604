import { z } from "zod";

/**
 * A cluster, as every command sees it: started here, attached again by a later `grade` process
 * (`check`, `stop`, `node`), or borrowed through a kubeconfig. Commands speak of clusters and
 * nodes only; which engine runs them (Docker, for k3s) is the provider's business.
 */
export interface Cluster extends AsyncDisposable {
  /** Admin kubeconfig (YAML) reachable from this machine. */
  readonly kubeconfig: string;
  /** For people: "k3s rancher/k3s:… in container 1a2b3c" or "existing cluster at https://…". */
  readonly description: string;
  /** What a later grade process needs to find this cluster again (kept in .grade/state.json). */
  readonly handle: ClusterHandle;
  /**
   * When this process started it (ms since the epoch, by the clock the cluster writes its statuses
   * with: for k3s, the container engine's); undefined for a cluster attached again or borrowed. A
   * cluster restored from its snapshot shows statuses from before this moment (pods Ready, nodes
   * Ready) until its kubelets report again: only later reports count as fresh.
   */
  readonly startedAt?: number;
  /** Its nodes, server first, as grade named them (a borrowed cluster's are unknown to grade). */
  readonly nodes: readonly ClusterNode[];
  /** Undefined when the API server answers; otherwise one line naming the server and what to do. */
  whyUnreachable(): Promise<string | undefined>;
  /** Makes images available to the cluster's nodes; returns one line per image saying how. */
  loadImages(images: string[]): Promise<string[]>;
  /** Stops one node as a failure would (its machine gone); startNode brings the same node back. */
  stopNode(name: string): Promise<void>;
  startNode(name: string): Promise<void>;
  /** Each node's machine: running, stopped, or gone (not whether Kubernetes calls it Ready). */
  nodeStates(): Promise<{ node: ClusterNode; machine: MachineState }[]>;
  /** Removes the cluster when grade owns it; a no-op for clusters grade only borrowed. */
  stop(): Promise<void>;
}

export type MachineState = "running" | "stopped" | "gone";

const clusterNodeSchema = z.object({ name: z.string(), role: z.enum(["server", "agent"]) });
export type ClusterNode = z.infer<typeof clusterNodeSchema>;

export const clusterHandleSchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("k3s"),
    image: z.string(),
    /** The run label every container and the network carry. */
    runId: z.string(),
    network: z.string().optional(),
    nodes: z.array(clusterNodeSchema.extend({ containerId: z.string() })),
  }),
  z.object({ provider: z.literal("kubeconfig"), file: z.string() }),
]);
export type ClusterHandle = z.infer<typeof clusterHandleSchema>;

export interface StartOptions {
  exerciseId: string;
  /** Keep the cluster after this process exits (grade start); otherwise it dies with the run. */
  keepAlive: boolean;
  /** Nodes: one server, and agents for the rest (default 1). */
  nodes?: number;
  /** Images to put in the nodes as they start (the rest can still be loaded later). */
  images?: string[];
  /** Told of a long step the caller could not foresee (e.g. a first start taking a snapshot). */
  progress?: (note: string) => void;
}
