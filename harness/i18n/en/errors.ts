/** Errors outside the checks: the machine (Docker, the cluster) and the command line; each says what to do. */
export const errors = {
  badLanguage: ({ language, languages }: { language: string; languages: string }) => `--lang ${language}: use one of ${languages}`,
  noExercise: ({ ref, looked, folder, file }: { ref: string; looked: string; folder?: string; file: string }) =>
    `no exercise "${ref}": looked for ${looked}.${folder ? ` ${folder} is a folder without ${file}.` : ""} ` +
    "Run `grade list` to see the exercises, or name an exercise's folder or its exercise.yaml.",
  noLearnerScript: ({ script }: { script: string }) => `no learner script at ${script}: write your solution there, or pass --work DIR`,

  noDockerEngine: ({ error }: { error: string }) =>
    `No Docker engine answers (${error}). Start Docker (Docker Desktop, or \`sudo dockerd\`), check \`docker info\`, then try again.`,
  imageUnavailable: ({ image, error }: { image: string; error: string }) =>
    `The image ${image} is not in the local Docker and could not be pulled (${error}). ` +
    "Pull or build it, or set GRADE_K3S_IMAGE to an image you have (see `docker images`).",
  k3sNotReady: ({ image }: { image: string }) =>
    `k3s (${image}) did not report ready within 120 s. Check that Docker can run privileged containers and has free memory; \`docker logs\` of the container says more.`,
  clusterDidNotStart: ({ image, error }: { image: string; error: string }) => `starting the cluster with ${image} failed: ${error}`,
  agentsNotReady: ({ ready, count, seconds }: { ready: number; count: number; seconds: number }) =>
    `only ${ready} of ${count} k3s nodes were Ready after ${seconds} s; \`docker logs\` of the agent containers says why`,
  imageLoadFailed: ({ image, exitCode, output }: { image: string; exitCode: number; output: string }) =>
    `loading ${image} into the cluster failed (ctr exited ${exitCode}): ${output}`,
  k3sDescription: ({ image, container, agents }: { image: string; container: string; agents: number }) =>
    `k3s ${image} in container ${container}${agents > 0 ? ` and ${agents} agent(s)` : ""}`,
  borrowedDescription: ({ server }: { server: string }) => `existing cluster at ${server}`,
  noSuchNode: ({ node, nodes }: { node: string; nodes: string }) => `no node ${node} in this cluster: its nodes are ${nodes}`,
  serverNode: ({ node, agents }: { node: string; agents: string }) => `${node} is the server: stopping it stops the whole cluster's API. Stop an agent (${agents}).`,
  noAgents: "this cluster has none",
  containerGone: ({ server, container }: { server: string; container: string }) => `${server} does not answer: its k3s container ${container} is not running any more`,
  theApiServer: "the cluster's API server",
  noHttpAnswer: ({ server }: { server: string }) => `${server} gave no HTTP answer`,
  doesNotAnswer: ({ server, cause }: { server: string; cause: string }) => `${server} does not answer (${cause})`,
  noAnswerWithin: ({ seconds }: { seconds: number }) => `no answer within ${seconds} s`,
  getTimedOut: ({ path, seconds }: { path: string; seconds: number }) => `GET ${path} got no answer within ${seconds} s`,
  execTimedOut: ({ command, pod, seconds }: { command: string; pod: string; seconds: number }) => `\`${command}\` in ${pod} did not finish within ${seconds} s`,
  clusterUnreachable: ({ why, file }: { why: string; file?: string }) => `${why}: check that the cluster runs${file ? ` and that ${file} points at it` : ""}.`,
  unreadableKubeconfig: ({ file }: { file: string }) => `cannot read kubeconfig ${file}: check the path given to --kubeconfig`,
  invalidKubeconfig: ({ file, error }: { file: string; error: string }) => `${file} is not a valid kubeconfig: ${error}`,
  noCurrentCluster: ({ file }: { file: string }) => `${file} names no current cluster (set current-context)`,
  cannotStopNode: ({ server, file }: { server: string; file: string }) => `grade cannot stop a node of a cluster it did not start (${server}, from ${file})`,
  cannotStartNode: ({ server, file }: { server: string; file: string }) => `grade cannot start a node of a cluster it did not start (${server}, from ${file})`,

  starterCannotBeReady: ({ problems }: { problems: string }) => `the starter cannot become ready:\n${problems}`,
  starterNotReady: ({ seconds, pending }: { seconds: number; pending: string }) => `the starter was not ready after ${seconds} s; still waiting for:\n${pending}`,
  objectNotFound: ({ object }: { object: string }) => `${object}: not found`,
  podNotReady: ({ pod, phase }: { pod: string; phase: string }) => `Pod ${pod}: not Ready (phase ${phase})`,
  replicasReady: ({ object, ready, wanted }: { object: string; ready: number; wanted: number }) => `${object}: ${ready}/${wanted} replicas ready`,
  containerStuck: ({ pod, container, reason, image, advice }: { pod: string; container: string; reason: string; image: string; advice: string }) =>
    `pod ${pod}, container ${container}: ${reason} for image ${image}. ${advice}`,
  cannotPull:
    "The cluster could not pull it: check the name, or put the image in your local Docker (docker pull / docker build) so grade loads it into the cluster.",
  describeThePod: "Check the pod with `kubectl describe pod`.",
  applyFailed: ({ file, kind, name, error }: { file: string; kind?: string; name?: string; error: string }) => `${file}: applying ${kind} ${name} failed: ${error}`,
  manifestNotYaml: ({ file, error }: { file: string; error: string }) => `${file}: not valid YAML: ${error}`,
  manifestIncomplete: ({ file }: { file: string }) => `${file}: every manifest needs apiVersion, kind and metadata.name`,
};
