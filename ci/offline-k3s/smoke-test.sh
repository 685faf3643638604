#!/usr/bin/env bash
# End-to-end check of the node image by hand, the way @testcontainers/k3s runs it.
# Traffic goes only to 127.0.0.1 (the mapped API port, a port-forward) and into the
# container this script starts.
#
# usage: smoke-test.sh [IMAGE] [KUBECTL] [APP_IMAGE]
#   IMAGE      default grade/k3s-offline:v1.34.2-k3s1
#   KUBECTL    default <repo>/.cache/k8s (the multicall binary; `k8s kubectl`)
#   APP_IMAGE  an HTTP server on 8080, default gcr.io/google-samples/kubernetes-bootcamp:v1
#   CLIENT_IMAGE (env) a busybox with sh, nc, wget and nslookup, default busybox:1.36
#   V2_IMAGE (env) module 6's image name, default docker.io/jocatalin/kubernetes-bootcamp:v2
# KEEP=1 leaves the container running.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
image=${1:-grade/k3s-offline:v1.34.2-k3s1}
k8s=${2:-$repo/.cache/k8s}
app=${3:-gcr.io/google-samples/kubernetes-bootcamp:v1}
client=${CLIENT_IMAGE:-busybox:1.36}
v2=${V2_IMAGE:-docker.io/jocatalin/kubernetes-bootcamp:v2}
missing_tag=gcr.io/google-samples/kubernetes-bootcamp:v10 # must fail to pull, as in module 6

work=$(mktemp -d)
name=k3s-smoke-$$
pass=0 fail=0
ok()   { pass=$((pass + 1)); printf 'PASS %s\n' "$*"; }
bad()  { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }
kc()   { "$k8s" kubectl --kubeconfig "$work/kubeconfig" --request-timeout=30s "$@"; }
cleanup() {
  [ -n "${pf:-}" ] && kill "$pf" 2>/dev/null || true
  if [ "${KEEP:-}" != 1 ]; then docker rm -f -v "$name" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

t0=$(date +%s.%N)
docker run -d --name "$name" --privileged --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw \
  --tmpfs /run --tmpfs /var/run -p 127.0.0.1::6443 -p 127.0.0.1::8443 \
  "$image" server --disable=traefik --tls-san=k3s-smoke >/dev/null
ready=
for _ in $(seq 1 240); do
  if docker logs "$name" 2>&1 | grep -q 'Node controller sync successful'; then ready=1; break; fi
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || break
  sleep 0.5
done
t1=$(date +%s.%N)
if [ -z "$ready" ]; then
  docker logs "$name" 2>&1 | tail -40
  bad "ready line within 120 s"; echo "0 passed, 1 failed"; exit 1
fi
ok "ready line after $(echo "$t1 - $t0" | bc) s from docker run"

port=$(docker port "$name" 6443/tcp | head -n1 | sed 's/.*://')
docker cp "$name:/etc/rancher/k3s/k3s.yaml" "$work/kubeconfig" >/dev/null
sed -i "s#server: .*#server: https://localhost:$port#" "$work/kubeconfig"

kc get nodes -o wide
kc --tls-server-name=k3s-smoke get --raw /readyz >/dev/null && ok "--tls-san name is in the serving certificate" || bad "--tls-san"
[ "$(kc get nodes -o jsonpath='{.items[0].status.conditions[?(@.type=="Ready")].status}')" = True ] \
  && ok "node Ready" || bad "node Ready"

for img in "$app" "$client" "$v2"; do
  docker save "$img" | docker exec -i "$name" ctr -n k8s.io images import - >/dev/null \
    && ok "ctr import $img" || bad "ctr import $img"
done
out=$(docker exec "$name" ctr -n k8s.io images ls -q)   # captured: grep -q + pipefail can SIGPIPE
echo "$out" | grep -qF "$app" && ok "ctr images ls shows $app" || bad "ctr images ls: $out"

# CoreDNS: deployed by the server from its manifests directory; the ready line does not wait.
kc -n kube-system wait --for=condition=Ready pod -l k8s-app=kube-dns --timeout=120s >/dev/null &&
  ok "CoreDNS Ready $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5) s after docker run" || bad "CoreDNS Ready"
out=$(kc cluster-info 2>&1 || true)
echo "$out" | grep -q 'CoreDNS is running at' && ok "kubectl cluster-info lists CoreDNS" || bad "cluster-info: $out"

kc create deployment web --image="$app" --port=8080 >/dev/null
kc expose deployment web --port=80 --target-port=8080 >/dev/null
kc expose deployment web --name=web-np --type=NodePort --port=80 --target-port=8080 >/dev/null
kc run client --image="$client" --restart=Never --command -- sleep 3600 >/dev/null
kc rollout status deployment/web --timeout=120s && ok "deployment of $app available" || bad "deployment available"
kc wait --for=condition=Ready pod/client --timeout=120s >/dev/null && ok "client pod Ready" || bad "client pod Ready"
kc get pods -o wide

pod=$(kc get pods -l app=web -o jsonpath='{.items[0].metadata.name}')
podip=$(kc get pod "$pod" -o jsonpath='{.status.podIP}')
case $podip in 10.42.*) ok "pod IP $podip in 10.42.0.0/16" ;; *) bad "pod IP $podip" ;; esac
kc logs "$pod" --tail=5 && ok "kubectl logs" || bad "kubectl logs"
kc exec client -- sh -c 'echo exec-ok' | grep -q exec-ok && ok "kubectl exec" || bad "kubectl exec"
body=$(kc get --raw "/api/v1/namespaces/default/pods/$pod:8080/proxy/" || true)
[ -n "$body" ] && ok "apiserver pod proxy: $(echo "$body" | head -c 80)" || bad "apiserver pod proxy"

