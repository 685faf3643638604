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
      return `${issue.message}: ${issue.errors.map((branch) => branch.map((b) => `${b.path.join(".") || "value"} ${b.message}`).join("; ")).join(" | or | ")}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return JSON.stringify(value);
}

/** tasks[1].checks[0].kind */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}
