import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "./language.ts";
import { CATALOGUES, t } from "./messages.ts";

afterEach(() => setLanguage("en"));

type Tree = { [key: string]: unknown };

/** Every message's key path: "checks.answer.noFile". */
function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function at(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], tree);
}

/** Parameters for any message: each named one reads as ‹name›, so a rendering shows where values go. */
const anyParams = new Proxy({}, { get: (_, name) => `‹${String(name)}›` });
const render = (message: unknown): string => (typeof message === "function" ? (message as (p: unknown) => string)(anyParams) : String(message));

/**
 * Korean messages that rightly hold no Hangul: names Kubernetes and kubectl spell the same in
 * every language. Anything else without Hangul is English left untranslated.
 */
const SAME_IN_KOREAN = new Set(["checks.serviceReachable.via.clusterIP"]);

describe("message catalogues", () => {
  const english = keys(CATALOGUES.en as unknown as Tree);

  it("have the same keys in every language: none missing, none extra", () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      const own = keys(catalogue as unknown as Tree);
      expect(english.filter((k) => !own.includes(k)), `missing in ${language}`).toEqual([]);
      expect(own.filter((k) => !english.includes(k)), `in ${language} but not in English`).toEqual([]);
    }
  });

  it("take the same kind of message in every language: a text, or a function of parameters", () => {
    for (const key of english) {
      expect(typeof at(CATALOGUES.ko as unknown as Tree, key), key).toBe(typeof at(CATALOGUES.en as unknown as Tree, key));
    }
  });

  it("say every Korean message in Korean, keeping each value it is given", () => {
    for (const key of english) {
      const korean = render(at(CATALOGUES.ko as unknown as Tree, key));
      const source = render(at(CATALOGUES.en as unknown as Tree, key));
      if (!SAME_IN_KOREAN.has(key)) expect(korean, key).toMatch(/[가-힣]/);
      // A value the English text shows, the Korean must show too (numbers, names, paths).
      for (const value of source.match(/‹\w+›/g) ?? []) expect(korean, `${key} drops ${value}`).toContain(value);
    }
  });

  it("t() follows the language grade speaks", () => {
    expect(t().checks.answer.notAnsweredFound).toBe("no answer");
    setLanguage("ko");
    expect(t().checks.answer.notAnsweredFound).toBe("답 없음");
  });
});
