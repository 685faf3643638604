#!/usr/bin/env bash
# Reference solution for exercise 3 "Pods and Nodes". Autograding runs a learner's copy of this
# (work/exercise-3/solution.sh) with KUBECONFIG set, in the learner's work folder.
set -euo pipefail

APP=app=kubernetes-bootcamp

# 1. Find the pod and its node.
kubectl get pods -o wide
kubectl describe pods -l "$APP" >/dev/null
POD_NAME=$(kubectl get pods -l "$APP" -o jsonpath='{.items[0].metadata.name}')
NODE_NAME=$(kubectl get pod "$POD_NAME" -o jsonpath='{.spec.nodeName}')
POD_IP=$(kubectl get pod "$POD_NAME" -o jsonpath='{.status.podIP}')
kubectl describe node "$NODE_NAME" >/dev/null
echo "pod $POD_NAME runs on $NODE_NAME with IP $POD_IP"

# 2. Reach the app through kubectl proxy (left running: grading checks it too).
kubectl proxy --port=8001 >/dev/null 2>&1 &
for _ in $(seq 1 50); do curl -fsS http://127.0.0.1:8001/version >/dev/null 2>&1 && break; sleep 0.2; done
REPLY=$(curl -fsS "http://127.0.0.1:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/")
echo "reply: $REPLY"

# 3. Read the logs: the first line says when the app started.
STARTED_AT=$(kubectl logs "$POD_NAME" | sed -n 's/.*Started At: \([^ ]*\).*/\1/p' | head -n 1)

# 4. Run commands in the container.
HOSTNAME_IN_POD=$(kubectl exec "$POD_NAME" -- env | sed -n 's/^HOSTNAME=//p')
kubectl exec "$POD_NAME" -- sh -c 'echo "Hello from $HOSTNAME" > /tmp/hello.txt'

cat > answers.yaml <<ANSWERS
pod:
  name: "$POD_NAME"
  node: "$NODE_NAME"
  ip: "$POD_IP"
app:
  reply: "$REPLY"
  startedAt: "$STARTED_AT"
container:
  hostname: "$HOSTNAME_IN_POD"
ANSWERS
cat answers.yaml
