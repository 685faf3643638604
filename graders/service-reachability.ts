import { z } from "zod";
import { defineGrader, fail, pass, type ClusterProbe, type GradingContext, type KubeObject, type ProbeReply } from "./types.ts";
import { describeExpectation, excerpt, meetsExpectation, textExpectationSchema } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("serviceReachable"),
    service: z.string().min(1).describe("the Service's name"),
    namespace: z.string().min(1).default("default"),
    via: z
      .enum(["clusterIP", "dnsName", "nodePort", "loadBalancer"])
      .default("clusterIP")
      .describe("clusterIP; dnsName (NAME.NAMESPACE.svc.CLUSTER-DOMAIN, resolved by cluster DNS); nodePort (the node's IP and the Service's nodePort); loadBalancer (status.loadBalancer.ingress)"),
    from: z
      .enum(["pod", "node"])
      .default("pod")
      .describe("where grade's probe sends the requests from: a pod of its own, or the node's own network (a hostNetwork pod)"),
    port: z.number().int().min(1).max(65535).optional().describe("the Service port (spec.ports[].port); default: its first port"),
    path: z.string().startsWith("/").default("/"),
    clusterDomain: z.string().min(1).default("cluster.local").describe("for via: dnsName"),
    requests: z.number().int().min(1).max(50).optional().describe("how many requests, each over a new connection; default 1, or 10 per pod asked for in distinctPods"),
    distinctPods: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("at least this many different pods must answer, told apart by the endpoint pod names the replies contain"),
    status: z.number().int().default(200),
    expect: textExpectationSchema.optional().describe("what every reply body must look like"),
  })
  .strict();

type Spec = z.infer<typeof schema>;
type ServicePort = { port?: number; nodePort?: number; name?: string };

/** Where the requests go, or why there is nowhere to send them (a learner's mistake to report). */
type Target = { host: string; port: number; shown: string } | { problem: string; found: string };

