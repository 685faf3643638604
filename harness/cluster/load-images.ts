import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ImageName, getContainerRuntimeClient, type StartedTestContainer } from "testcontainers";
import { InfrastructureError } from "../errors.ts";

/** Where k3s looks for image tarballs; the real k3s imports them at start, we import right away. */
const K3S_IMAGES_DIR = "/var/lib/rancher/k3s/agent/images";

/**
 * Copies each image the local Docker has into every k3s node's containerd (docker save → tarball in
 * the node → `ctr images import`). Images Docker lacks are left for the cluster to pull.
 * The k3s Node module has no loader, so this is ours.
 */
export async function loadImagesIntoK3s(nodes: StartedTestContainer[], images: string[]): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const lines: string[] = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "grade-images-"));
  try {
    for (const image of images) {
      if (!(await client.image.exists(ImageName.fromString(image)))) {
        lines.push(`${image}: not in local Docker, the cluster will pull it`);
        continue;
      }
      const file = `${image.replace(/[^A-Za-z0-9._-]+/g, "_")}.tar`;
      const local = path.join(tmp, file);
      await pipeline(await client.container.dockerode.getImage(image).get(), createWriteStream(local));
      const target = `${K3S_IMAGES_DIR}/${file}`;
      // Saved once, imported on every node: a pod may land on any of them.
      for (const node of nodes) {
        await node.copyFilesToContainer([{ source: local, target }]);
        const result = await node.exec(["ctr", "-n", "k8s.io", "images", "import", target]);
        if (result.exitCode !== 0) {
          throw new InfrastructureError(`loading ${image} into the cluster failed: ${result.output.trim()}`);
        }
      }
      lines.push(`${image}: loaded from local Docker${nodes.length > 1 ? ` into ${nodes.length} nodes` : ""}`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return lines;
}
