#!/usr/bin/env bash
# Two-node check: a server and an agent (K3S_URL, K3S_TOKEN) on a Docker network of their
# own; pods on both nodes, a Service whose endpoint is on the agent, reached from a pod on
# the server, by pod IP, ClusterIP and NodePort; logs and exec on the agent's pods.
# Traffic goes only into the containers this script starts.
# usage: smoke-test-agent.sh [IMAGE] [APP_IMAGE]     (CLIENT_IMAGE: busybox with sh and nc)
set -euo pipefail
image=${1:-grade/k3s-offline:v1.34.2-k3s1}
app=${2:-gcr.io/google-samples/kubernetes-bootcamp:v1}
client=${CLIENT_IMAGE:-busybox:1.36}
net=k3s-agent-smoke-$$ srv=k3s-srv-$$ agt=k3s-agt-$$
pass=0 fail=0
ok()  { pass=$((pass + 1)); printf 'PASS %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }
cleanup() { docker rm -f -v "$agt" "$srv" >/dev/null 2>&1 || true; docker network rm "$net" >/dev/null 2>&1 || true; }
trap cleanup EXIT
run=(docker run -d --network "$net" --privileged --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw
     --tmpfs /run --tmpfs /var/run -e K3S_TOKEN=smoke-token-$$)
docker network create "$net" >/dev/null
"${run[@]}" --name "$srv" --hostname "$srv" "$image" server --disable=traefik >/dev/null
"${run[@]}" --name "$agt" --hostname "$agt" -e K3S_URL="https://$srv:6443" "$image" agent >/dev/null
for _ in $(seq 1 120); do
  docker logs "$agt" 2>&1 | grep -q "agent node $agt is Ready" && docker logs "$srv" 2>&1 | grep -q 'Node controller sync successful' && break
  sleep 1
done
docker logs "$agt" 2>&1 | grep -q "agent node $agt is Ready" && ok "agent joined and Ready" || { bad "agent Ready"; docker logs "$agt" 2>&1 | tail -30; }
kc() { docker exec -i "$srv" kubectl "$@"; }
kc get nodes -o wide
[ "$(kc get nodes --no-headers | grep -c ' Ready ')" = 2 ] && ok "2 nodes Ready" || bad "2 nodes Ready"
for n in "$srv" "$agt"; do for i in "$app" "$client"; do docker save "$i" | docker exec -i "$n" ctr -n k8s.io images import - >/dev/null; done; done
kc apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Pod
metadata: {name: web-agt, labels: {app: xweb}}
spec:
  nodeName: $agt
  containers: [{name: web, image: "$app", ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client-srv}
spec:
  nodeName: $srv
  containers: [{name: c, image: "$client", command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Service
metadata: {name: xweb}
spec:
  type: NodePort
  selector: {app: xweb}
  ports: [{port: 80, targetPort: 8080}]
YAML
kc wait --for=condition=Ready pod --all --timeout=120s >/dev/null && ok "pods Ready on both nodes" || bad "pods Ready"
kc get pods -o wide
get() { kc exec client-srv -- sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $1 $2" 2>&1 || true; }
podip=$(kc get pod web-agt -o jsonpath='{.status.podIP}')
cip=$(kc get svc xweb -o jsonpath='{.spec.clusterIP}')
np=$(kc get svc xweb -o jsonpath='{.spec.ports[0].nodePort}')
srvip=$(kc get node "$srv" -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')
get "$podip" 8080 | grep -q '200 OK' && ok "server pod -> agent pod IP $podip" || bad "server pod -> agent pod IP"
get "$cip" 80 | grep -q '200 OK' && ok "server pod -> ClusterIP $cip (endpoint on agent)" || bad "ClusterIP across nodes"
get "$srvip" "$np" | grep -q '200 OK' && ok "server pod -> NodePort $srvip:$np (endpoint on agent)" || bad "NodePort across nodes"
out=$(kc logs web-agt 2>&1 || true)
echo "$out" | grep -q 'Started' && ok "kubectl logs on the agent" || bad "kubectl logs on the agent: $out"
kc exec client-srv -- true && ok "kubectl exec" || bad "kubectl exec"
s0=$(date +%s.%N); docker stop "$agt" "$srv" >/dev/null; s1=$(date +%s.%N)
codes=$(docker inspect -f '{{.State.ExitCode}}' "$agt" "$srv" | tr '\n' ' ')
[ "$codes" = "0 0 " ] && ok "docker stop both in $(echo "$s1 - $s0" | bc) s, exit 0" || bad "docker stop exit codes $codes"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
