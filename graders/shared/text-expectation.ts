import { z } from "zod";
import type { PodInfo } from "../types.ts";
import { t } from "../../harness/i18n/messages.ts";

/** A regular expression, checked when the exercise is loaded rather than when it is graded. */
export const regexSchema = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { error: () => t().checks.invalidRegex },
);

/**
 * What a piece of text (a log, a command's output, a reply) must look like. Exactly one form.
 * Strings may use {{pod.name}}, {{pod.ip}}, {{pod.node}} and {{pod.namespace}}: the pod being checked.
 */
export const textExpectationSchema = z.union([
  z.object({ equals: z.string() }).strict(),
  z.object({ contains: z.string() }).strict(),
  z.object({ matches: regexSchema }).strict(),
  z.object({ notContains: z.string() }).strict(),
], { error: () => t().checks.oneTextExpectation });

export type TextExpectation = z.infer<typeof textExpectationSchema>;

export function fillTemplate(text: string, pod: PodInfo | undefined): string {
  if (!pod) return text;
  const values: Record<string, string> = {
    "pod.name": pod.name,
    "pod.namespace": pod.namespace,
    "pod.ip": pod.podIP ?? "",
    "pod.node": pod.nodeName ?? "",
  };
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The expectation in words, for `expected:` in a report. */
export function describeExpectation(expect: TextExpectation, pod?: PodInfo): string {
  const say = t().checks;
  if ("equals" in expect) return say.textEquals({ text: JSON.stringify(fillTemplate(expect.equals, pod)) });
  if ("contains" in expect) return say.textContains({ text: JSON.stringify(fillTemplate(expect.contains, pod)) });
  if ("matches" in expect) return say.textMatches({ pattern: fillTemplate(expect.matches, pod) });
  return say.textLacks({ text: JSON.stringify(fillTemplate(expect.notContains, pod)) });
}

export function meetsExpectation(text: string, expect: TextExpectation, pod?: PodInfo): boolean {
  if ("equals" in expect) return text.trim() === fillTemplate(expect.equals, pod).trim();
  if ("contains" in expect) return text.includes(fillTemplate(expect.contains, pod));
  if ("matches" in expect) return new RegExp(fillTemplate(expect.matches, pod), "m").test(text);
  return !text.includes(fillTemplate(expect.notContains, pod));
}

/** Long outputs are cut for the report: the learner needs the gist, not 10 000 log lines. */
export function excerpt(text: string, max = 400): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed === "" ? t().checks.emptyText : trimmed;
  return `…${trimmed.slice(trimmed.length - max)}`;
}
