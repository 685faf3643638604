#!/usr/bin/env bash
# Reference solution for exercise 7 "Two containers in one pod". Autograding runs a learner's copy
# of this (work/exercise-7/solution.sh, next to two-containers.yaml) with KUBECONFIG set.
set -euo pipefail
cd "$(dirname "$0")"

# 1. The pod: web serves /www, writer writes /www/index.html; both mount the same emptyDir.
kubectl apply -f two-containers.yaml
kubectl wait --for=condition=Ready pod/two-containers --timeout=120s
kubectl get pod two-containers -o wide
# writer's first page is there as soon as it runs; wait for it rather than race it.
for _ in $(seq 1 50); do kubectl exec two-containers -c web -- test -s /www/index.html && break; sleep 0.2; done

# 2. The page, through the API server's pod proxy: what `kubectl proxy` and curl show, asked
#    with kubectl's own credentials (no port to hold on this machine).
kubectl get --raw /api/v1/namespaces/default/pods/two-containers:8080/proxy/

# 3. localhost: writer asks web, in the same network namespace; both see the pod's IP.
kubectl exec two-containers -c writer -- sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc localhost 8080"
kubectl logs two-containers -c web
WEB_IP=$(kubectl exec two-containers -c web -- hostname -i)
WRITER_IP=$(kubectl exec two-containers -c writer -- hostname -i)

# 4. Logs and exec per container; a note written in one container, read in the other.
kubectl logs two-containers -c writer
kubectl exec two-containers -c web -- sh -c 'echo "Hello from web" > /www/note.txt'
kubectl exec two-containers -c writer -- cat /www/note.txt

cat > answers.yaml <<ANSWERS
ip:
  web: "$WEB_IP"
  writer: "$WRITER_IP"
ANSWERS
cat answers.yaml
