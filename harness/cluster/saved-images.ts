import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type Dockerode from "dockerode";
import { cacheRoot } from "./cache-dir.ts";
import { imageKey, pruneGoneImages } from "./cache-pruning.ts";

/**
 * An image from the local Docker as a tarball (`docker save`), kept in the cache by the image's ID,
 * so each image is saved once, not at every run; a rebuilt image has a new ID and is saved again.
 * Undefined when the local Docker does not have the image (the cluster then pulls it).
 */
export async function savedImage(docker: Dockerode, image: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  let id: string;
  try {
    id = (await docker.getImage(image).inspect()).Id;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
  const dir = path.join(cacheRoot(env), "images");
  const file = path.join(dir, `${imageKey(id)}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: a process reading the cache never sees half a tarball.
  const partial = `${file}.partial-${process.pid}`;
  try {
    await pipeline(await docker.getImage(image).get(), createWriteStream(partial));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  await pruneGoneImages(docker, dir, (name) => /^([0-9a-f]{16})\.tar$/.exec(name)?.[1], "tarballs");
  return file;
}

/** Where k3s (and the stand-in) import image tarballs from when a node starts. */
export const K3S_IMAGES_DIR = "/var/lib/rancher/k3s/agent/images";

/** The file name an image's tarball gets in a node's images folder. */
export const imageTarballName = (image: string) => `${image.replace(/[^A-Za-z0-9._-]+/g, "_")}.tar`;
