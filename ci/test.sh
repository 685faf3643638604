#!/usr/bin/env bash
# Sets the machine up (ci/setup.sh, quick when nothing changed) and runs every test: the type
# check, unit tests, and e2e tests on real k3s clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
. ci/env.sh
# The Go programs behind the offline images (the app stand-in, pause, the k3s supervisor).
for module in ci/images/bootcamp ci/images/pause ci/images/coredns ci/offline-k3s/k3s; do
  (cd "$module" && GOTOOLCHAIN=local go test ./...)
done
npm test
