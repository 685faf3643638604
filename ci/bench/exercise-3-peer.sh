#!/usr/bin/env bash
# The benchmark's peer for `grade run exercise-3`: the same job written by hand in bash, on the
# same image, with the same steps — start k3s in Docker as testcontainers does, wait for its ready
# line, import the app's image, apply the starter and wait for it, run the learner's script,
# check the results with kubectl, curl and grep, remove the container. Prints the score.
#   usage: exercise-3-peer.sh WORK_DIR   (WORK_DIR holds solution.sh; GRADE_K3S_IMAGE names the image: the one grade uses, as ci/bench.ts passes it)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(cd "$1" && pwd)
image=${GRADE_K3S_IMAGE:?ci/bench.ts names the image grade uses}
app=gcr.io/google-samples/kubernetes-bootcamp:v1
run=$(mktemp -d)
export KUBECONFIG=$run/kubeconfig

# 1. A k3s container, run as testcontainers runs it; removed however this script ends.
id=$(docker run -d --privileged --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw \
  --tmpfs /run --tmpfs /var/run -p 127.0.0.1::6443 --label dev.grade.bench-peer=true \
  "$image" server --disable=traefik)
trap 'docker rm -f -v "$id" >/dev/null 2>&1 || true; rm -rf "$run"' EXIT
for _ in $(seq 1 240); do docker logs "$id" 2>&1 | grep -q "Node controller sync successful" && break; sleep 0.5; done
port=$(docker port "$id" 6443/tcp | head -n1 | sed 's/.*://')
docker exec "$id" cat /etc/rancher/k3s/k3s.yaml | sed "s#https://127.0.0.1:6443#https://localhost:$port#" > "$KUBECONFIG"

# 2. The app's image, into the node's containerd.
docker save "$app" | docker exec -i "$id" ctr -n k8s.io images import - >/dev/null

# 3. The starter, until its pod is ready.
kubectl apply --server-side -f "$here/exercises/exercise-3/starter/" >/dev/null
kubectl rollout status deployment/kubernetes-bootcamp --timeout=180s >/dev/null

# 4. The learner's script, in their folder, in a process group of its own (what it leaves running,
#    its kubectl proxy, is ended after the checks).
(cd "$work" && exec setsid bash solution.sh > "$run/transcript.log" 2>&1) &
script=$!
trap 'kill -- -"$script" 2>/dev/null || true; docker rm -f -v "$id" >/dev/null 2>&1 || true; rm -rf "$run"' EXIT
wait "$script" || true

# 5. The checks: the log first (before our own requests), then the rest.
score=0
pod=$(kubectl get pods -l app=kubernetes-bootcamp -o jsonpath='{.items[0].metadata.name}')
answer() { sed -n "s/^ *$1: *\"\{0,1\}\([^\"]*\)\"\{0,1\}$/\1/p" "$work/answers.yaml" 2>/dev/null | head -n1; }
kubectl logs "$pod" | grep -q "Total Requests: [1-9]" && score=$((score + 1))
[ "$(kubectl get pod "$pod" -o jsonpath='{.status.phase}')" = Running ] && score=$((score + 1))
[ "$(answer name)" = "$pod" ] && score=$((score + 1))
[ "$(answer node)" = "$(kubectl get pod "$pod" -o jsonpath='{.spec.nodeName}')" ] && score=$((score + 1))
[ "$(answer ip)" = "$(kubectl get pod "$pod" -o jsonpath='{.status.podIP}')" ] && score=$((score + 1))
curl -fsS "http://127.0.0.1:8001/api/v1/namespaces/default/pods/$pod:8080/proxy/" | grep -q "Hello Kubernetes bootcamp!" && score=$((score + 1))
[ "$(answer reply)" = "$(kubectl get --raw "/api/v1/namespaces/default/pods/$pod:8080/proxy/")" ] && score=$((score + 1))
[ "$(answer startedAt)" = "$(kubectl logs "$pod" | sed -n 's/.*Started At: \([^ ]*\).*/\1/p' | head -n1)" ] && score=$((score + 1))
[ "$(answer hostname)" = "$(kubectl exec "$pod" -- env | sed -n 's/^HOSTNAME=//p')" ] && score=$((score + 1))
[ "$(kubectl exec "$pod" -- cat /tmp/hello.txt)" = "Hello from $pod" ] && score=$((score + 1))
echo "score $score/10"
