// Part of `npm run build`, after tsc: replaces dist/harness/kube/kubernetes-client.js (a re-export
// of @kubernetes/client-node) with one file holding those exports and all the code they need,
// the library's dependencies included. Loading the library file by file (876 of them) took
// ~0.37 s of every command that talks to a cluster; the one file loads in ~0.1 s.
// Not minified, so a stack trace through it still reads.
import { renameSync } from "node:fs";
import path from "node:path";
import { build } from "rolldown";

const door = path.resolve(import.meta.dirname, "../dist/harness/kube/kubernetes-client.js");
const bundled = `${door}.bundle`;
await build({
  input: door,
  platform: "node",
  logLevel: "warn",
  output: {
    file: bundled,
    format: "esm",
    banner: "// @kubernetes/client-node (Apache-2.0) and its dependencies, bundled by ci/bundle-kubernetes-client.ts; their licenses are in their packages.",
  },
});
renameSync(bundled, door);
