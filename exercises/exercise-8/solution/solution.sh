#!/usr/bin/env bash
# Reference solution for exercise 8 "Node failure". Autograding runs a learner's copy of this
# (work/exercise-8/solution.sh) with KUBECONFIG set, in the learner's work folder, right after
# grade has stopped the machine of node k3s-agent-1: Kubernetes has not noticed yet.
set -euo pipefail

# Waits until a command prints something, at most $1 seconds; prints what it printed.
wait_for() {
  local deadline=$((SECONDS + $1)) out; shift
  until out=$("$@") && [ -n "$out" ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "gave up waiting for: $*" >&2; return 1; fi
    sleep 1
  done
  echo "$out"
}

# 1. Before Kubernetes notices: both nodes Ready, two pods on each.
kubectl get nodes
kubectl get pods -o wide

# 2. The node whose kubelet went silent turns NotReady after the node monitor grace period (about
#    50 s): its Ready condition becomes Unknown, and it gets the unreachable taints.
not_ready_node() {
  kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' |
    awk '$2 != "True" { print $1; exit }'
}
FAILED_NODE=$(wait_for 120 not_ready_node)
kubectl get nodes
kubectl describe node "$FAILED_NODE"
TAINT=$(kubectl get node "$FAILED_NODE" -o jsonpath='{.spec.taints[?(@.effect=="NoExecute")].key}')

# 3. 15 s later (the pods' toleration of that taint) its pods are evicted and the ReplicaSet
#    replaces them on the other node. Wait until 4 pods are Ready off the failed node.
ready_elsewhere() {
  local ready
  ready=$(kubectl get pods -l app=kubernetes-bootcamp --field-selector "spec.nodeName!=$FAILED_NODE" \
    -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c True || true)
  [ "$ready" -ge 4 ] && echo "$ready"
  return 0
}
wait_for 120 ready_elsewhere >/dev/null
kubectl get pods -o wide
kubectl get events --field-selector reason=TaintManagerEviction

# The evicted pods stay listed, Terminating, on the failed node: no kubelet there confirms their end.
EVICTED_POD=$(kubectl get pods -l app=kubernetes-bootcamp --field-selector "spec.nodeName=$FAILED_NODE" -o jsonpath='{.items[0].metadata.name}')
REPLICAS_NODE=$(kubectl get pods -l app=kubernetes-bootcamp --field-selector "spec.nodeName!=$FAILED_NODE" -o jsonpath='{.items[0].spec.nodeName}')

cat > answers.yaml <<ANSWERS
evicted:
  pod: "$EVICTED_POD"
failedNode:
  name: "$FAILED_NODE"
  taint: "$TAINT"
replicas:
  node: "$REPLICAS_NODE"
ANSWERS
cat answers.yaml
