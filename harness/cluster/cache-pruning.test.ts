import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { imageKey, pruneEntries } from "./cache-pruning.ts";

describe("cache pruning", () => {
  it("names entries by the first 16 hex digits of the image ID", () => {
    expect(imageKey("sha256:0123456789abcdef0123456789")).toBe("0123456789abcdef");
  });

  it("removes the entries of images Docker no longer has, and nothing that is not an entry", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grade-prune-"));
    for (const name of ["aaaaaaaaaaaaaaaa.tar", "bbbbbbbbbbbbbbbb.tar", "bbbbbbbbbbbbbbbb.tar.partial-123", "notes.txt"]) writeFileSync(path.join(dir, name), "x");
    mkdirSync(path.join(dir, "cccccccccccccccc-1n-v2"));
    writeFileSync(path.join(dir, "cccccccccccccccc-1n-v2", "manifest.json"), "{}");
    const keyOf = (name: string) => /^([0-9a-f]{16})(\.tar|-\d+n-v\d+)$/.exec(name)?.[1];

    const removed = pruneEntries(dir, keyOf, new Set(["aaaaaaaaaaaaaaaa"]));

    expect(removed.sort()).toEqual(["bbbbbbbbbbbbbbbb.tar", "cccccccccccccccc-1n-v2"]);
    expect(readdirSync(dir).sort()).toEqual(["aaaaaaaaaaaaaaaa.tar", "bbbbbbbbbbbbbbbb.tar.partial-123", "notes.txt"]);
    expect(existsSync(path.join(dir, "cccccccccccccccc-1n-v2"))).toBe(false);
  });
});
