/**
 * The names grade gives the nodes of a cluster it starts: k3s-server, then k3s-agent-1, … .
 * Exercises (declared faults) and learners (`grade node stop`) refer to nodes by them.
 */
export const SERVER_NODE = "k3s-server";
export const agentNode = (i: number) => `k3s-agent-${i}`;

/** Every node name of a cluster of `count` nodes, server first. */
export const nodeNames = (count: number) => [SERVER_NODE, ...Array.from({ length: count - 1 }, (_, i) => agentNode(i + 1))];
