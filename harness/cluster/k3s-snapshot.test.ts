import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import type Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { archivesFor, readSnapshot, snapshotDir, withSnapshotLock, writeSnapshot } from "./k3s-snapshot.ts";

/** A stopped node container whose archive API holds only the given paths (404 for any other). */
function fakeContainer(paths: Record<string, string>): Dockerode.Container {
  return {
    getArchive: async ({ path: p }: { path: string }) => {
      if (!(p in paths)) throw Object.assign(new Error("no such path"), { statusCode: 404 });
      return Readable.from([paths[p]!]);
    },
  } as unknown as Dockerode.Container;
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "grade-snapshot-test-"));

describe("snapshots", () => {
  it("copy each node's paths out, skip paths an image does not have, and read back with the token", async () => {
    const dir = path.join(tmp(), "snap");
    await writeSnapshot(dir, "t0ken", [
      { name: "k3s-server", role: "server", container: fakeContainer({ "/var/lib/rancher/k3s/server": "server-state" }) },
      { name: "k3s-agent-1", role: "agent", container: fakeContainer({ "/etc/rancher/node": "agent-password" }) },
    ]);
    const snapshot = readSnapshot(dir)!;
    expect(snapshot.token).toBe("t0ken");
    expect(snapshot.archives.map(({ node, target }) => [node, target])).toEqual([
      ["k3s-server", "/var/lib/rancher/k3s"],
      ["k3s-agent-1", "/etc/rancher"],
    ]);
    // Kept gzipped: Docker takes a compressed archive as it is.
    expect(gunzipSync(readFileSync(snapshot.archives[0]!.file)).toString("utf8")).toBe("server-state");
    expect(archivesFor("k3s-agent-1", snapshot).map((a) => a.target)).toEqual(["/etc/rancher"]);
    expect(archivesFor("k3s-server", undefined)).toEqual([]);
  });

  it("is not used when incomplete (an archive missing, or no manifest)", async () => {
    const dir = path.join(tmp(), "snap");
    expect(readSnapshot(dir)).toBeUndefined();
    await writeSnapshot(dir, "t", [{ name: "k3s-server", role: "server", container: fakeContainer({ "/var/lib/rancher/k3s/server": "x" }) }]);
    rmSync(readSnapshot(dir)!.archives[0]!.file);
    expect(readSnapshot(dir)).toBeUndefined();
  });

  it("replace the same image's snapshot of an older format", async () => {
    const root = tmp();
    const dir = path.join(root, "0123456789abcdef-1n-v2");
    mkdirSync(path.join(root, "0123456789abcdef-1n-v1"));
    mkdirSync(path.join(root, "0123456789abcdef-2n-v1"));
    await writeSnapshot(dir, "t", [{ name: "k3s-server", role: "server", container: fakeContainer({ "/var/lib/rancher/k3s/server": "x" }) }]);
    expect(readdirSync(root).sort()).toEqual(["0123456789abcdef-1n-v2", "0123456789abcdef-2n-v1"]);
  });

  it("differ by image and node count", () => {
    const env = { GRADE_CACHE_DIR: "/cache" };
    expect(snapshotDir("sha256:0123456789abcdef0123", 1, env)).toBe("/cache/snapshots/0123456789abcdef-1n-v2");
    expect(snapshotDir("sha256:0123456789abcdef0123", 2, env)).not.toBe(snapshotDir("sha256:0123456789abcdef0123", 1, env));
  });

  it("are taken once when several processes ask at the same time", async () => {
    const dir = path.join(tmp(), "snap");
    let takes = 0;
    const take = async () => {
      takes++;
      await new Promise((r) => setTimeout(r, 50));
      await writeSnapshot(dir, "t", [{ name: "k3s-server", role: "server", container: fakeContainer({ "/var/lib/rancher/k3s/server": "x" }) }]);
    };
    await Promise.all([withSnapshotLock(dir, take), withSnapshotLock(dir, take), withSnapshotLock(dir, take)]);
    expect(takes).toBe(1);
    expect(existsSync(`${dir}.lock`)).toBe(false);
    expect(readSnapshot(dir)).toBeDefined();
  });

  it("are taken over from a taker that died holding the lock, without waiting for the lock to age", async () => {
    const dir = path.join(tmp(), "snap");
    // A pid that was alive and no longer is: a child that has exited and been reaped.
    const deadPid = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(`${dir}.lock`, deadPid);
    let takes = 0;
    await withSnapshotLock(dir, async () => void takes++);
    expect(takes).toBe(1);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