async function targetOf(spec: Spec, service: KubeObject, servicePort: ServicePort, probe: () => Promise<ClusterProbe>): Promise<Target> {
  const svcSpec = (service.spec ?? {}) as { type?: string; clusterIP?: string };
  const type = svcSpec.type ?? "ClusterIP";
  const port = servicePort.port!;
  const say = t().checks.serviceReachable;
  switch (spec.via) {
    case "clusterIP": {
      const ip = svcSpec.clusterIP;
      if (!ip || ip === "None") return { problem: say.headless, found: "clusterIP: None" };
      return { host: ip, port, shown: `${ip}:${port}` };
    }
    case "dnsName": {
      const name = `${spec.service}.${spec.namespace}.svc.${spec.clusterDomain}`;
      const resolved = await (await probe()).resolve(name);
      const address = resolved.addresses[0];
      if (!address) return { problem: say.dnsDoesNotResolve({ name }), found: resolved.error ?? say.noAddress };
      return { host: address, port, shown: `${name} (${address}):${port}` };
    }
    case "nodePort": {
      if (!servicePort.nodePort) return { problem: say.noNodePort({ type }), found: `type ${type}` };
      const p = await probe();
      return { host: p.nodeIP, port: servicePort.nodePort, shown: `${p.nodeIP}:${servicePort.nodePort} (node ${p.node})` };
    }
    case "loadBalancer": {
      if (type !== "LoadBalancer") return { problem: say.notLoadBalancer({ type }), found: `type ${type}` };
      const ingress = ((service.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname)
        .filter((h): h is string => !!h);
      if (ingress.length === 0) return { problem: say.noExternalIp, found: "EXTERNAL-IP <pending>" };
      return { host: ingress[0]!, port, shown: `${ingress[0]}:${port}` };
    }
  }
}

/** Names of the pods behind the Service that are ready to serve, from its EndpointSlices. */
async function endpointPods(ctx: GradingContext, namespace: string, service: string): Promise<string[]> {
  const slices = await ctx.listObjects({ apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", namespace, labelSelector: `kubernetes.io/service-name=${service}` });
  const names = slices.flatMap((s) =>
    ((s.endpoints ?? []) as { conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[])
      .filter((e) => e.conditions?.ready !== false && e.targetRef?.kind === "Pod" && e.targetRef.name)
      .map((e) => e.targetRef!.name!),
  );
  return [...new Set(names)].sort();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The endpoint pod a reply names (the tutorial's app says `Running on: <pod name>`). */
export function podNamedIn(body: string, pods: string[]): string | undefined {
  return pods.find((name) => new RegExp(`(^|[^a-z0-9-])${escapeRegex(name)}($|[^a-z0-9-])`).test(body));
}

/** "HTTP 200 from web-a ×3, HTTP 200 from web-b ×2, no reply (connection refused) ×1". */
function summarise(replies: ProbeReply[], pods: string[]): string {
  const say = t().checks.serviceReachable;
  const counts = new Map<string, number>();
  for (const r of replies) {
    const what = r.status === undefined ? say.noReply({ error: r.error }) : say.replyFrom({ status: r.status, pod: podNamedIn(r.body, pods) });
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what} ×${n}`).join(", ");
}

export const serviceReachable = defineGrader({
  kind: "serviceReachable",
  description: () => t().checks.kinds.serviceReachable,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks.serviceReachable;
    const svcName = `Service ${spec.namespace}/${spec.service}`;
    const [service] = await ctx.listObjects({ apiVersion: "v1", kind: "Service", namespace: spec.namespace, name: spec.service });
    if (!service) return fail(say.noService({ service: svcName }), say.aService({ name: spec.service, namespace: spec.namespace }), say.noSuchService);

    const ports = ((service.spec as { ports?: ServicePort[] } | undefined)?.ports ?? []).filter((p) => p.port !== undefined);
    const servicePort = spec.port === undefined ? ports[0] : ports.find((p) => p.port === spec.port);
    if (!servicePort) {
      return fail(say.noPort({ service: svcName, port: spec.port }), say.port({ port: spec.port }), ports.map((p) => String(p.port)).join(", ") || say.noPorts);
    }

    let probe: Promise<ClusterProbe> | undefined;
    const getProbe = () => (probe ??= ctx.probe(spec.from));
    const origin = spec.from === "pod" ? say.fromPod : say.fromNode;
    const via = say.via[spec.via];
    const wantPods = spec.distinctPods;
    const expected = say.expected({
      reply: `HTTP ${spec.status}${spec.expect ? `, ${describeExpectation(spec.expect)}` : ""}`,
      distinct: wantPods ? say.fromDistinctPods({ count: wantPods }) : "",
      via,
      origin,
    });

    const target = await targetOf(spec, service, servicePort, getProbe);
    if ("problem" in target) return fail(say.unreachable({ service: svcName, via, problem: target.problem }), expected, target.found);

    const count = spec.requests ?? (wantPods ? 10 * wantPods : 1);
    const [replies, pods] = await Promise.all([getProbe().then((p) => p.httpGet(target.host, target.port, spec.path, count)), endpointPods(ctx, spec.namespace, spec.service)]);
    const where = say.where({ service: svcName, target: target.shown, origin });
    const actual = say.actual({ replies: summarise(replies, pods), endpoints: pods.length });

    const answered = replies.filter((r) => r.status !== undefined);
    if (answered.length === 0) {
      return fail(say.noReplyFrom({ where, why: pods.length === 0 ? say.noReadyEndpoints : "" }), expected, actual);
    }
    const wrong = replies.find((r) => r.status !== spec.status || (spec.expect && !meetsExpectation(r.body, spec.expect)));
    if (wrong) {
      const shown = wrong.status === undefined ? say.noReply({ error: wrong.error }) : `HTTP ${wrong.status}: ${excerpt(wrong.body, 200)}`;
      const what = replies.length - answered.length > 0 && wrong.status === undefined ? say.someGotNoReply : say.replyNotAsExpected;
      return fail(`${where}: ${what}`, expected, say.wrongActual({ shown, all: actual }));
    }
    const seen = new Set(replies.map((r) => podNamedIn(r.body, pods)).filter((p): p is string => p !== undefined));
    if (wantPods && seen.size < wantPods) {
      return fail(say.tooFewPods({ replies: replies.length, where, pods: seen.size }), expected, actual);
    }
    return pass(say.answered({ where, pods: [...seen].join(", ") }), actual);
  },
});
