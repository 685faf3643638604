#!/usr/bin/env bash
# Reference solution for exercise 4 "Expose your app". Autograding runs a learner's copy of this
# (work/exercise-4/solution.sh) with KUBECONFIG set, in the learner's work folder.
set -euo pipefail

# GET / on HOST:PORT from this machine; where this machine cannot reach the node (Docker
# Desktop), from a throwaway pod instead, as the README shows.
http_get() {
  curl -fsS --max-time 5 "http://$1:$2/" 2>/dev/null && return 0
  kubectl run "client-$RANDOM" --image=busybox:1.36 --image-pull-policy=IfNotPresent --restart=Never --rm -i --quiet -- \
    sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 3 $1 $2 | tr -d '\r' | sed '1,/^\$/d'"
}

# 1. What there is: the app's pod, and only the `kubernetes` Service.
kubectl get pods
kubectl get services

# 2. A Service of type NodePort in front of the Deployment's pods.
kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080
kubectl get services
kubectl describe services/kubernetes-bootcamp
export POD_NAME=$(kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}')
# Endpoints: the pod's IP and port; the list fills once the endpoint controller has seen the pod.
for _ in $(seq 1 50); do
  ENDPOINT=$(kubectl describe services/kubernetes-bootcamp | sed -n 's/^Endpoints: *//p')
  [ -n "$ENDPOINT" ] && [ "$ENDPOINT" != "<none>" ] && break
  sleep 0.2
done
ENDPOINT_IP=${ENDPOINT%%:*}

# 3. From outside the cluster: the node's IP (what `minikube ip` gives) and the node port.
export NODE_PORT="$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')"
NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
echo "NODE_PORT=$NODE_PORT NODE_IP=$NODE_IP"
REPLY=$(http_get "$NODE_IP" "$NODE_PORT" | tr -d '\r')
echo "$REPLY"

# 4. Labels: the Deployment's, then a new one on the pod.
kubectl describe deployment
SELECTOR=$(kubectl describe deployment kubernetes-bootcamp | sed -n 's/^Selector: *//p')
kubectl get pods -l app=kubernetes-bootcamp
kubectl get services -l app=kubernetes-bootcamp
kubectl label pods "$POD_NAME" version=v1
kubectl describe pods "$POD_NAME"
kubectl get pods -l version=v1
V1_POD=$(kubectl get pods -l version=v1 -o jsonpath='{.items[0].metadata.name}')

# 5. Delete the Service by its label: the node port closes, the app runs on.
kubectl delete service -l app=kubernetes-bootcamp
kubectl get services
curl -sS --max-time 3 "http://$NODE_IP:$NODE_PORT/" || echo "the node port no longer answers, as expected"
kubectl exec "$POD_NAME" -- curl -s http://localhost:8080 2>/dev/null ||
  kubectl exec "$POD_NAME" -- sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc localhost 8080"

cat > answers.yaml <<ANSWERS
service:
  endpointIP: "$ENDPOINT_IP"
nodePort:
  reply: "$REPLY"
labels:
  deployment: "$SELECTOR"
  versionV1Pod: "$V1_POD"
ANSWERS
cat answers.yaml
