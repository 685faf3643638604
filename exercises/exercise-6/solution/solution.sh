#!/usr/bin/env bash
# Reference solution for exercise 6 "Update your app". Autograding runs a learner's copy of this
# (work/exercise-6/solution.sh) with KUBECONFIG set, in the learner's work folder.
set -euo pipefail

# GET / on HOST:PORT from this machine; where this machine cannot reach the node (Docker
# Desktop), from a throwaway pod instead, as the README shows.
http_get() {
  curl -fsS --max-time 5 "http://$1:$2/" 2>/dev/null && return 0
  kubectl run "client-$RANDOM" --image=busybox:1.36 --image-pull-policy=IfNotPresent --restart=Never --rm -i --quiet -- \
    sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 3 $1 $2 | tr -d '\r' | sed '1,/^\$/d'"
}

# 1. What runs now: 4 replicas of v1.
kubectl get deployments
kubectl get pods
kubectl describe pods | grep 'Image:'
BEFORE_IMAGE=$(kubectl get pods -l app=kubernetes-bootcamp -o jsonpath='{.items[0].spec.containers[0].image}')

# 2. The rolling update to v2, watched to the end.
kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2
kubectl get pods
kubectl rollout status deployments/kubernetes-bootcamp --timeout=180s

# 3. Through the Service: every pod answers v=2.
kubectl describe services/kubernetes-bootcamp
export NODE_PORT="$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')"
NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
for _ in 1 2 3 4; do http_get "$NODE_IP" "$NODE_PORT"; done
kubectl describe pods | grep 'Image:'

# 4. A broken update: the v10 image does not exist, so its pods never start.
kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10
V10_STATUS=""
for _ in $(seq 1 120); do
  V10_STATUS=$(kubectl get pods --no-headers | awk '$3 == "ErrImagePull" || $3 == "ImagePullBackOff" { print $3; exit }')
  [ -n "$V10_STATUS" ] && break
  sleep 0.5
done
kubectl get deployments
kubectl get pods
export AFFECTED_POD="$(kubectl get pods --field-selector status.phase=Pending -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}' | head -n 1)"
[ -n "$AFFECTED_POD" ] && kubectl describe pod "$AFFECTED_POD" | sed -n '/^Events:/,$p'

# 5. Roll back to v2, and read the history.
kubectl rollout undo deployments/kubernetes-bootcamp
kubectl rollout status deployments/kubernetes-bootcamp --timeout=180s
kubectl get pods
kubectl describe pods | grep 'Image:'
kubectl rollout history deployments/kubernetes-bootcamp
CURRENT_REVISION=$(kubectl get deployments/kubernetes-bootcamp -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}')
FAILED_REVISION=""
for revision in $(kubectl rollout history deployments/kubernetes-bootcamp | awk 'NR > 2 && $1 ~ /^[0-9]+$/ { print $1 }'); do
  if kubectl rollout history deployments/kubernetes-bootcamp --revision="$revision" | grep -q 'kubernetes-bootcamp:v10'; then FAILED_REVISION=$revision; fi
done

cat > answers.yaml <<ANSWERS
before:
  image: "$BEFORE_IMAGE"
v10:
  status: "$V10_STATUS"
rollout:
  currentRevision: "$CURRENT_REVISION"
  failedRevision: "$FAILED_REVISION"
ANSWERS
cat answers.yaml
