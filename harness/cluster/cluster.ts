/** A running cluster, however it was obtained. Disposing it stops it when grade started it. */
export interface Cluster extends AsyncDisposable {
  /** Admin kubeconfig (YAML) reachable from this machine. */
  readonly kubeconfig: string;
  /** For people: "k3s rancher/k3s:… in container 1a2b3c" or "existing cluster at https://…". */
  readonly description: string;
  /** The Docker containers holding the nodes (server first), when grade started them. */
  readonly containerIds?: string[];
  /** The Docker network of a multi-node cluster grade started. */
  readonly networkName?: string;
  /** Makes images available to the cluster's nodes; returns one line per image saying how. */
  loadImages(images: string[]): Promise<string[]>;
  /** Removes the cluster when grade owns it; a no-op for clusters grade only borrowed. */
  stop(): Promise<void>;
}

export interface StartOptions {
  exerciseId: string;
  /** Keep the cluster after this process exits (grade start); otherwise it dies with the run. */
  keepAlive: boolean;
  /** Nodes: one server, and agents for the rest (default 1). */
  nodes?: number;
}
