#!/usr/bin/env bash
# Builds every container image the tests need, from our own sources and
# Debian packages only (no container registry is reachable from CI):
#
#   registry.k8s.io/pause:3.10                  ci/images/pause     (sandbox image of the node's containerd)
#   gcr.io/google-samples/kubernetes-bootcamp:v1, :v2
#                                               ci/images/bootcamp  (Kubernetes Basics tutorial app)
#   busybox:1.36, busybox:latest                ci/images/busybox
#   $GRADE_K3S_IMAGE (grade/k3s-offline:v1.34.2-k3s1)
#                                               ci/offline-k3s      (the node image)
#
# Idempotent: each image carries a label grade.inputs=<hash of its inputs>;
# an image whose label matches the inputs of this checkout is reused as is.
# Exit status: 0 when every image is there, non-zero on a failure or when
# the node image could not be built because its scripts are missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
CACHE=$ROOT/.cache
LOGS=$CACHE/logs
GRADE_K3S_IMAGE=${GRADE_K3S_IMAGE:-grade/k3s-offline:v1.34.2-k3s1}
LABEL=grade.inputs

PAUSE_IMAGE=registry.k8s.io/pause:3.10
BOOTCAMP_IMAGE=gcr.io/google-samples/kubernetes-bootcamp
BUSYBOX_IMAGE=busybox:1.36

export GOTOOLCHAIN=local CGO_ENABLED=0 GOOS=linux

# ---------------------------------------------------------------- helpers

