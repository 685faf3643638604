import { describe, expect, it } from "vitest";
import { formatMismatches, partialMatch } from "./partial-match.ts";

describe("partialMatch", () => {
  it("ignores fields the expectation does not name", () => {
    expect(partialMatch({ a: 1 }, { a: 1, b: 2, c: { d: 3 } })).toEqual([]);
    expect(partialMatch({ c: {} }, { c: { d: 3 } })).toEqual([]);
  });

  it("reports each mismatch by its path, sorted", () => {
    expect(partialMatch({ z: 1, a: { b: "x" }, m: true }, { z: 2, a: { b: "y" }, m: false })).toEqual([
      { path: "a.b", expected: '"x"', actual: '"y"' },
      { path: "m", expected: "true", actual: "false" },
      { path: "z", expected: "1", actual: "2" },
    ]);
  });

  it("says 'nothing' for a missing field and names the shape when the type differs", () => {
    expect(partialMatch({ spec: { replicas: 2 } }, { spec: {} })).toEqual([{ path: "spec.replicas", expected: "2", actual: "nothing" }]);
    expect(partialMatch({ spec: { replicas: 2 } }, {})).toEqual([{ path: "spec", expected: "an object", actual: "nothing" }]);
    expect(partialMatch({ spec: {} }, { spec: [1] })).toEqual([{ path: "spec", expected: "an object", actual: "[1]" }]);
    expect(partialMatch({ ports: [] }, { ports: "80" })).toEqual([{ path: "ports", expected: "a list", actual: '"80"' }]);
    expect(partialMatch({ a: null }, { a: null })).toEqual([]);
    expect(partialMatch({ a: null }, { a: {} })).toEqual([{ path: "a", expected: "null", actual: "{}" }]);
  });

  it("matches list elements by content, in any order, ignoring extra elements", () => {
    const actual = { containers: [{ name: "b", image: "busybox" }, { name: "a", image: "nginx", ports: [{ containerPort: 80 }] }] };
    expect(partialMatch({ containers: [{ name: "a" }] }, actual)).toEqual([]);
    expect(partialMatch({ containers: [{ name: "a" }, { name: "b" }] }, actual)).toEqual([]);
    expect(partialMatch({ containers: [{ name: "a", ports: [{ containerPort: 80 }] }] }, actual)).toEqual([]);
    expect(partialMatch({ containers: [{ name: "a", image: "busybox" }] }, actual)).toEqual([
      { path: "containers[0]", expected: 'an element like {"name":"a","image":"busybox"}', actual: "none among 2" },
    ]);
  });

  it("compares scalars at the top level with path '.'", () => {
    expect(partialMatch(1, 1)).toEqual([]);
    expect(partialMatch("1", 1)).toEqual([{ path: ".", expected: '"1"', actual: "1" }]);
  });
});

describe("formatMismatches", () => {
  it("prints one `* path: expected X, got Y` bullet per mismatch", () => {
    expect(formatMismatches(partialMatch({ spec: { replicas: 3 }, status: { readyReplicas: 3 } }, { spec: { replicas: 1 }, status: {} }))).toBe(
      "* spec.replicas: expected 3, got 1\n* status.readyReplicas: expected 3, got nothing",
    );
  });
});
