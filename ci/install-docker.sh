#!/usr/bin/env bash
# Installs and starts a Docker engine that can run privileged containers.
# Debian 12's docker.io (20.10) cannot start privileged containers on VMs whose capability
# bounding set lacks CAP_SYS_RESOURCE; Docker >= 23 copes (moby#42933). So we take only the
# docker.io package from trixie, pinned low so nothing else is upgraded.
set -euo pipefail

log() { printf '[install-docker] %s\n' "$*"; }

if docker info >/dev/null 2>&1; then
  log "engine already running: $(docker version --format '{{.Server.Version}}')"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-docker: no Docker engine found and not root; install Docker >= 23 and start it" >&2
    exit 1
  fi
  # Reuse the mirror URI the machine is already configured with.
  uri=$(sed -n 's/^URIs: *\(\S*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  [ -n "$uri" ] || uri=$(sed -n 's/^deb \(\S*\/debian\) bookworm .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n1)
  [ -n "$uri" ] || { echo "install-docker: cannot find the Debian mirror in /etc/apt" >&2; exit 1; }
  cat > /etc/apt/sources.list.d/grade-trixie.sources <<SRC
Types: deb
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  cat > /etc/apt/preferences.d/grade-trixie <<PIN
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  log "apt-get update"
  apt-get update -qq
  log "installing docker.io from trixie"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io/trixie >/dev/null
fi

log "starting dockerd"
mkdir -p /var/log
nohup dockerd >/var/log/dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "engine running: $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 1
done
echo "install-docker: dockerd did not answer within 60 s; see /var/log/dockerd.log" >&2
tail -n 20 /var/log/dockerd.log >&2 || true
exit 1
