import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * grade's own package: where it lives and what its package.json says. The same code runs from the
 * repository (harness/*.ts) and from an installed package (dist/harness/*.js, one folder deeper),
 * so the root is found by walking up to the first package.json rather than by a fixed `../..`.
 */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

// Our own file, read at every start (`grade --version`): a type is enough, no schema to load.
export const PACKAGE_JSON = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { name: string; version: string; repository?: { url: string } };

/** The exercises that come with grade (in the package without their reference solutions). */
export const BUNDLED_EXERCISES_DIR = path.join(PACKAGE_ROOT, "exercises");

/** owner/name of the GitHub repository that holds grade and its action, from package.json's `repository`. */
export function githubRepository(url = PACKAGE_JSON.repository?.url ?? ""): string {
  const match = /github\.com[/:]([^/]+\/[^/.]+?)(?:\.git)?$/.exec(url);
  if (!match) throw new Error(`package.json's repository.url (${JSON.stringify(url)}) does not name a GitHub repository`);
  return match[1]!;
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`grade's package.json is not in ${from} or any folder above it`);
  }
}
