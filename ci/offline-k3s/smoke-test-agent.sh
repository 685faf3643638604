#!/usr/bin/env bash
# Two-node check: a server and an agent (K3S_URL, K3S_TOKEN) on a Docker network of their
# own; pods on both nodes, a Service whose endpoint is on the agent, reached from a pod on
# the server, by pod IP, ClusterIP, NodePort, DNS name and LoadBalancer; logs and exec on
# the agent's pods. Then exercise 8's node failure: docker stop of the agent (NotReady,
# eviction of a pod tolerating unreachable for 15 s, its replacement on the server) and
# docker start (the same node Ready again), and docker stop/start of the server; each
# step's time is printed. Traffic goes only into the containers this script starts.
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
now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
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
agtip=$(kc get node "$agt" -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')

# Cluster DNS (CoreDNS on either node), and the node's own resolver behind it: on this
# network that is Docker's embedded DNS, which knows the containers by NAME.NETWORK.
kc -n kube-system wait --for=condition=Ready pod -l k8s-app=kube-dns --timeout=120s >/dev/null && ok "CoreDNS Ready" || bad "CoreDNS Ready"
get xweb 80 | grep -q '200 OK' && ok "server pod -> service name xweb (endpoint on agent)" || bad "service name across nodes"
out=$(kc exec client-srv -- nslookup "$agt.$net" 2>&1 || true)
echo "$out" | grep -q "Address: $agtip" && ok "pods resolve $agt.$net through CoreDNS and the node's resolver" || bad "forwarded lookup: $out"
out=$(kc exec client-srv -- nslookup "$agt." 2>&1 || true)
echo "$out" | grep -q "Address: $agtip" && ok "node name $agt resolves (NodeHosts)" || bad "NodeHosts: $out"

# ServiceLB on two nodes: both node IPs, and either answers, from either node.
kc expose pod web-agt --name=xweb-lb --type=LoadBalancer --port=8080 >/dev/null
lbs=
for _ in $(seq 1 20); do
  lbs=$(kc get svc xweb-lb -o jsonpath='{.status.loadBalancer.ingress[*].ip}')
  [ "$(echo "$lbs" | wc -w)" = 2 ] && break; sleep 0.5
done
want=$(printf '%s\n' "$srvip" "$agtip" | sort | tr '\n' ' ' | sed 's/ $//')
[ "$lbs" = "$want" ] && ok "LoadBalancer EXTERNAL-IP: $lbs" || bad "LoadBalancer ingress '$lbs', want '$want'"
# kube-proxy programs a load-balancer IP within about a second of the status update; until
# then NODE-IP:PORT refuses, so the first probe may retry.
tcp_get() { docker exec "$1" bash -c "exec 3<>/dev/tcp/$2/$3 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && timeout 5 cat <&3" 2>&1 || true; }
answers() { local i; for i in $(seq 1 10); do "$@" | grep -q '200 OK' && return 0; sleep 0.5; done; return 1; }
answers tcp_get "$srv" "$agtip" 8080 && ok "LoadBalancer $agtip:8080 from the server container" || bad "LB agent IP from the server"
answers tcp_get "$agt" "$srvip" 8080 && ok "LoadBalancer $srvip:8080 from the agent container" || bad "LB server IP from the agent"
answers get "$agtip" 8080 && ok "LoadBalancer $agtip:8080 from a pod on the server" || bad "LB from a pod"
out=$(kc logs web-agt 2>&1 || true)
echo "$out" | grep -q 'Started' && ok "kubectl logs on the agent" || bad "kubectl logs on the agent: $out"
kc exec client-srv -- true && ok "kubectl exec" || bad "kubectl exec"

# Exercise 8: the agent fails. A pod that prefers the agent and tolerates unreachable and
# not-ready for 15 s is evicted after the node-monitor grace period and replaced on the server.
kc apply -f - >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: mover}
spec:
  selector: {matchLabels: {app: mover}}
  template:
    metadata: {labels: {app: mover}}
    spec:
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [$agt]}]}
      tolerations:
        - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 15}
        - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 15}
      containers: [{name: app, image: "$app"}]
