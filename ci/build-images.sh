#!/usr/bin/env bash
# Builds every container image the tests need, from our own sources and
# Debian packages only (no container registry is reachable from CI):
#
#   registry.k8s.io/pause:3.10                  ci/images/pause     (sandbox image of the node's containerd)
#   gcr.io/google-samples/kubernetes-bootcamp:v1, :v2, docker.io/jocatalin/kubernetes-bootcamp:v2
#                                               ci/images/bootcamp  (Kubernetes Basics tutorial app)
#   busybox:1.36, busybox:latest                ci/images/busybox
#   rancher/mirrored-coredns-coredns:1.13.1     ci/images/coredns   (cluster DNS, deployed by the node image)
#   $GRADE_K3S_IMAGE (grade/k3s-offline:v1.34.2-k3s1)
#                                               ci/offline-k3s      (the node image)
#
# gcr.io/google-samples/kubernetes-bootcamp:v10 is never built: the tutorial's module 6 needs
# that tag to fail to pull.
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
# Module 6's rolling update names the v2 app by this second name.
BOOTCAMP_V2_ALIAS=docker.io/jocatalin/kubernetes-bootcamp:v2
BUSYBOX_IMAGE=busybox:1.36
# The tag k3s v1.34.2+k3s1's coredns.yaml names (CoreDNS 1.13.1).
COREDNS_IMAGE=rancher/mirrored-coredns-coredns:1.13.1
COREDNS_MODULE_VERSION=v1.13.1

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

# Debian's busybox-static .deb from trixie (1.37), fetched once and kept in .cache/debs/trixie;
# sets BUSYBOX_DEB and BUSYBOX_DEB_SHA. Not bookworm's 1.35: it is built without
# FEATURE_WGET_TIMEOUT, and its `wget -T SECONDS` then writes through a NULL pointer and
# dies with SIGSEGV (fixed in Debian's 1.36.1-5). The trixie index goes to a private apt
# state in .cache/apt-trixie, so the machine's apt sources stay as they are.
fetch_busybox_deb() {
  local dir=$CACHE/debs/trixie deb
  mkdir -p "$dir"
  deb=$(ls "$dir"/busybox-static_*.deb 2>/dev/null | head -n1 || true)
  RESULT=reused
  if [[ -z $deb ]]; then
    RESULT=fetched
    command -v apt-get >/dev/null || die "apt-get is needed to fetch Debian's busybox-static"
    local mirror apt_dir=$CACHE/apt-trixie apt
    mirror=$(debian_mirror) || die "cannot find the Debian mirror in /etc/apt (needed for busybox-static)"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' "$mirror" >"$apt_dir/sources.list"
    apt=(apt-get -q -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
         -o "Dir::State::lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Get::List-Cleanup=0)
    { "${apt[@]}" update && (cd "$dir" && "${apt[@]}" download busybox-static/trixie); } >"$LOGS/apt.log" 2>&1 ||
      { tail -n 20 "$LOGS/apt.log" >&2; die "fetching busybox-static from trixie ($mirror) failed (log: .cache/logs/apt.log)"; }
    deb=$(ls "$dir"/busybox-static_*.deb | head -n1)
  fi
  BUSYBOX_DEB=$deb
  BUSYBOX_DEB_SHA="$(basename "$deb") $(sha256sum "$deb" | cut -c1-32)"
}

# The Debian mirror this machine's apt already uses.
debian_mirror() {
  local uri
  uri=$(sed -n 's/^URIs: *\(\S*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
  [[ -n $uri ]] || uri=$(sed -n 's/^deb \(\S*\/debian\) bookworm .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n1 || true)
  [[ -n $uri ]] && printf '%s\n' "$uri"
}

# stage_busybox_rootfs ROOTFS: busybox at /bin/busybox with a symlink per
# applet (sh, env, cat, ls, echo, mkdir, ...), minimal /etc, /tmp and /root.
stage_busybox_rootfs() {
  local rootfs=$1 unpacked=$CACHE/busybox-static applet bin
  rm -rf "$unpacked"
  dpkg-deb -x "$BUSYBOX_DEB" "$unpacked"
  bin=$unpacked/usr/bin/busybox # trixie (merged /usr); bookworm had bin/busybox
  [[ -f $bin ]] || bin=$unpacked/bin/busybox
  install -D -m 0755 "$bin" "$rootfs/bin/busybox"
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
  local v=$1 src=ci/images/bootcamp tag=$BOOTCAMP_IMAGE:v$1 hash ctx a aliases=()
  [[ $v == 2 ]] && aliases=("$BOOTCAMP_V2_ALIAS")
  hash=$(hash_inputs "$src" -- "$GO_VERSION" "$SCRIPT_HASH" "$BUSYBOX_DEB_SHA" "v=$v")
  if is_current "$tag" "$hash"; then
    for a in "${aliases[@]}"; do docker tag "$tag" "$a"; done
    RESULT=reused; return
  fi
  ctx=$(stage_context "bootcamp-v$v" "$src")
  stage_busybox_rootfs "$ctx/rootfs"
  go_build "$src" "$ctx/rootfs/usr/local/bin/bootcamp" "-X main.version=$v"
  docker_build "bootcamp-v$v" "$hash" "$ctx" "$tag" "${aliases[@]}"
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

# CoreDNS from Go modules with only the plugins a k3s Corefile uses (ci/images/coredns).
# A cold build compiles client-go and friends (minutes); the Go build cache keeps later
# ones to a relink, and an image with the same inputs is not rebuilt at all.
build_coredns() {
  local src=ci/images/coredns ctx commit
  COREDNS_HASH=$(hash_inputs "$src" -- "$GO_VERSION" "$SCRIPT_HASH" "$COREDNS_MODULE_VERSION")
  if is_current "$COREDNS_IMAGE" "$COREDNS_HASH"; then RESULT=reused; return; fi
  ctx=$(stage_context coredns "$src")
  # The version CoreDNS reports (coredns -version), as the upstream release build sets it.
  commit=$(go -C "$src" mod download -json "github.com/coredns/coredns@$COREDNS_MODULE_VERSION" |
    sed -n 's/.*"Hash": "\(.\{7\}\).*/\1/p')
  go_build "$src" "$ctx/rootfs/coredns" \
    "-X github.com/coredns/coredns/coremain.gitTag=$COREDNS_MODULE_VERSION -X github.com/coredns/coredns/coremain.GitCommit=$commit"
  docker_build coredns "$COREDNS_HASH" "$ctx" "$COREDNS_IMAGE"
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
  hash=$(hash_inputs ci/offline-k3s -- "$GO_VERSION" "$PAUSE_HASH" "$COREDNS_HASH")
  if is_current "$GRADE_K3S_IMAGE" "$hash"; then RESULT=reused; return; fi
  old=$(image_id "$GRADE_K3S_IMAGE")
  run_script "$k8s_build" "$CACHE/k8s" >"$LOGS/k8s.log" 2>&1 ||
    { tail -n 30 "$LOGS/k8s.log" >&2; die "$k8s_build failed (log: .cache/logs/k8s.log)"; }
  AGENT_IMAGES="$PAUSE_IMAGE $COREDNS_IMAGE" \
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
step "coredns ($COREDNS_IMAGE)" build_coredns
step "node ($GRADE_K3S_IMAGE)" build_node
printf '%-34s %-8s %6s s\n' "total" "" "$(seconds_since "$TOTAL_START")"

if ((NODE_MISSING)); then
  echo "build-images: node image missing: its build scripts are not in ci/offline-k3s yet" >&2
  exit 3
fi
