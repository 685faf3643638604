#!/usr/bin/env bash
# Reference solution for exercise 5 "Scale your app". Autograding runs a learner's copy of this
# (work/exercise-5/solution.sh) with KUBECONFIG set, in the learner's work folder.
set -euo pipefail

# GET / on HOST:PORT from this machine; where this machine cannot reach the nodes (Docker
# Desktop), from a throwaway pod instead, as the README shows.
http_get() {
  curl -fsS --max-time 5 "http://$1:$2/" 2>/dev/null && return 0
  kubectl run "client-$RANDOM" --image=busybox:1.36 --image-pull-policy=IfNotPresent --restart=Never --rm -i --quiet -- \
    sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 3 $1 $2 | tr -d '\r' | sed '1,/^\$/d'"
}

# 1. The tutorial's note: a LoadBalancer Service instead of module 4's NodePort one.
kubectl delete service kubernetes-bootcamp
kubectl expose deployment/kubernetes-bootcamp --type="LoadBalancer" --port 8080
# The load balancer fills in EXTERNAL-IP within seconds (k3s: ServiceLB, the nodes' IPs).
EXTERNAL_IP=""
for _ in $(seq 1 100); do
  EXTERNAL_IP=$(kubectl get services/kubernetes-bootcamp -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
  [ -n "$EXTERNAL_IP" ] && break
  sleep 0.3
done
kubectl get services

# 2. The Deployment and its ReplicaSet.
kubectl get deployments
kubectl get rs
RS_NAME=$(kubectl get rs -l app=kubernetes-bootcamp -o jsonpath='{.items[0].metadata.name}')

# 3. Scale up to 4, and look.
kubectl scale deployments/kubernetes-bootcamp --replicas=4
kubectl rollout status deployments/kubernetes-bootcamp --timeout=120s
kubectl get deployments
kubectl get pods -o wide
kubectl describe deployments/kubernetes-bootcamp

# 4. The Service's endpoints are the 4 pods; each new connection goes to one of them.
kubectl describe services/kubernetes-bootcamp
export NODE_PORT="$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')"
NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
for _ in 1 2 3 4 5 6; do http_get "$NODE_IP" "$NODE_PORT"; done
[ -n "$EXTERNAL_IP" ] && http_get "$EXTERNAL_IP" 8080 || echo "no external IP: the cluster has no load balancer"

# 5. Back to 2.
kubectl scale deployments/kubernetes-bootcamp --replicas=2
kubectl get deployments
kubectl get pods -o wide

cat > answers.yaml <<ANSWERS
service:
  externalIP: "$EXTERNAL_IP"
replicaSet:
  name: "$RS_NAME"
ANSWERS
cat answers.yaml