YAML
kc rollout status deployment/mover --timeout=120s >/dev/null
[ "$(kc get pod -l app=mover -o jsonpath='{.items[0].spec.nodeName}')" = "$agt" ] && ok "mover runs on the agent" || bad "mover not on the agent"
node_ready() { kc get node "$1" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'; }
t0=$(now); docker stop "$agt" >/dev/null; stopped=$(since "$t0")
notready= evicted= replaced=
for _ in $(seq 1 360); do
  [ -z "$notready" ] && [ "$(node_ready "$agt")" != True ] && notready=$(since "$t0")
  [ -z "$evicted" ] && [ -n "$(kc get pod -l app=mover --field-selector spec.nodeName="$agt" -o jsonpath='{.items[*].metadata.deletionTimestamp}')" ] && evicted=$(since "$t0")
  if [ -z "$replaced" ] && [ "$(kc get pod -l app=mover --field-selector spec.nodeName="$srv" -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}')" = True ]; then
    replaced=$(since "$t0")
  fi
  [ -n "$replaced" ] && break
  sleep 0.5
done
echo "  agent stopped in $stopped s; after docker stop: NotReady at ${notready:-never} s, evicted at ${evicted:-never} s, replacement Ready on $srv at ${replaced:-never} s"
[ -n "$notready" ] && ok "agent NotReady after $notready s" || bad "agent never NotReady"
[ -n "$evicted" ] && [ -n "$replaced" ] && ok "pod evicted ($evicted s) and replaced on the server ($replaced s)" || bad "no eviction/replacement"
out=$(kc get events --field-selector reason=TaintManagerEviction -o jsonpath='{.items[*].reason}' 2>&1)
[ -n "$out" ] && ok "event TaintManagerEviction recorded" || bad "no TaintManagerEviction event"
lbs=$(kc get svc xweb-lb -o jsonpath='{.status.loadBalancer.ingress[*].ip}')
[ "$lbs" = "$srvip" ] && ok "LoadBalancer lists only the Ready node now: $lbs" || bad "LoadBalancer ingress while the agent is down: '$lbs'"

t0=$(now); docker start "$agt" >/dev/null
back=
for _ in $(seq 1 240); do
  [ "$(node_ready "$agt")" = True ] && [ "$(docker logs "$agt" 2>&1 | grep -c "agent node $agt is Ready")" -ge 2 ] && { back=$(since "$t0"); break; }
  sleep 0.5
done
[ -n "$back" ] && ok "agent $agt Ready again $back s after docker start" || { bad "agent not Ready after docker start"; docker logs "$agt" 2>&1 | tail -20; }
[ "$(kc get nodes --no-headers | wc -l)" = 2 ] && ok "still 2 nodes, same names" || bad "nodes: $(kc get nodes --no-headers)"
gone=
for _ in $(seq 1 60); do
  [ -z "$(kc get pod -l app=mover --field-selector spec.nodeName="$agt" -o name)" ] && { gone=$(since "$t0"); break; }
  sleep 0.5
done
[ -n "$gone" ] && ok "the evicted pod is gone $gone s after docker start" || bad "evicted pod still listed: $(kc get pods -l app=mover -o wide)"

# The server goes down and comes back: same cluster, both nodes Ready.
t0=$(now); docker stop "$srv" >/dev/null; docker start "$srv" >/dev/null
up=
for _ in $(seq 1 240); do
  [ "$(docker logs "$srv" 2>&1 | grep -c 'Node controller sync successful')" -ge 2 ] && { up=$(since "$t0"); break; }
  sleep 0.5
done
[ -n "$up" ] && ok "server back (ready line) $up s after docker stop+start" || { bad "server not back"; docker logs "$srv" 2>&1 | tail -20; }
both=
for _ in $(seq 1 120); do
  [ "$(node_ready "$srv")" = True ] && [ "$(node_ready "$agt")" = True ] && { both=$(since "$t0"); break; }
  sleep 0.5
done
[ -n "$both" ] && ok "both nodes Ready $both s after the server's restart" || bad "nodes after the server restart: $(kc get nodes --no-headers)"

s0=$(date +%s.%N); docker stop "$agt" "$srv" >/dev/null; s1=$(date +%s.%N)
codes=$(docker inspect -f '{{.State.ExitCode}}' "$agt" "$srv" | tr '\n' ' ')
[ "$codes" = "0 0 " ] && ok "docker stop both in $(echo "$s1 - $s0" | bc) s, exit 0" || bad "docker stop exit codes $codes"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
