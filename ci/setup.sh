#!/usr/bin/env bash
# One-time (and idempotent) set-up of a machine for grade: a Docker engine, Node >= 22.22, the npm
# dependencies, and the images — pulled where a registry answers, else built here from Debian
# packages and our own sources (ci/build-images.sh). Prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$SECONDS
took() { printf '[setup] %-28s %4d s\n' "$1" $((SECONDS - $2)); }

t=$SECONDS; bash ci/install-docker.sh; took "docker engine" "$t"
t=$SECONDS; node_bin=$(bash ci/install-node.sh); export PATH="$node_bin:$PATH"; took "node $(node --version)" "$t"
t=$SECONDS
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then :; else npm ci --no-audit --no-fund --loglevel=error; fi
took "npm dependencies" "$t"

# shellcheck source=ci/env.sh
. ci/env.sh
t=$SECONDS
if docker image inspect "$GRADE_DEFAULT_K3S_IMAGE" >/dev/null 2>&1 || timeout 120 docker pull -q "$GRADE_DEFAULT_K3S_IMAGE" >/dev/null 2>&1; then
  echo "[setup] using $GRADE_DEFAULT_K3S_IMAGE; exercise images are pulled by the cluster"
else
  echo "[setup] $GRADE_DEFAULT_K3S_IMAGE cannot be pulled here: building the offline stand-ins"
  bash ci/build-images.sh
  # kubectl for the tests and the reference solutions: the node image's own, so versions match
  # (a reused image leaves no fresh .cache/k8s behind, so take it from the image).
  if ! [ -x .cache/k8s ]; then
    id=$(docker create "$GRADE_OFFLINE_K3S_IMAGE")
    docker cp "$id:/bin/k8s" .cache/k8s >/dev/null
    docker rm -v "$id" >/dev/null  # -v: the image declares volumes, made (and filled) at create
  fi
  mkdir -p .cache/bin && ln -sfn ../k8s .cache/bin/kubectl
fi
took "images" "$t"
took "total" "$t0"
