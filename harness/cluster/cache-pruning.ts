import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type Dockerode from "dockerode";

/**
 * The cache keeps image tarballs and snapshots under their image's ID (saved-images.ts,
 * k3s-snapshot.ts). An image rebuilt, upgraded or removed leaves its entries behind, never to be
 * read again: whenever a new entry is written, the entries of images the local Docker no longer
 * has are removed.
 */

/** The part of an image ID that names its cache entries. */
export const imageKey = (imageId: string) => imageId.replace(/^sha256:/, "").slice(0, 16);

/** The keys of every image the local Docker has. */
export async function liveImageKeys(docker: Dockerode): Promise<Set<string>> {
  return new Set((await docker.listImages({ all: true })).map((image) => imageKey(image.Id)));
}

/**
 * Removes the entries in `dir` whose key is not live; `keyOf` gives an entry's key from its name,
 * undefined for anything else there (locks, another process's partial writes). Returns the names
 * removed.
 */
export function pruneEntries(dir: string, keyOf: (name: string) => string | undefined, live: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const key = keyOf(name);
    if (key === undefined || live.has(key)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
