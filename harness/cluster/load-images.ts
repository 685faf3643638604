import { createReadStream } from "node:fs";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import type Dockerode from "dockerode";
import { getContainerRuntimeClient } from "testcontainers";
import { savedImage } from "./saved-images.ts";
import { InfrastructureError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

/**
 * Copies each image the local Docker has into every running k3s node's containerd (its saved
 * tarball streamed into `ctr images import -` inside the node). Images Docker lacks are left for
 * the cluster to pull. The k3s Node module has no loader, so this is ours. (Images known before
 * the cluster starts are put in its images folder instead, and imported as it starts.)
 */
export async function loadImagesIntoK3s(nodes: Dockerode.Container[], images: string[]): Promise<string[]> {
  const docker = (await getContainerRuntimeClient()).container.dockerode;
  const lines: string[] = [];
  for (const image of images) {
    const tarball = await savedImage(docker, image);
    if (!tarball) {
      lines.push(t().progress.imageNotLocal({ image }));
      continue;
    }
    // Saved once, imported on every node: a pod may land on any of them.
    await Promise.all(nodes.map((node) => importImage(docker, node, tarball, image)));
    lines.push(t().progress.imageLoaded({ image, nodes: nodes.length }));
  }
  return lines;
}

/** `ctr images import -` in the node, its standard input fed from the saved tarball. */
async function importImage(docker: Dockerode, node: Dockerode.Container, tarball: string, image: string): Promise<void> {
  const exec = await node.exec({ Cmd: ["ctr", "-n", "k8s.io", "images", "import", "-"], AttachStdin: true, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: true });
  const output = new PassThrough();
  let text = "";
  output.on("data", (d: Buffer) => (text += d.toString()));
  docker.modem.demuxStream(stream, output, output);
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("close", resolve);
    stream.on("error", reject);
  });
  // Ends the exec's standard input (a half-close) once the whole tarball is sent.
  await pipeline(createReadStream(tarball), stream, { end: true }).catch(() => {});
  await ended;
  // The stream may close a moment before the engine records the exit code: ask until it has.
  let { ExitCode, Running } = await exec.inspect();
  for (let i = 0; Running && i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    ({ ExitCode, Running } = await exec.inspect());
  }
  if (ExitCode !== 0) throw new InfrastructureError(t().errors.imageLoadFailed({ image, exitCode: ExitCode ?? -1, output: text.trim().split("\n").slice(-3).join(" ") }));
}
