import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatJunit, formatJunitNotLoaded, JunitReporter } from "./junit.ts";
import { graded, sampleReport } from "./sample-report.ts";
import { escapeXml, escapeXmlAttribute } from "./xml-escape.ts";

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const decode = (s: string) =>
  s.replace(ENTITY, (e) =>
    e.startsWith("&#x")
      ? String.fromCodePoint(parseInt(e.slice(3, -1), 16))
      : e.startsWith("&#")
        ? String.fromCodePoint(Number(e.slice(2, -1)))
        : ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" } as Record<string, string>)[e]!,
  );

/**
 * A strict little XML reader, enough to prove the file is well-formed: one root, tags that nest
 * and close, quoted attributes, and no bare `<` or `&` in text or attributes.
 */
function parseXml(xml: string): Element {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const token = /<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const root: Element = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  let m: RegExpExecArray | null;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    m = token.exec(body);
    if (!m) throw new Error(`not well-formed at ${at}: ${body.slice(at, at + 40)}`);
    const top = stack.at(-1)!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of m[3]!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (value!.replace(ENTITY, "").includes("&")) throw new Error(`bare & in attribute ${key}`);
        if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key!] = decode(value!);
      }
      const element: Element = { name: m[2], attributes, children: [], text: "" };
      top.children.push(element);
      if (!m[4]) stack.push(element);
    } else {
      if (m[5]!.replace(ENTITY, "").includes("&")) throw new Error("bare & in text");
      if (stack.length === 1 && m[5]!.trim()) throw new Error("text outside the root element");
      top.text += decode(m[5]!);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error("expected exactly one root element");
  return root.children[0]!;
}

describe("junit reporter", () => {
  it("(the test's XML reader rejects what is not well-formed)", () => {
    for (const bad of ["<a>&</a>", "<a><b></a>", '<a x="<"/>', "<a>1 < 2</a>", "<a/><b/>", "<a>"]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });

  it("writes well-formed XML: a suite per task, a case per check, failures apart from errors", () => {
    const root = parseXml(formatJunit(sampleReport()));
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toMatchObject({ tests: "5", failures: "2", errors: "1", time: "43.000" });

    const suites = root.children;
    expect(suites.map((s) => s.attributes.name)).toEqual([
      "Deploy the app",
      "Expose it with a NodePort Service",
      "Reach it through kubectl proxy",
    ]);
    expect(suites[1]!.attributes).toMatchObject({ tests: "3", failures: "2", errors: "0", time: "20.080" });

    const cases = suites[1]!.children.filter((c) => c.name === "testcase");
    expect(cases.map((c) => c.attributes.name)).toEqual(["service exists", "service type", "service ports"]);
    expect(cases[0]!.children).toEqual([]);
    expect(cases[1]!.attributes).toMatchObject({ classname: "exercise-4.service", time: "10.000" });

    const failure = cases[2]!.children[0]!;
    expect(failure.name).toBe("failure");
    // The escaped characters come back intact after parsing.
    expect(failure.attributes.message).toBe('Service "web" does not expose port 8080 <&"> yet');
    expect(failure.text).toContain("expected: ports:\n  - port: 8080");
    expect(failure.text).toContain("hint: Run `kubectl expose");

    const error = suites[2]!.children.find((c) => c.name === "testcase")!.children[0]!;
    expect(error.name).toBe("error");
    expect(error.attributes.message).toContain("ECONNREFUSED");
  });

  it("escapes markup, keeps line breaks in attributes and drops characters XML forbids", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(escapeXmlAttribute("one\ntwo")).toBe("one&#10;two");
    expect(escapeXml("\u001b[31mred\u001b[39m\u0000")).toBe("[31mred[39m");

    const report = sampleReport();
    report.tasks[1]!.checks[1]!.message = "line one\nline two \u0007 <tag> & more";
    const root = parseXml(formatJunit(report));
    const failure = root.children[1]!.children.filter((c) => c.name === "testcase")[1]!.children[0]!;
    expect(failure.attributes.message).toBe("line one\nline two  <tag> & more");
  });

  it("writes .grade/junit.xml by default and outputFile when given", () => {
    const dir = mkdtempSync(join(tmpdir(), "grade-junit-"));
    const file = join(dir, "nested", "results.xml");
    const reporter = new JunitReporter({ outputFile: file });
    expect(reporter.printsToStdio()).toBe(false);
    reporter.onRunEnd(graded(sampleReport()));
    expect(readFileSync(file, "utf8")).toBe(formatJunit(sampleReport()));

    const cwd = process.cwd();
    process.chdir(dir);
    try {
      new JunitReporter().onRunEnd(graded(sampleReport()));
      expect(readFileSync(join(dir, ".grade", "junit.xml"), "utf8")).toContain("<testsuites");
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("junit for an exercise that never loaded", () => {
  it("is one errored test case saying why", () => {
    expect(formatJunitNotLoaded('no exercise "x" <here>')).toContain(`<error message="no exercise &quot;x&quot; &lt;here&gt;" type="grade">no exercise &quot;x&quot; &lt;here&gt;</error>`);
  });
});
