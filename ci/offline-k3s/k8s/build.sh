#!/bin/sh
# Build the static multicall Kubernetes binary (see README.md).
# usage: build.sh OUTPUT_PATH
# Uses the default GOCACHE, so a rebuild after a cold build only relinks.
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTPUT_PATH" >&2; exit 2; }
case $1 in /*) out=$1 ;; *) out=$(pwd)/$1 ;; esac
cd "$(dirname "$0")"

# Must match k8s.io/kubernetes in go.mod. gitCommit is that of the upstream
# v1.34.2 release (as its own binaries report it); buildDate is fixed to the
# tag's commit time so the build is reproducible.
KUBE_VERSION=v1.34.2
KUBE_MAJOR=1
KUBE_MINOR=34
KUBE_COMMIT=8cc511e399b929453cd98ae65b419c3cc227ec79
BUILD_DATE=2025-11-11T19:00:37Z

ldflags="-s -w -extldflags=-static"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags="$ldflags -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=$KUBE_MAJOR -X $pkg.gitMinor=$KUBE_MINOR"
  ldflags="$ldflags -X $pkg.gitCommit=$KUBE_COMMIT -X $pkg.gitTreeState=clean -X $pkg.buildDate=$BUILD_DATE"
done

mkdir -p "$(dirname "$out")"
start=$(date +%s)
CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly \
  go build -trimpath -buildvcs=false -tags providerless -ldflags "$ldflags" -o "$out" .
echo "built $out in $(( $(date +%s) - start ))s"
