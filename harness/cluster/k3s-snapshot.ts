import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import createDebug from "debug";
import type Dockerode from "dockerode";
import type { Readable } from "node:stream";
import { cacheRoot } from "./cache-dir.ts";
import { imageKey } from "./cache-pruning.ts";
import { onInterrupt } from "../runner/teardown.ts";

const debug = createDebug("grade:snapshot");

/**
 * A started-once snapshot of a fresh k3s cluster: the state its nodes keep on disk, copied out of a
 * cluster that was started, let settle and stopped, before anyone touched it. Every later cluster
 * of the same image and node count starts from a copy of it in new containers, so k3s restarts
 * (its CA, keys, datastore and node registrations already there) instead of building a cluster
 * from nothing: about half the start. Each run still gets new containers and volumes, so nothing a
 * learner did reaches another run.
 *
 * What is copied is the same on rancher/k3s and the offline stand-in: the server's state
 * directory (certificates, tokens, the datastore: SQLite on k3s, etcd on the stand-in) and each
 * node's password file (k3s rejects a known node name that comes back with another password).
 * Leaf certificates for the new containers' addresses are issued again at start by both.
 * GRADE_SNAPSHOTS=off turns snapshots off.
 */
const SNAPSHOT_PATHS: Record<"server" | "agent", string[]> = {
  server: ["/var/lib/rancher/k3s/server", "/etc/rancher/node"],
  agent: ["/etc/rancher/node"],
};
/** Bump when what a snapshot holds changes, so old ones are not used. */
const FORMAT = 2;
/** A lock whose taker's pid cannot be checked counts as left behind once it is this old. */
const STALE_LOCK_MS = 15 * 60_000;

export interface SnapshotArchive {
  node: string;
  /** Where the archive is put in the node's container (the parent of the path copied out). */
  target: string;
  file: string;
}

export interface Snapshot {
  /** The cluster token the snapshot's nodes joined with: a restored cluster must use it again. */
  token: string;
  archives: SnapshotArchive[];
}

export const snapshotsEnabled = (env: NodeJS.ProcessEnv = process.env) => env.GRADE_SNAPSHOTS !== "off";

/** One snapshot per image (by its ID, so a rebuilt image gets a new one) and node count. */
export function snapshotDir(imageId: string, nodes: number, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(env), "snapshots", `${imageKey(imageId)}-${nodes}n-v${FORMAT}`);
}

/** The image key of a snapshot's folder name (snapshotDir), undefined for any other name. */
export const snapshotImageKey = (name: string) => /^([0-9a-f]{16})-\d+n-v\d+$/.exec(name)?.[1];

/** The complete snapshot in `dir` (archive paths made absolute), or undefined when there is none. */
export function readSnapshot(dir: string): Snapshot | undefined {
  const manifest = path.join(dir, "manifest.json");
  if (!existsSync(manifest)) return undefined;
  const snapshot = JSON.parse(readFileSync(manifest, "utf8")) as Snapshot;
  if (!snapshot.archives.every((a) => existsSync(path.join(dir, a.file)))) return undefined;
  return { ...snapshot, archives: snapshot.archives.map((a) => ({ ...a, file: path.join(dir, a.file) })) };
}

/** What testcontainers copies into a node's container before it starts (withCopyArchivesToContainer). */
export function archivesFor(node: string, snapshot: Snapshot | undefined): { tar: Readable; target: string }[] {
  return (snapshot?.archives ?? []).filter((a) => a.node === node).map((a) => ({ tar: createReadStream(a.file), target: a.target }));
}

/**
 * Copies the snapshot paths out of a cluster's stopped node containers into `dir`, the manifest
 * last (a snapshot without one is incomplete and never used).
 */
export async function writeSnapshot(dir: string, token: string, nodes: { name: string; role: "server" | "agent"; container: Dockerode.Container }[]): Promise<void> {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  // Keys and tokens of throwaway clusters, but keys all the same: readable by this user only.
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const archives: SnapshotArchive[] = [];
  for (const { name, role, container } of nodes) {
    for (const source of SNAPSHOT_PATHS[role]) {
      let stream: NodeJS.ReadableStream;
      try {
        stream = await container.getArchive({ path: source });
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) continue; // this image keeps nothing there
        throw e;
      }
      // Compressed: the datastore's preallocated log is mostly zeros, and Docker takes a gzipped
      // archive as it is, so each start streams megabytes instead of a hundred.
      const file = `${name}${source.replace(/\//g, "_")}.tar.gz`;
      await pipeline(stream, createGzip({ level: 1 }), createWriteStream(path.join(partial, file)));
      archives.push({ node: name, target: path.dirname(source), file });
    }
  }
  const snapshot: Snapshot = { token, archives };
  writeFileSync(path.join(partial, "manifest.json"), `${JSON.stringify(snapshot, null, 2)}\n`, { mode: 0o600 });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  debug("snapshot written to %s", dir);
  // The same image's snapshots of an older format will never be read again.
  const stem = path.basename(dir).replace(/-v\d+$/, "-v");
  for (const old of readdirSync(path.dirname(dir))) {
    if (old.startsWith(stem) && old !== path.basename(dir) && !old.includes(".")) rmSync(path.join(path.dirname(dir), old), { recursive: true, force: true });
  }
}

/**
 * Runs `take` unless another process is taking the same snapshot, in which case it waits for that
 * one (grade batch starts many clusters at once; one snapshot is enough). The lock holds its
 * taker's pid: a lock whose taker died (killed, or a machine restart) is taken over at once.
 */
export async function withSnapshotLock(dir: string, take: () => Promise<void>): Promise<void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch {
      if (readSnapshot(dir)) return;
      if (lockIsStale(lock)) rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  // Ctrl-C while taking: the lock goes too (the snapshot's cluster has its own interrupt action).
  const forget = onInterrupt(() => rmSync(lock, { force: true }));
  try {
    if (!readSnapshot(dir)) await take();
  } finally {
    forget();
    rmSync(lock, { force: true });
  }
}

function lockIsStale(lock: string): boolean {
  const pid = Number.parseInt(readFileSafe(lock), 10);
  if (pid > 0) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ESRCH";
    }
  }
  // Alive, or no pid yet (just created): stale only when it is very old.
  return Date.now() - lockAge(lock) > STALE_LOCK_MS;
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function lockAge(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}
