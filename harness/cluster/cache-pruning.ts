import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import createDebug from "debug";
import type Dockerode from "dockerode";

const debug = createDebug("grade:cache");

/**
 * The cache keeps image tarballs and snapshots under their image's ID (saved-images.ts,
 * k3s-snapshot.ts). An image rebuilt, upgraded or removed leaves its entries behind, never to be
 * read again: whenever a new entry is written, the entries of images the local Docker no longer
 * has are removed.
 */

/** The part of an image ID that names its cache entries. */
export const imageKey = (imageId: string) => imageId.replace(/^sha256:/, "").slice(0, 16);

/**
 * Called once a new entry is written in `dir`: removes the entries there of images the local
 * Docker no longer has (`what` names them in the debug log). A failure only costs the space: it is
 * logged, and the run goes on.
 */
export async function pruneGoneImages(docker: Dockerode, dir: string, keyOf: (name: string) => string | undefined, what: string): Promise<void> {
  try {
    const removed = pruneEntries(dir, keyOf, await liveImageKeys(docker));
    if (removed.length) debug("removed the %s of images Docker no longer has: %s", what, removed.join(", "));
  } catch (e) {
    debug("could not prune %s: %s", what, (e as Error).message);
  }
}

/** The keys of every image the local Docker has. */
async function liveImageKeys(docker: Dockerode): Promise<Set<string>> {
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
