import type { z } from "zod";

/**
 * One zod issue as a sentence that says what to do. zod's own wording is fine for most codes;
 * the ones learners and instructors meet most get a fix attached.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove ${issue.keys.length > 1 ? "them" : "it"} or fix the spelling`;
    case "invalid_type":
      return /received undefined/.test(issue.message) ? `required: expected ${issue.expected}` : issue.message.replace(/^Invalid input: /, "");
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator === "kind") {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `unknown check kind: use one of ${options.join(", ")}`;
      }
      return describeUnionIssue(issue);
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
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
  const meant = issue.errors.filter(
    (branch) => !branch.some((b) => b.code === "unrecognized_keys" || (b.code === "invalid_type" && /received undefined/.test(b.message))),
  );
  if (meant.length === 1) return meant[0]!.map((b) => `${formatPath(b.path) || "value"}: ${describeIssue(b)}`).join("; ");
  return issue.message;
}

/** tasks[1].checks[0].kind */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}