# HTTP GET from the client pod with nc.
pod_get() { kc exec client -- sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $1 $2" 2>&1 || true; }
cip=$(kc get svc web -o jsonpath='{.spec.clusterIP}')
out=$(pod_get "$cip" 80)
echo "$out" | grep -q '200 OK' && ok "ClusterIP $cip:80 from a pod: $(echo "$out" | tail -n1 | head -c 80)" || bad "ClusterIP $cip from a pod: $out"
out=$(pod_get '$WEB_SERVICE_HOST' '$WEB_SERVICE_PORT')
echo "$out" | grep -q '200 OK' && ok "service env vars from a pod" || bad "service env vars from a pod: $out"
np=$(kc get svc web-np -o jsonpath='{.spec.ports[0].nodePort}')
nodeip=$(kc get node -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
for addr in 127.0.0.1 "$nodeip"; do
  out=$(docker exec "$name" bash -c "exec 3<>/dev/tcp/$addr/$np && printf 'GET / HTTP/1.0\r\nHost: x\r\n\r\n' >&3 && timeout 5 cat <&3" || true)
  echo "$out" | grep -q '200 OK' && ok "NodePort $addr:$np from inside the container" || bad "NodePort $addr:$np from inside the container"
done
out=$(pod_get "$nodeip" "$np")
echo "$out" | grep -q '200 OK' && ok "NodePort $nodeip:$np from a pod" || bad "NodePort from a pod: $out"

# DNS from a pod, with busybox's tools as learners use them. busybox's own nslookup expands
# only dotless names with the search list, so "kubernetes.default" is asked for as such and
# fails on k3s too; the full name and a dotless one resolve.
out=$(kc exec client -- nslookup kubernetes.default.svc.cluster.local 2>&1 || true)
echo "$out" | grep -q 'Address: 10.43.0.1' && ok "nslookup kubernetes.default.svc.cluster.local" || bad "nslookup kubernetes.default.svc.cluster.local: $out"
out=$(kc exec client -- nslookup web 2>&1 || true)
echo "$out" | grep -q "Address: $cip" && ok "nslookup web (search list) -> $cip" || bad "nslookup web: $out"
out=$(kc exec client -- nslookup "$(kc get node -o jsonpath='{.items[0].metadata.name}')." 2>&1 || true)
echo "$out" | grep -q "Address: $nodeip" && ok "node name resolves (NodeHosts)" || bad "nslookup node name: $out"
out=$(kc exec client -- wget -qO- http://web 2>&1 || true)
echo "$out" | grep -q 'Hello Kubernetes bootcamp' && ok "wget http://web (service name) from a pod" || bad "wget http://web: $out"
out=$(kc exec client -- wget -T 5 -qO- http://web.default.svc.cluster.local 2>&1 || true)
echo "$out" | grep -q 'Hello Kubernetes bootcamp' && ok "wget -T 5 http://web.default.svc.cluster.local" || bad "wget -T 5: $out"
out=$(pod_get web 80)
echo "$out" | grep -q '200 OK' && ok "nc web 80 from a pod" || bad "nc web 80: $out"

# ServiceLB: a LoadBalancer Service gets the node IP and answers there.
kc expose deployment web --name=web-lb --type=LoadBalancer --port=8080 --target-port=8080 >/dev/null
lb=
for _ in $(seq 1 20); do
  lb=$(kc get svc web-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
  [ -n "$lb" ] && break; sleep 0.5
done
[ "$lb" = "$nodeip" ] && ok "LoadBalancer EXTERNAL-IP is the node IP $lb" || bad "LoadBalancer ingress '$lb', want $nodeip"
# kube-proxy programs the load-balancer IP within about a second of the status update.
for _ in $(seq 1 10); do
  out=$(docker exec "$name" bash -c "exec 3<>/dev/tcp/$nodeip/8080 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && timeout 5 cat <&3" 2>&1 || true)
  echo "$out" | grep -q '200 OK' && break; sleep 0.5
done
echo "$out" | grep -q '200 OK' && ok "LoadBalancer $nodeip:8080 from inside the container" || bad "LoadBalancer from the container: $out"
out=$(pod_get "$nodeip" 8080)
echo "$out" | grep -q '200 OK' && ok "LoadBalancer $nodeip:8080 from a pod" || bad "LoadBalancer from a pod: $out"
# Port 8080 is held by web-lb (on k3s by its svclb pod's hostPort): a second one waits.
kc expose deployment web --name=web-lb2 --type=LoadBalancer --port=8080 --target-port=8080 >/dev/null
sleep 4
lb2=$(kc get svc web-lb2 -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
[ -z "$lb2" ] && ok "a second LoadBalancer on port 8080 stays <pending>" || bad "second LoadBalancer on 8080 got '$lb2'"
kc delete svc web-lb >/dev/null
for _ in $(seq 1 20); do
  lb2=$(kc get svc web-lb2 -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
  [ -n "$lb2" ] && break; sleep 0.5
done
[ "$lb2" = "$nodeip" ] && ok "... and gets $lb2 once the first is deleted" || bad "second LoadBalancer after the first's deletion: '$lb2'"

# Module 6's images: the jocatalin name of v2 runs; v10 does not exist and fails to pull.
kc create deployment v2 --image="$v2" >/dev/null
kc create deployment v10 --image="$missing_tag" >/dev/null
out=
kc rollout status deployment/v2 --timeout=60s >/dev/null &&
  out=$(pod_get "$(kc get pod -l app=v2 -o jsonpath='{.items[0].status.podIP}')" 8080)
echo "$out" | grep -q 'v=2' && ok "$v2 answers v=2" || bad "$v2: $out"
reasons=
for _ in $(seq 1 60); do
  r=$(kc get pod -l app=v10 -o jsonpath='{.items[0].status.containerStatuses[0].state.waiting.reason}')
  case " $reasons " in *" $r "*) ;; *) [ -n "$r" ] && reasons="$reasons $r" ;; esac
  case $reasons in *ErrImagePull*ImagePullBackOff*) break ;; esac
  sleep 0.5
done
case $reasons in
  *ErrImagePull*ImagePullBackOff*) ok "$missing_tag: waiting reasons$reasons" ;;
  *) bad "$missing_tag: waiting reasons '$reasons', want ErrImagePull then ImagePullBackOff" ;;
esac
echo "  message: $(kc get events --field-selector reason=Failed -o jsonpath='{.items[0].message}' | cut -c1-220)"

kc port-forward "pod/$pod" 18080:8080 >/dev/null 2>&1 & pf=$!
sleep 2
out=$( (exec 3<>/dev/tcp/127.0.0.1/18080 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && timeout 5 cat <&3) 2>/dev/null || true)
echo "$out" | grep -q '200 OK' && ok "kubectl port-forward" || bad "kubectl port-forward"
kill "$pf" 2>/dev/null || true; pf=

if [ "${KEEP:-}" != 1 ]; then
  s0=$(date +%s.%N); docker stop "$name" >/dev/null; s1=$(date +%s.%N)
  code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
  secs=$(echo "$s1 - $s0" | bc)
  if [ "$code" = 0 ] && [ "$(echo "$secs < 5" | bc)" = 1 ]; then ok "docker stop in $secs s, exit 0"; else bad "docker stop in $secs s, exit $code"; fi
  docker logs "$name" 2>&1 | tail -3
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
