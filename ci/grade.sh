#!/usr/bin/env bash
# Sets the machine up (ci/setup.sh) and runs grade with the given arguments, e.g.
#   ci/grade.sh exercise-3 --work exercises/exercise-3/solution
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh >&2
. ci/env.sh
exec node harness/cli.ts "$@"
