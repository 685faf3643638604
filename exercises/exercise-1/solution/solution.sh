#!/usr/bin/env bash
# Reference solution for exercise 1 "Create a cluster". `grade run` started the cluster (as
# `grade start` does for a learner at the keyboard) and runs this with KUBECONFIG set.
set -euo pipefail

# kubectl colours some output on a terminal; answers must be plain text.
plain() { sed 's/\x1b\[[0-9;]*m//g'; }

# 1. Versions: kubectl's own and the API server's.
kubectl version
SERVER_VERSION=$(kubectl version | plain | sed -n 's/^Server Version: //p')

# 2. The control plane's URL.
kubectl cluster-info
CONTROL_PLANE=$(kubectl cluster-info | plain | sed -n 's/^Kubernetes control plane is running at //p')

# 3. The nodes.
kubectl get nodes
NODE_COUNT=$(kubectl get nodes --no-headers | wc -l)
NODE_NAME=$(kubectl get nodes -o jsonpath='{.items[0].metadata.name}')

# 4. One node in detail: what `get nodes -o wide` and `describe node` show.
kubectl get nodes -o wide
kubectl describe node "$NODE_NAME"
INTERNAL_IP=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')
KUBELET_VERSION=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.kubeletVersion}')
RUNTIME=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
POD_CIDR=$(kubectl describe node "$NODE_NAME" | sed -n 's/^PodCIDR: *//p')

cat > answers.yaml <<ANSWERS
cluster:
  serverVersion: "$SERVER_VERSION"
  controlPlane: "$CONTROL_PLANE"
nodes:
  count: $NODE_COUNT
node:
  name: "$NODE_NAME"
  internalIP: "$INTERNAL_IP"
  kubeletVersion: "$KUBELET_VERSION"
  containerRuntime: "$RUNTIME"
  podCIDR: "$POD_CIDR"
ANSWERS
cat answers.yaml
