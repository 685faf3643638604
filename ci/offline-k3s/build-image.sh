#!/usr/bin/env bash
# Builds the offline stand-in for the rancher/k3s image:
#   1. a Debian bookworm minbase root filesystem (debootstrap) with containerd, runc,
#      the CNI plugins, iptables and tini, `docker import`ed as a base image;
#   2. a Dockerfile FROM that base adding /bin/k8s (upstream Kubernetes multicall binary),
#      /bin/k3s (our supervisor, built here from ./k3s), the component symlinks and one
#      tarball per image the node needs before any registry could answer (pause, CoreDNS),
#      imported at start from /var/lib/rancher/k3s/agent/images.
# Each image is labelled with a hash of its inputs; a step whose image with the same
# hash already exists is skipped.
#
# usage: build-image.sh [IMAGE_TAG] [K8S_BINARY]
#   IMAGE_TAG   default grade/k3s-offline:v1.34.2-k3s1
#   K8S_BINARY  default <repo>/.cache/k8s
# env: BASE_ONLY=1 builds only the base image (no k8s binary needed).
#      AGENT_IMAGES (default "registry.k8s.io/pause:3.10 rancher/mirrored-coredns-coredns:1.13.1"):
#      images that must exist in the local Docker; each is saved into the node image;
#      CACHE_DIR (default <repo>/.cache/offline-k3s) holds the debootstrap cache and rootfs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tag=${1:-grade/k3s-offline:v1.34.2-k3s1}
k8s_bin=${2:-$repo/.cache/k8s}
read -r -a agent_images <<<"${AGENT_IMAGES:-registry.k8s.io/pause:3.10 rancher/mirrored-coredns-coredns:1.13.1}"
cache=${CACHE_DIR:-$repo/.cache/offline-k3s}
suite=bookworm
packages=containerd,runc,containernetworking-plugins,iptables,tini,ca-certificates,conntrack,iproute2,procps,util-linux,mount

log() { printf '[build-image] %s\n' "$*" >&2; }
step_start=0
step() { step_start=$(date +%s); log "step: $*"; }
step_done() { log "  done in $(( $(date +%s) - step_start )) s"; }


# The mirror URI the machine already uses.
mirror=$(sed -n 's/^URIs: *\(\S*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(\S*\/debian\) bookworm .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n1 || true)
[ -n "$mirror" ] || { echo "build-image: cannot find the Debian mirror in /etc/apt" >&2; exit 1; }

# ---- step 1: base image --------------------------------------------------------------
base_hash=$( { echo "$suite $packages $mirror"; cat "$here/build-image.sh" | sed -n '/^# ---- step 1/,/^# ---- step 2/p'; } | sha256sum | cut -c1-16)
base_tag=grade/k3s-offline-base:$base_hash
step "base image $base_tag"
if docker image inspect "$base_tag" >/dev/null 2>&1; then
  log "  exists (same inputs), skipped"
else
  command -v debootstrap >/dev/null || {
    [ "$(id -u)" = 0 ] || { echo "build-image: debootstrap missing" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  rootfs=$cache/rootfs-$base_hash
  mkdir -p "$cache/debs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase --include="$packages" --cache-dir="$cache/debs" \
    "$suite" "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
    tail -n 30 "$cache/debootstrap.log" >&2; echo "build-image: debootstrap failed" >&2; exit 1; }
  # Trim: no apt caches, docs or man pages in the image.
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log
  # containerd's Debian unit starts nothing here; make sure no policy blocks daemons anyway.
  : >"$rootfs/etc/machine-id"
  tar -C "$rootfs" --numeric-owner -c . | docker import \
    -c "LABEL grade.k3s-offline.base-inputs=$base_hash" -c 'CMD ["/bin/bash"]' - "$base_tag" >/dev/null
  rm -rf "$rootfs"
fi
step_done

# ---- step 2: node image --------------------------------------------------------------
if [ "${BASE_ONLY:-}" = 1 ]; then log "BASE_ONLY=1: base image only"; exit 0; fi
[ -x "$k8s_bin" ] || { echo "build-image: k8s binary not found or not executable: $k8s_bin" >&2; exit 1; }
for image in "${agent_images[@]}"; do
  docker image inspect "$image" >/dev/null 2>&1 || {
    echo "build-image: image $image is not in the local Docker (ci/build-images.sh builds it)" >&2; exit 1; }
done
ctx=$cache/context
rm -rf "$ctx"; mkdir -p "$ctx/images"

step "build the k3s supervisor"
(cd "$here/k3s" && CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$ctx/k3s" .)
step_done

step "collect inputs (k8s binary, image tarballs)"
cp "$k8s_bin" "$ctx/k8s"
for image in "${agent_images[@]}"; do
  # registry.k8s.io/pause:3.10 -> pause-3.10.tar
  name=${image##*/}
  docker save "$image" -o "$ctx/images/${name/:/-}.tar"
done
cp "$here/image/Dockerfile" "$ctx/"
step_done

# The hash covers the inputs' content (the images by name and image ID).
node_hash=$( cd "$ctx" && { echo "$base_tag"; for image in "${agent_images[@]}"; do
  echo "$image $(docker image inspect -f '{{.Id}}' "$image")"; done; sha256sum k3s k8s Dockerfile; } | sha256sum | cut -c1-16)
step "node image $tag"
if [ "$(docker image inspect -f '{{index .Config.Labels "grade.k3s-offline.inputs"}}' "$tag" 2>/dev/null || true)" = "$node_hash" ]; then
  log "  exists (same inputs), skipped"
else
  DOCKER_BUILDKIT=0 docker build -q --build-arg BASE="$base_tag" --label grade.k3s-offline.inputs="$node_hash" -t "$tag" "$ctx" >/dev/null
fi
step_done
rm -rf "$ctx"
log "image $tag ready"
