import type { z } from "zod";
import { t } from "../i18n/messages.ts";

/**
 * One zod issue as a sentence that says what to do. zod's own wording is fine for most codes;
 * the ones learners and instructors meet most get a fix attached.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const say = t().authoring;
  switch (issue.code) {
    case "unrecognized_keys":
      return say.unknownKeys({ keys: issue.keys.map((k) => `"${k}"`).join(", "), count: issue.keys.length });
    case "invalid_type":
      return isMissing(issue) ? say.required({ expected: issue.expected }) : issue.message.replace(say.zodInvalidInput, "");
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator === "kind") {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return say.unknownCheckKind({ kinds: options.join(", ") });
      }
      return describeUnionIssue(issue);
    case "invalid_key":
      // A record's key that its key schema refuses (e.g. a malformed object path in `where`): say why.
      return issue.issues.map(describeIssue).join("; ");
    case "invalid_value":
      return say.oneOfValues({ values: issue.values.map((v) => JSON.stringify(v)).join(", ") });
    default:
      return issue.message;
  }
}

/**
 * A value that fits none of a union's forms. When exactly one form was clearly meant (it has no
 * unknown or missing keys), its own problems are the useful ones; otherwise the union's message,
 * which lists the forms (each union in the schema carries one).
 */
function describeUnionIssue(issue: z.core.$ZodIssueInvalidUnion): string {
  const meant = issue.errors.filter((branch) => !branch.some((b) => b.code === "unrecognized_keys" || (b.code === "invalid_type" && isMissing(b))));
  if (meant.length === 1) return meant[0]!.map((b) => `${formatPath(b.path) || t().authoring.theValue}: ${describeIssue(b)}`).join("; ");
  return issue.message;
}

/**
 * A required value that is not there. Exercise files are parsed with reportInput, so an issue
 * carries the value it is about: none means missing, whatever language zod's message is in.
 */
const isMissing = (issue: z.core.$ZodIssue) => issue.code === "invalid_type" && issue.input === undefined;

/** tasks[1].checks[0].kind */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}
