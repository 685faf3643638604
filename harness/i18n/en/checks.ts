/**
 * What checks say (graders/): a verdict's message, and the expected and found text under it.
 * Values (names, paths, commands, numbers, Kubernetes kinds and fields) come in as parameters.
 */
export const checks = {
  /** A check that has no name in the exercise file. */
  defaultName: ({ n }: { n: number }) => `check ${n}`,
  couldNotRun: ({ error }: { error: string }) => `the check could not run: ${error}`,
  stillSoAfter: ({ seconds }: { seconds: number }) => ` (still so after ${seconds} s)`,

  // graders/shared: how the pieces of a check are described
  podsSelected: ({ namespace, labels }: { namespace: string; labels: string }) => `pods${labels ? ` with labels ${labels}` : ""} in namespace ${namespace}`,
  textEquals: ({ text }: { text: string }) => `exactly ${text}`,
  textContains: ({ text }: { text: string }) => `text containing ${text}`,
  textMatches: ({ pattern }: { pattern: string }) => `text matching /${pattern}/m`,
  textLacks: ({ text }: { text: string }) => `text without ${text}`,
  emptyText: "(empty)",
  invalidRegex: "not a valid regular expression (JavaScript syntax)",
  oneTextExpectation: "use exactly one of: equals, contains, matches, notContains",
  events: ({ namespace, reason, kind, name }: { namespace: string; reason?: string; kind?: string; name?: string }) =>
    `events${reason ? ` with reason ${reason}` : ""}${kind || name ? ` about ${kind ?? "an object"}${name ? ` ${name}` : ""}` : ""} in namespace ${namespace}`,
  mismatch: ({ path, expected, actual }: { path: string; expected: string; actual: string }) => `* ${path}: expected ${expected}, got ${actual}`,
  mismatchNothing: "nothing",
  mismatchAList: "a list",
  mismatchAnObject: "an object",
  mismatchElementLike: ({ item }: { item: string }) => `an element like ${item}`,
  mismatchNoneAmong: ({ count }: { count: number }) => `none among ${count}`,
  noRunningPod: "no running pod",

  // graders/shared/truth-source.ts: where an answer's true value was read (the learner sees it)
  truth: {
    podField: ({ field }: { field: string }) => `the pods' ${field}`,
    logs: "the container logs",
    exec: ({ command }: { command: string }) => `\`${command}\` in the container`,
    podProxy: "the app's reply through the API server proxy",
    objects: ({ kind, name, namespace }: { kind: string; name?: string; namespace?: string }) => `${kind}${name ? ` ${name}` : "s"}${namespace ? ` in namespace ${namespace}` : ""}`,
    objectCount: ({ objects }: { objects: string }) => `the number of ${objects}`,
    apiPath: ({ path }: { path: string }) => `GET ${path} on the API server`,
    apiPathStatus: ({ path, status }: { path: string; status: number }) => `GET ${path} on the API server (HTTP ${status})`,
    apiPathNotJson: ({ path }: { path: string }) => `GET ${path} on the API server (not JSON)`,
    apiPathField: ({ path, field }: { path: string; field: string }) => `${field} of GET ${path} on the API server`,
    apiServer: "the control plane's URL",
    currentReplicaSet: ({ deployment, path }: { deployment: string; path: string }) => `the current ReplicaSet of Deployment ${deployment}: ${path}`,
    events: ({ events }: { events: string }) => `the messages of ${events}`,
    oneSource: "use exactly one of: podField (with pods), logs, exec, podProxy, objectField, objectCount, apiPath, apiServer, currentReplicaSet, event",
  },

  answer: {
    wanted: ({ key, file }: { key: string; file: string }) => `an answer at ${key} in ${file}`,
    unreadableFile: ({ file, problem }: { file: string; problem: string }) => `${file} ${problem}`,
    unreadableFileFound: "a file that cannot be read",
    notYaml: ({ line }: { line?: number }) => `is not valid YAML${line !== undefined ? ` at line ${line}` : ""}: put each answer in double quotes, e.g. reply: "Hello … | v=1"`,
    notAMap: "must be a map of answers (key: value lines), as in the exercise's README",
    noFile: ({ key, file }: { key: string; file: string }) => `no answers file: write your answer to ${key} in ${file}`,
    noFileFound: "no file",
    notAnswered: ({ key, file }: { key: string; file: string }) => `${key} is not answered in ${file}`,
    notAnsweredFound: "no answer",
    notSingle: ({ key, file }: { key: string; file: string }) => `${key} in ${file} must be a single value, not a list or map`,
    singleValue: "a single value",
    aList: "a list",
    aMap: "a map",
    noTruth: ({ key, from }: { key: string; from: string }) => `the cluster shows no value to compare ${key} with (from ${from})`,
    aValueShownBy: ({ from }: { from: string }) => `a value shown by ${from}`,
    right: ({ key }: { key: string }) => `${key} is right`,
    wrong: ({ key, from }: { key: string; from: string }) => `${key} does not match ${from}`,
    theValueShownBy: ({ from }: { from: string }) => `the value shown by ${from}`,
  },

  containerLogs: {
    noPods: ({ pods }: { pods: string }) => `no running ${pods} to read logs from`,
    meets: ({ pod }: { pod: string }) => `log of ${pod} meets the expectation`,
    lacks: ({ pod, container }: { pod: string; container?: string }) => `log of ${pod}${container ? ` (container ${container})` : ""} does not show what was asked`,
  },

  eventRecorded: {
    expected: ({ reason, message }: { reason?: string; message?: string }) => `an event${reason ? ` with reason ${reason}` : ""}${message ? `, message ${message}` : ""}`,
    noneSays: ({ count, events }: { count: number; events: string }) => `none of the ${count} ${events} says what was asked`,
    none: ({ events }: { events: string }) => `no ${events}`,
    otherEvents: ({ events }: { events: string }) => `other events: ${events}`,
    noEventsAtAll: "no events at all",
  },

  execOutput: {
    noPods: ({ pods, command }: { pods: string; command: string }) => `no running ${pods} to run \`${command}\` in`,
    printed: ({ command, pod }: { command: string; pod: string }) => `\`${command}\` in ${pod} printed what was expected`,
    printedElse: ({ command, pod }: { command: string; pod: string }) => `\`${command}\` in ${pod} printed something else`,
    exited: ({ command, pod, exitCode }: { command: string; pod: string; exitCode: number }) => `\`${command}\` in ${pod} exited with ${exitCode}`,
    exitAnd: ({ exitCode, text }: { exitCode: number; text: string }) => `exit ${exitCode}, ${text}`,
  },

  podPlacement: {
    phase: ({ phase }: { phase?: string }) => `phase ${phase ?? "unknown"}`,
    notReady: "not Ready",
    notScheduled: "not scheduled",
    nodeNotReady: ({ node }: { node: string }) => `node ${node} not Ready`,
    nodeLacksLabels: ({ node, labels }: { node: string; labels: string }) => `node ${node} lacks labels ${labels}`,
    podOnNode: ({ pod, node }: { pod: string; node: string }) => `${pod} on ${node}`,
    nowhere: "none",
    countExactly: ({ n }: { n: number }) => `${n}`,
    countAtLeast: ({ min }: { min: number }) => `at least ${min}`,
    countBetween: ({ min, max }: { min: number; max: number }) => `${min}..${max}`,
    expected: ({ count, pods, ready, nodeReady, distinctNodes }: { count: string; pods: string; ready: boolean; nodeReady: boolean; distinctNodes: boolean }) =>
      `${count} ${pods} ${ready ? "Running and Ready" : "Running"}${nodeReady ? " on Ready nodes" : ""}${distinctNodes ? ", each on its own node" : ""}`,
    actual: ({ good, where, problems }: { good: number; where: string; problems: string }) => `${good} good (${where})${problems ? `; ${problems}` : ""}`,
    none: ({ pods }: { pods: string }) => `no ${pods}`,
    someMisplaced: ({ good, total }: { good: number; total: number }) => `${good} of ${total} pods placed as expected`,
    shareANode: "two or more pods share a node",
    placed: ({ good, where }: { good: number; where: string }) => `${good} pod(s) placed: ${where}`,
    countForm: "a number, or { min, max }",
  },

  proxyReachable: {
    noPods: ({ pods }: { pods: string }) => `no running ${pods} to reach`,
    aRunningPod: ({ pods }: { pods: string }) => `a running pod among ${pods}`,
    nothingAnswers: ({ url, port }: { url: string; port: number }) => `nothing answers at ${url}: is \`kubectl proxy --port=${port}\` running?`,
    answered: ({ target, via }: { target: string; via: string }) => `${target} answered via ${via}`,
    notAsExpected: ({ via }: { via: string }) => `the app did not answer as expected via ${via}`,
  },

  resource: {
    what: ({ kind, name, namespace }: { kind: string; name?: string; namespace?: string }) => `${kind}${name ? ` ${name}` : ""}${namespace ? ` in namespace ${namespace}` : ""}`,
    absentAsAsked: ({ what }: { what: string }) => `no ${what} matches, as asked`,
    shouldNotExist: ({ kind, name }: { kind: string; name: string }) => `${kind} ${name} should not exist in this shape`,
    noMatch: "no match",
    matches: ({ kind, name }: { kind: string; name: string }) => `${kind} ${name} matches`,
    notFound: ({ what }: { what: string }) => `no ${what} found`,
    anObject: ({ what }: { what: string }) => `a ${what}`,
    nothing: "nothing",
    doesNotMatch: ({ kind, name }: { kind: string; name: string }) => `${kind} ${name} does not match`,
    withTheFields: ({ what }: { what: string }) => `a ${what} with the fields the exercise names`,
  },

  script: {
    exitedZero: ({ command }: { command: string }) => `\`${command}\` exited 0`,
    timedOut: ({ command, seconds }: { command: string; seconds: number }) => `\`${command}\` did not finish within ${seconds} s`,
    exited: ({ command, exitCode }: { command: string; exitCode: number | null }) => `\`${command}\` exited ${exitCode}`,
    exitZero: "exit 0",
  },

  serviceReachable: {
    via: { clusterIP: "its ClusterIP", dnsName: "its DNS name", nodePort: "its node port on the node's IP", loadBalancer: "its load balancer's external IP" },
    fromPod: "from a pod",
    fromNode: "from the node",
    headless: "it is headless (clusterIP: None): it has no ClusterIP to reach",
    dnsDoesNotResolve: ({ name }: { name: string }) => `its DNS name ${name} does not resolve in the cluster: is cluster DNS (CoreDNS in kube-system) running?`,
    noAddress: "no address",
    noNodePort: ({ type }: { type: string }) => `it is of type ${type}, which opens no node port: expose it with --type=NodePort (or LoadBalancer)`,
    notLoadBalancer: ({ type }: { type: string }) => `it is of type ${type}, not LoadBalancer: expose it with --type=LoadBalancer`,
    noExternalIp: "it has no external IP yet (EXTERNAL-IP <pending>): the cluster's load balancer (k3s: ServiceLB) has not given it one",
    noService: ({ service }: { service: string }) => `no ${service}`,
    aService: ({ name, namespace }: { name: string; namespace: string }) => `a Service ${name} in namespace ${namespace}`,
    noSuchService: "no such Service",
    noPort: ({ service, port }: { service: string; port?: number }) => `${service} has no port ${port ?? ""}`.trim(),
    port: ({ port }: { port?: number }) => `port ${port ?? "(any)"}`,
    noPorts: "no ports",
    fromDistinctPods: ({ count }: { count: number }) => `, from at least ${count} different pods`,
    expected: ({ reply, distinct, via, origin }: { reply: string; distinct: string; via: string; origin: string }) => `${reply}${distinct}, through ${via}, ${origin}`,
    unreachable: ({ service, via, problem }: { service: string; via: string; problem: string }) => `${service} cannot be reached through ${via}: ${problem}`,
    where: ({ service, target, origin }: { service: string; target: string; origin: string }) => `${service} at ${target} (${origin})`,
    actual: ({ replies, endpoints }: { replies: string; endpoints: number }) => `${replies}; ${endpoints} ready endpoint pod(s)`,
    noReply: ({ error }: { error?: string }) => `no reply (${error ?? "nothing came back"})`,
    replyFrom: ({ status, pod }: { status: number; pod?: string }) => `HTTP ${status} from ${pod ?? "no endpoint pod named in the reply"}`,
    noReadyEndpoints: ": it has no ready endpoints (does its selector match the pods' labels, and are they Ready?)",
    noReplyFrom: ({ where, why }: { where: string; why: string }) => `no reply from ${where}${why}`,
    someGotNoReply: "some requests got no reply",
    replyNotAsExpected: "a reply was not as expected",
    wrongActual: ({ shown, all }: { shown: string; all: string }) => `${shown}; all: ${all}`,
    tooFewPods: ({ replies, where, pods }: { replies: number; where: string; pods: number }) => `${replies} replies from ${where} came from ${pods} different pod(s)`,
    answered: ({ where, pods }: { where: string; pods: string }) => `${where} answered${pods ? `: replies from ${pods}` : ""}`,
  },

  // harness/probe: grade's own pods in the cluster; their failures are the check's error, not the learner's
  probe: {
    printedNothing: "the probe printed nothing for this request",
    notHttp: ({ text }: { text: string }) => `not an HTTP reply: ${text}`,
    closedWithoutReply: "the connection closed without a reply",
    noReplyWithin: ({ seconds }: { seconds: number }) => `no reply within ${seconds} s`,
    noAddressInAnswer: ({ output }: { output: string }) => `no address in the answer${output ? `: ${output}` : ""}`,
    couldNotRun: ({ image, exitCode, stderr }: { image: string; exitCode: number; stderr: string }) =>
      `grade's probe (image ${image}) could not run its command (exit ${exitCode}): ${stderr || "no output"}`,
    couldNotCreate: ({ namespace, error }: { namespace: string; error: string }) => `grade could not create its probe pod in namespace ${namespace}: ${error}`,
    cannotStart: ({ reason, image }: { reason: string; image: string }) =>
      `grade's probe pod cannot start: ${reason} for image ${image}. Put that image in your local Docker (grade loads it into clusters it starts), ` +
      "or set GRADE_PROBE_IMAGE to an image with sh, nc, timeout and nslookup that the cluster can pull",
    notReady: ({ pod, seconds, state }: { pod: string; seconds: number; state: string }) => `grade's probe pod ${pod} was not Ready after ${seconds} s (${state})`,
    notScheduled: ({ why }: { why: string }) => `not scheduled: ${why}`,
    notCreatedYet: "not created yet",
  },

  /** One sentence per check kind, for `grade list --kinds`. */
  kinds: {
    podPlacement: "Pods matching labels are Running (and Ready) on Ready nodes, optionally spread or pinned to nodes.",
    containerLogs: "A container's log (what `kubectl logs` shows) meets a text expectation.",
    execOutput: "A command run inside a container (as `kubectl exec` would) exits as expected and prints what is expected.",
    proxyReachable: "A pod's app answers over HTTP through the API server's pod proxy, or through the learner's `kubectl proxy`.",
    serviceReachable:
      "A Service answers over HTTP from inside the cluster (a pod, or the node), by ClusterIP, DNS name, node port or load balancer IP; optionally from several different pods.",
    resource: "Some object of any kind partially matches a given shape (or none does, with absent: true).",
    eventRecorded:
      "The cluster recorded an Event (what `kubectl get events` lists) about an object, with a reason and message — evidence that outlives pods replaced or scaled away.",
    answer: "The learner's answer (from their answers file) equals a value read from the live cluster.",
    script: "Escape hatch: a shell command run with KUBECONFIG set; exit 0 passes.",
  },
};
