import { describe, expect, it } from "vitest";
import { formatCsv } from "./csv.ts";

describe("formatCsv", () => {
  it("writes plain cells as they are, numbers as numbers, nothing as an empty cell, lines ending in CRLF", () => {
    expect(formatCsv([["learner", "points"], ["alice", 7.5], ["bob", undefined]])).toBe("learner,points\r\nalice,7.5\r\nbob,\r\n");
  });

  it("quotes cells holding a comma, a quote or a line break, doubling the quotes", () => {
    expect(formatCsv([['say "hi", then\nleave']])).toBe('"say ""hi"", then\nleave"\r\n');
  });

  it("keeps text a spreadsheet would run as a formula from being one", () => {
    expect(formatCsv([["=HYPERLINK(1)", "+1", "-x", "@sum", "a=b"]])).toBe("'=HYPERLINK(1),'+1,'-x,'@sum,a=b\r\n");
    expect(formatCsv([[-1]])).toBe("-1\r\n"); // a number stays a number
  });
});
