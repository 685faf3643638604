import { describe, expect, it } from "vitest";
import { pod } from "../test-support/fake-context.ts";
import { describeExpectation, excerpt, fillTemplate, meetsExpectation, regexSchema, textExpectationSchema } from "./text-expectation.ts";

const p = pod({ name: "web-1", namespace: "apps", podIP: "10.42.0.9", nodeName: "node-2" });

describe("fillTemplate", () => {
  it("fills {{pod.name}}, {{pod.ip}}, {{pod.node}} and {{pod.namespace}}, spaces allowed", () => {
    expect(fillTemplate("{{pod.name}}/{{ pod.namespace }} at {{pod.ip}} on {{pod.node}}", p)).toBe("web-1/apps at 10.42.0.9 on node-2");
  });
  it("leaves unknown placeholders and text without a pod alone", () => {
    expect(fillTemplate("{{pod.uid}} {{name}}", p)).toBe("{{pod.uid}} {{name}}");
    expect(fillTemplate("Hello from {{pod.name}}", undefined)).toBe("Hello from {{pod.name}}");
  });
  it("fills an unknown IP or node with nothing", () => {
    expect(fillTemplate("[{{pod.ip}}][{{pod.node}}]", pod({ podIP: undefined, nodeName: undefined }))).toBe("[][]");
  });
});

describe("meetsExpectation", () => {
  it("equals: whole text, surrounding whitespace ignored", () => {
    expect(meetsExpectation("Hello from web-1\n", { equals: "Hello from {{pod.name}}" }, p)).toBe(true);
    expect(meetsExpectation("Hello from web-1!", { equals: "Hello from {{pod.name}}" }, p)).toBe(false);
  });
  it("contains and notContains", () => {
    expect(meetsExpectation("a web-1 b", { contains: "{{pod.name}}" }, p)).toBe(true);
    expect(meetsExpectation("a web-2 b", { contains: "{{pod.name}}" }, p)).toBe(false);
    expect(meetsExpectation("all good", { notContains: "error" })).toBe(true);
    expect(meetsExpectation("an error", { notContains: "error" })).toBe(false);
  });
  it("matches: multi-line, so ^ and $ work per line", () => {
    expect(meetsExpectation("PATH=/bin\nHOSTNAME=web-1\n", { matches: "^HOSTNAME={{pod.name}}$" }, p)).toBe(true);
    expect(meetsExpectation("PATH=/bin\nHOSTNAME=web-2\n", { matches: "^HOSTNAME={{pod.name}}$" }, p)).toBe(false);
  });
});

describe("describeExpectation", () => {
  it("puts each form in words, with templates filled", () => {
    expect(describeExpectation({ equals: "Hello from {{pod.name}}" }, p)).toBe('exactly "Hello from web-1"');
    expect(describeExpectation({ contains: "x" })).toBe('text containing "x"');
    expect(describeExpectation({ matches: "^a$" })).toBe("text matching /^a$/m");
    expect(describeExpectation({ notContains: "error" })).toBe('text without "error"');
  });
});

describe("schemas", () => {
  it("accept exactly one form", () => {
    expect(textExpectationSchema.safeParse({ contains: "x" }).success).toBe(true);
    expect(textExpectationSchema.safeParse({ contains: "x", equals: "x" }).success).toBe(false);
    expect(textExpectationSchema.safeParse({}).success).toBe(false);
    expect(textExpectationSchema.safeParse({ startsWith: "x" }).success).toBe(false);
  });
  it("reject a bad regular expression when the exercise is loaded", () => {
    const r = regexSchema.safeParse("([a-z]");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("not a valid regular expression (JavaScript syntax)");
  });
});

describe("excerpt", () => {
  it("trims, marks empty text and keeps the end of long text", () => {
    expect(excerpt("  hi \n")).toBe("hi");
    expect(excerpt("  \n")).toBe("(empty)");
    expect(excerpt("abcdefghij", 4)).toBe("…ghij");
  });
});
