import { z } from "zod";
import { defineGrader, fail, pass, type HttpReply } from "./types.ts";
import { describeSelector, podSelectorSchema, selectRunningPods } from "./shared/pod-selector.ts";
import { describeExpectation, excerpt, meetsExpectation, textExpectationSchema } from "./shared/text-expectation.ts";
import { t } from "../harness/i18n/messages.ts";

const schema = z
  .object({
    kind: z.literal("proxyReachable"),
    pods: podSelectorSchema,
    port: z.number().int().min(1).max(65535).describe("the container port the app listens on"),
    path: z.string().startsWith("/").default("/"),
    via: z
      .enum(["apiServer", "kubectlProxy"])
      .default("apiServer")
      .describe("apiServer: the grader asks the API server's pod proxy; kubectlProxy: through the learner's own `kubectl proxy`"),
    proxyPort: z.number().int().min(1).max(65535).default(8001).describe("where the learner's `kubectl proxy` listens on localhost"),
    status: z.number().int().default(200),
    expect: textExpectationSchema.optional().describe("what the reply body must look like"),
  })
  .strict();

type Spec = z.infer<typeof schema>;

export function kubectlProxyUrl(spec: Pick<Spec, "proxyPort" | "port" | "path">, namespace: string, pod: string): string {
  return `http://127.0.0.1:${spec.proxyPort}/api/v1/namespaces/${namespace}/pods/${pod}:${spec.port}/proxy${spec.path}`;
}

export const proxyReachable = defineGrader({
  kind: "proxyReachable",
  description: () => t().checks.kinds.proxyReachable,
  schema,
  async evaluate(ctx, spec) {
    const say = t().checks;
    const pods = await selectRunningPods(ctx, spec.pods);
    if (pods.length === 0) return fail(say.proxyReachable.noPods({ pods: describeSelector(spec.pods) }), say.proxyReachable.aRunningPod({ pods: describeSelector(spec.pods) }), say.noRunningPod);

    const expected = `HTTP ${spec.status}${spec.expect ? `, ${describeExpectation(spec.expect, pods[0])}` : ""}`;
    let last = "";
    for (const pod of pods) {
      let reply: HttpReply;
      if (spec.via === "kubectlProxy") {
        const url = kubectlProxyUrl(spec, pod.namespace, pod.name);
        try {
          reply = await ctx.httpGet(url);
        } catch (e) {
          // Nothing listening is the learner's problem to fix, not a grader fault.
          return fail(say.proxyReachable.nothingAnswers({ url, port: spec.proxyPort }), expected, String((e as Error).message ?? e));
        }
      } else {
        reply = await ctx.podProxyGet(pod.namespace, pod.name, spec.port, spec.path);
      }
      if (reply.status === spec.status && (!spec.expect || meetsExpectation(reply.body, spec.expect, pod))) {
        return pass(say.proxyReachable.answered({ target: `${pod.name}:${spec.port}${spec.path}`, via: spec.via }), excerpt(reply.body));
      }
      last = `${pod.name}: HTTP ${reply.status}, ${excerpt(reply.body)}`;
    }
    return fail(say.proxyReachable.notAsExpected({ via: spec.via }), expected, last);
  },
});
