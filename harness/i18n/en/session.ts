/** A learner's own commands around a cluster they work in: start, check, stop, node, list. */
export const session = {
  alreadyRunning: ({ exercise, description, startedAt }: { exercise: string; description: string; startedAt: string }) =>
    `${exercise} is already running (${description}, started ${startedAt}). Run \`grade check\` to grade it, or \`grade stop\` to remove it first.`,
  clusterReady: ({ description }: { description: string }) => `Your cluster is ready (${description}). Point kubectl at it:`,
  nodes: ({ nodes }: { nodes: string }) => `Its nodes: ${nodes} (\`grade node stop NAME\` stops one, \`grade node start NAME\` brings it back).`,
  tasks: ({ points, readme }: { points: number; readme: string }) => `Tasks (${points} points; instructions in ${readme}):`,
  task: ({ n, title, points }: { n: number; title: string; points: number }) => `${n}. ${title} (${points} pt)`,
  answersIn: ({ file, created }: { file: string; created: boolean }) => `Write your answers in ${file}${created ? " (created for you, with empty answers)" : ""}.`,
  thenCheck: "Then run `grade check` (as often as you like), and `grade stop` when you are done.",
  nothingToCheck: "nothing to check: run `grade start <exercise>` first, or name the exercise and pass --kubeconfig",
  noClusterFor: ({ exercise, running }: { exercise: string; running?: string }) =>
    `no cluster for ${exercise}: run \`grade start ${exercise}\` first${running ? ` (the running one is for ${running})` : ""}, or pass --kubeconfig`,
  checkTheKubeconfig: ({ file }: { file: string }) => `check that the cluster runs and that ${file} points at it`,
  startAnother: ({ exercise }: { exercise: string }) => `run \`grade stop\`, then \`grade start ${exercise}\` for a new one`,
  nothingToStop: "Nothing to stop: no cluster was started here.",
  leftRunning: ({ description }: { description: string }) => `Left ${description} running: grade did not start it.`,
  alreadyGone: ({ description }: { description: string }) => `The cluster (${description}) was already gone.`,
  removed: ({ description }: { description: string }) => `Removed ${description}.`,
  noClusterHere: "no cluster here: run `grade start <exercise>` first",
  unknownNodeAction: ({ action }: { action: string }) => `unknown action "${action}": use grade node list, grade node stop NAME or grade node start NAME`,
  whichNode: ({ action, nodes }: { action: string; nodes: string }) => `which node? grade node ${action} NAME, one of: ${nodes}`,
  noKnownNodes: "(grade knows no nodes of this cluster)",
  nodeStopped: ({ node }: { node: string }) =>
    `Stopped ${node}. Kubernetes marks it NotReady when its kubelet has been silent for the node monitor grace period (about 50 s); watch with \`kubectl get nodes -w\`. \`grade node start ${node}\` brings it back.`,
  nodeStarted: ({ node }: { node: string }) => `Started ${node}. It turns Ready again once its kubelet reports (seconds); watch with \`kubectl get nodes -w\`.`,
  exerciseLine: ({ title, tasks, points }: { title: string; tasks: number; points: number }) => `${title} (${tasks} tasks, ${points} points)`,
  invalidExercise: ({ file }: { file: string }) => `(invalid: run \`grade validate ${file}\`)`,
  noExercises: "No exercises here: grade looks in exercises/<id>/exercise.yaml.",
  bundledExercises: "Come with grade (use them by id, e.g. `grade init <id>` copies one here without its solution):",
};
