// Saved image tarballs on a real Docker engine: an image is saved once, under its ID, and saving a
// new one drops the tarballs of images Docker no longer has (cache-pruning.ts).
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getContainerRuntimeClient } from "testcontainers";
import { skipReason } from "./support/e2e-environment.ts";
import { savedImage } from "../../harness/cluster/saved-images.ts";

describe.skipIf(skipReason !== undefined)("saved images", () => {
  it("saves an image once under its ID, and drops the tarballs of images that are gone", async () => {
    const docker = (await getContainerRuntimeClient()).container.dockerode;
    const env = { GRADE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), "grade-cache-")) };
    const images = path.join(env.GRADE_CACHE_DIR, "images");
    mkdirSync(images);
    // The tarball of an image since rebuilt: no image has this ID.
    const stale = path.join(images, "00000000deadbeef.tar");
    writeFileSync(stale, "old");
    const image = process.env.GRADE_PROBE_IMAGE ?? "busybox:1.36";

    const file = await savedImage(docker, image, env);

    const id = (await docker.getImage(image).inspect()).Id.replace(/^sha256:/, "");
    expect(file).toBe(path.join(images, `${id.slice(0, 16)}.tar`));
    expect(statSync(file!).size).toBeGreaterThan(100_000);
    expect(existsSync(stale)).toBe(false);
    const saved = statSync(file!).mtimeMs;
    expect(await savedImage(docker, image, env)).toBe(file);
    expect(statSync(file!).mtimeMs).toBe(saved);
    expect(await savedImage(docker, "grade-e2e/no-such-image:never", env)).toBeUndefined();
  });
});