die() { echo "build-images: $*" >&2; exit 1; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Files of the given paths, as git sees them (tracked plus untracked, minus
# ignored), so that build outputs and caches never change a hash.
input_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -co --exclude-standard -- "$@" | sort -u | while IFS= read -r f; do
      [[ -f $f ]] && printf '%s\n' "$f"
    done
  else
    find "$@" -type f | sort
  fi
}

# hash_inputs PATH... [-- STRING...]: one hash over the named paths' files
# (names and contents) and any extra strings (versions, parameters).
hash_inputs() {
  local paths=() extras=()
  while (($#)); do
    [[ $1 == -- ]] && { shift; extras=("$@"); break; }
    paths+=("$1"); shift
  done
  {
    input_files "${paths[@]}" | while IFS= read -r f; do sha256sum "$f"; done
    printf '%s\n' "${extras[@]}"
  } | sha256sum | cut -c1-32
}

label_of() {
  docker image inspect --format "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true
}

is_current() { [[ "$(label_of "$1")" == "$2" ]]; }

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

# drop_if_dangling ID: remove an image a rebuild left without tags, so that
# repeated rebuilds don't pile up; one still used (by a container) stays.
drop_if_dangling() {
  [[ -n $1 ]] || return 0
  if [[ "$(docker image inspect --format '{{len .RepoTags}}' "$1" 2>/dev/null)" == 0 ]]; then
    docker rmi "$1" >/dev/null 2>&1 || true
  fi
}

# docker_build NAME HASH CONTEXT TAG...: build CONTEXT, log to .cache/logs.
docker_build() {
  local name=$1 hash=$2 context=$3; shift 3
  local tags=() t old
  old=$(image_id "$1")
  for t in "$@"; do tags+=(-t "$t"); done
  if ! docker build --label "$LABEL=$hash" "${tags[@]}" "$context" >"$LOGS/$name.log" 2>&1; then
    tail -n 30 "$LOGS/$name.log" >&2
    die "docker build of $name failed (log: .cache/logs/$name.log)"
  fi
  drop_if_dangling "$old"
}

# stage_context NAME SRC_DIR: fresh .cache/images/NAME with SRC_DIR's Dockerfile.
stage_context() {
  local dir=$CACHE/images/$1
  rm -rf "$dir"
  mkdir -p "$dir/rootfs"
  cp "$2/Dockerfile" "$dir/"
  printf '%s\n' "$dir"
}

go_build() { # go_build MODULE_DIR OUT [LDFLAGS]
  go build -C "$1" -trimpath -buildvcs=false -ldflags "-s -w ${3:-}" -o "$2" .
}

# Debian's busybox-static .deb, fetched once with apt-get and kept in
# .cache/debs; sets BUSYBOX_DEB and BUSYBOX_DEB_SHA.
fetch_busybox_deb() {
  local dir=$CACHE/debs deb
  mkdir -p "$dir"
  deb=$(ls "$dir"/busybox-static_*.deb 2>/dev/null | head -n1 || true)
  RESULT=reused
  if [[ -z $deb ]]; then
    RESULT=fetched
    command -v apt-get >/dev/null || die "apt-get is needed to fetch Debian's busybox-static"
    (cd "$dir" && apt-get download busybox-static >"$LOGS/apt.log" 2>&1) ||
      { apt-get update >>"$LOGS/apt.log" 2>&1 && (cd "$dir" && apt-get download busybox-static >>"$LOGS/apt.log" 2>&1); } ||
      { cat "$LOGS/apt.log" >&2; die "apt-get download busybox-static failed"; }
    deb=$(ls "$dir"/busybox-static_*.deb | head -n1)
  fi
  BUSYBOX_DEB=$deb
  BUSYBOX_DEB_SHA="$(basename "$deb") $(sha256sum "$deb" | cut -c1-32)"
}

# stage_busybox_rootfs ROOTFS: busybox at /bin/busybox with a symlink per
# applet (sh, env, cat, ls, echo, mkdir, ...), minimal /etc, /tmp and /root.
stage_busybox_rootfs() {
  local rootfs=$1 unpacked=$CACHE/busybox-static applet
  rm -rf "$unpacked"
  dpkg-deb -x "$BUSYBOX_DEB" "$unpacked"
  install -D -m 0755 "$unpacked/bin/busybox" "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list-full); do
    [[ $applet == bin/busybox ]] && continue
    mkdir -p "$rootfs/$(dirname "$applet")"
    ln -sfn /bin/busybox "$rootfs/$applet"
  done
  mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/root" "$rootfs/usr/local/bin"
  chmod 1777 "$rootfs/tmp"
  chmod 0700 "$rootfs/root"
  cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
  cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
}

# ---------------------------------------------------------------- images
# Each sets RESULT to built, reused or skipped.

build_pause() {
  local src=ci/images/pause ctx
  PAUSE_HASH=$(hash_inputs "$src" -- "$GO_VERSION" "$SCRIPT_HASH")
  if is_current "$PAUSE_IMAGE" "$PAUSE_HASH"; then RESULT=reused; return; fi
  ctx=$(stage_context pause "$src")
  go_build "$src" "$ctx/rootfs/pause"
  docker_build pause "$PAUSE_HASH" "$ctx" "$PAUSE_IMAGE"
  RESULT=built
}

build_bootcamp() { # build_bootcamp VERSION (1 or 2)
  local v=$1 src=ci/images/bootcamp tag=$BOOTCAMP_IMAGE:v$1 hash ctx
  hash=$(hash_inputs "$src" -- "$GO_VERSION" "$SCRIPT_HASH" "$BUSYBOX_DEB_SHA" "v=$v")
  if is_current "$tag" "$hash"; then RESULT=reused; return; fi
  ctx=$(stage_context "bootcamp-v$v" "$src")
  stage_busybox_rootfs "$ctx/rootfs"
  go_build "$src" "$ctx/rootfs/usr/local/bin/bootcamp" "-X main.version=$v"
  docker_build "bootcamp-v$v" "$hash" "$ctx" "$tag"
  RESULT=built
}

build_busybox() {
  local src=ci/images/busybox hash ctx
  hash=$(hash_inputs "$src" -- "$SCRIPT_HASH" "$BUSYBOX_DEB_SHA")
  if is_current "$BUSYBOX_IMAGE" "$hash"; then
    docker tag "$BUSYBOX_IMAGE" busybox:latest
    RESULT=reused; return
  fi
  ctx=$(stage_context busybox "$src")
  stage_busybox_rootfs "$ctx/rootfs"
  docker_build busybox "$hash" "$ctx" "$BUSYBOX_IMAGE" busybox:latest
  RESULT=built
}

# run_script SCRIPT ARG...: by its own shebang when executable, else with bash.
run_script() {
  local s=$1; shift
  if [[ -x $s ]]; then "./$s" "$@"; else bash "$s" "$@"; fi
}

# The node image is our teammates' recipe; we only call it, then stamp the
# result with the inputs label (a metadata-only build on top of it).
build_node() {
  local k8s_build=ci/offline-k3s/k8s/build.sh image_build=ci/offline-k3s/build-image.sh hash s old
  for s in "$k8s_build" "$image_build"; do
    if [[ ! -f $s ]]; then
      echo "build-images: $s does not exist yet: node image $GRADE_K3S_IMAGE not built" >&2
      NODE_MISSING=1; RESULT=skipped; return
    fi
  done
  hash=$(hash_inputs ci/offline-k3s -- "$GO_VERSION" "$PAUSE_HASH")
  if is_current "$GRADE_K3S_IMAGE" "$hash"; then RESULT=reused; return; fi
  old=$(image_id "$GRADE_K3S_IMAGE")
  run_script "$k8s_build" "$CACHE/k8s" >"$LOGS/k8s.log" 2>&1 ||
    { tail -n 30 "$LOGS/k8s.log" >&2; die "$k8s_build failed (log: .cache/logs/k8s.log)"; }
  run_script "$image_build" "$GRADE_K3S_IMAGE" "$CACHE/k8s" >"$LOGS/node-image.log" 2>&1 ||
    { tail -n 30 "$LOGS/node-image.log" >&2; die "$image_build failed (log: .cache/logs/node-image.log)"; }
  printf 'FROM %s\n' "$GRADE_K3S_IMAGE" |
    docker build --label "$LABEL=$hash" -t "$GRADE_K3S_IMAGE" - >"$LOGS/node-label.log" 2>&1 ||
    { tail -n 30 "$LOGS/node-label.log" >&2; die "labelling $GRADE_K3S_IMAGE failed"; }
  drop_if_dangling "$old"
  RESULT=built
}

# ---------------------------------------------------------------- main

STEP=""
on_exit() {
  local rc=$?
  if ((rc != 0)) && [[ -n $STEP ]]; then
    printf '%-34s FAILED after %s s\n' "$STEP" "$(seconds_since "$STEP_START")" >&2
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { # step NAME FUNCTION [ARG...]
  STEP=$1; shift
  STEP_START=$(now)
  RESULT=""
  "$@"
  printf '%-34s %-8s %6s s\n' "$STEP" "$RESULT" "$(seconds_since "$STEP_START")"
  STEP=""
}

command -v docker >/dev/null || die "no docker command: run ci/install-docker.sh"
docker info >/dev/null 2>&1 || die "no Docker engine answers: run ci/install-docker.sh"
command -v go >/dev/null || die "go is needed to build the images' programs"

TOTAL_START=$(now)
mkdir -p "$LOGS"
GO_VERSION=$(go env GOVERSION)
SCRIPT_HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-32)
NODE_MISSING=0

step "busybox-static .deb" fetch_busybox_deb
step "pause ($PAUSE_IMAGE)" build_pause
step "bootcamp v1" build_bootcamp 1
step "bootcamp v2" build_bootcamp 2
step "busybox ($BUSYBOX_IMAGE)" build_busybox
step "node ($GRADE_K3S_IMAGE)" build_node
printf '%-34s %-8s %6s s\n' "total" "" "$(seconds_since "$TOTAL_START")"

if ((NODE_MISSING)); then
  echo "build-images: node image missing: its build scripts are not in ci/offline-k3s yet" >&2
  exit 3
fi
