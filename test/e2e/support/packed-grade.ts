import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, runCommand, type Finished } from "./cli-process.ts";

export interface PackedGrade {
  tarball: string;
  /** Paths inside the package, as npm pack lists them. */
  files: string[];
  size: number;
  unpackedSize: number;
  seconds: number;
}

/** `npm pack` of this repository, as a release would make it (prepack builds dist/). */
export async function packGrade(): Promise<PackedGrade> {
  const destination = mkdtempSync(path.join(os.tmpdir(), "grade-pack-"));
  const packed = await runCommand("npm", ["pack", "--json", "--pack-destination", destination], { cwd: REPO_ROOT });
  if (packed.code !== 0) throw new Error(`npm pack failed (exit ${packed.code}):\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[]; size: number; unpackedSize: number }[];
  return {
    tarball: path.join(destination, info!.filename),
    files: info!.files.map((f) => f.path),
    size: info!.size,
    unpackedSize: info!.unpackedSize,
    seconds: packed.seconds,
  };
}

/** Installs the tarball into dir as a user would (`npm install ./grade.tgz`); dependencies come from the registry. */
export async function installPackage(tarball: string, dir: string): Promise<Finished> {
  const installed = await runCommand("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: dir });
  if (installed.code !== 0) throw new Error(`npm install ${tarball} failed (exit ${installed.code}):\n${installed.stderr}`);
  return installed;
}

/**
 * What GitHub's runner fetches for `uses: owner/grade@ref`: the repository's files at that ref.
 * Here: the files git tracks or would track (untracked but not ignored), as they are now.
 */
export function actionCheckout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-action-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(path.join(REPO_ROOT, file))); // a tracked file deleted in the work tree is not there
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(REPO_ROOT, file), path.join(dir, file), { force: true });
  }
  return dir;
}
