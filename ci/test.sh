#!/usr/bin/env bash
# Sets the machine up (ci/setup.sh, quick when nothing changed) and runs every test: the type
# check, unit tests, and e2e tests on real k3s clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
. ci/env.sh
npm test
