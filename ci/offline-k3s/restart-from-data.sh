#!/usr/bin/env bash
# Checks and times a k3s server started in a NEW container from the saved state of a
# stopped one (the "started-once snapshot"), against fresh starts, the way
# @testcontainers/k3s runs the image. Each round:
#   fresh:   docker run ... server --disable=traefik       (a fixed node name, K3S_NODE_NAME)
#            -> seconds to the ready line; then docker stop, and the state is copied out:
#            /var/lib/rancher/k3s and /etc/rancher (docker cp, a tar stream)
#   restart: a new container with another IP is created, the state copied in, started
#            -> seconds to the ready line; then checks: the serving
#            certificate names the new IP, the node is Ready with the new InternalIP, CoreDNS
#            (an old pod) runs again and answers, a pod created before the stop is back.
# Prints each round and the medians. Both containers sit on a Docker network of the script's
# own, at fixed addresses (.10 and .11), so the IP surely changes. Traffic goes only to
# 127.0.0.1 and into the containers this script starts. Works for rancher/k3s as well (its node password lives in /etc/rancher).
#
# usage: restart-from-data.sh [IMAGE] [ROUNDS]     (defaults: grade/k3s-offline:v1.34.2-k3s1, 3)
# KUBECTL (env): a kubectl to also check the API through the mapped port. Needs openssl and
# the local images registry.k8s.io/pause:3.10 and busybox:1.36 (ci/build-images.sh).
set -euo pipefail
image=${1:-grade/k3s-offline:v1.34.2-k3s1}
rounds=${2:-3}
node=snapshot-node
tag=k3s-restart-$$
work=$(mktemp -d)
pass=0 fail=0
ok()  { pass=$((pass + 1)); printf 'PASS %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }
containers=()
cleanup() {
  ((${#containers[@]})) && docker rm -f -v "${containers[@]}" >/dev/null 2>&1 || true
  docker network rm "$tag" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Fixed addresses need a subnet given at creation: take the one Docker picks as free, then
# create the network again naming it.
docker network create "$tag" >/dev/null
subnet=$(docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' "$tag") # e.g. 172.19.0.0/16
docker network rm "$tag" >/dev/null
docker network create --subnet "$subnet" "$tag" >/dev/null
prefix=${subnet%.*/*} # 172.19.0
run_flags=(--privileged --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw --tmpfs /run --tmpfs /var/run
           -p 127.0.0.1::6443 -e K3S_NODE_NAME=$node --network "$tag")
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# wait_ready NAME COUNT: until the ready line appears COUNT times in the log (120 s).
wait_ready() {
  local i
  for i in $(seq 1 400); do
    [ "$(docker logs "$1" 2>&1 | grep -c 'Node controller sync successful')" -ge "$2" ] && return 0
    [ "$(docker inspect -f '{{.State.Running}}' "$1")" = true ] || return 1
    sleep 0.3
  done
  return 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for r in $(seq 1 "$rounds"); do
  a=$tag-a$r b=$tag-b$r
  containers+=("$a" "$b")
  t0=$(now)
  docker run -d --name "$a" "${run_flags[@]}" --ip "$prefix.10" "$image" server --disable=traefik >/dev/null
  wait_ready "$a" 1 || { docker logs "$a" 2>&1 | tail -20; bad "round $r: fresh start never got ready"; continue; }
  fresh=$(since "$t0")
  old_ip=$prefix.10
  # A pod of the learner's kind, so the restart must bring workloads back, not only CoreDNS.
  docker exec "$a" kubectl run keep --image=registry.k8s.io/pause:3.10 >/dev/null
  docker exec "$a" kubectl wait --for=condition=Ready pod/keep --timeout=60s >/dev/null
  docker exec "$a" kubectl -n kube-system wait --for=condition=Ready pod -l k8s-app=kube-dns --timeout=60s >/dev/null
  docker stop "$a" >/dev/null
  c0=$(now)
  rm -rf "$work/state"; mkdir -p "$work/state"
  docker cp "$a:/var/lib/rancher/k3s" - >"$work/state/k3s.tar"
  docker cp "$a:/etc/rancher" - >"$work/state/etc-rancher.tar"
  docker create --name "$b" "${run_flags[@]}" --ip "$prefix.11" "$image" server --disable=traefik >/dev/null
  docker cp - "$b:/var/lib/rancher/" <"$work/state/k3s.tar"
  docker cp - "$b:/etc/" <"$work/state/etc-rancher.tar"
  copy=$(since "$c0")
  t1=$(now)
  docker start "$b" >/dev/null
  wait_ready "$b" 1 || { docker logs "$b" 2>&1 | tail -30; bad "round $r: restart from copied data never got ready"; continue; }
  restart=$(since "$t1")
  new_ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$tag\").IPAddress}}" "$b")
  printf 'round %d: fresh %.1f s, copy %.1f s (%s MB), restart-from-data %.1f s; IP %s -> %s\n' "$r" "$fresh" "$copy" \
    "$(du -sm "$work/state" | cut -f1)" "$restart" "$old_ip" "$new_ip"
  echo "$fresh" >>"$work/fresh"; echo "$restart" >>"$work/restart"
  [ "$old_ip" != "$new_ip" ] && ok "round $r: new IP" || bad "round $r: the IP did not change ($new_ip)"

  if [ "$r" = 1 ]; then # the checks, once
    port=$(docker port "$b" 6443/tcp | head -n1 | sed 's/.*://')
    docker cp "$b:/etc/rancher/k3s/k3s.yaml" "$work/kubeconfig" >/dev/null
    sed -i "s#server: .*#server: https://127.0.0.1:$port#" "$work/kubeconfig"
    kc() { docker exec -i "$b" kubectl "$@"; }
    sans=$(echo | timeout 5 openssl s_client -connect "127.0.0.1:$port" 2>/dev/null | openssl x509 -noout -ext subjectAltName 2>/dev/null || true)
    echo "$sans" | grep -q "IP Address:$new_ip" && ok "serving certificate names the new IP $new_ip" || bad "serving certificate SANs: $sans"
    [ "$(kc get node "$node" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" = True ] && ok "node $node Ready" || bad "node $node not Ready"
    ip=$(kc get node "$node" -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')
    [ "$ip" = "$new_ip" ] && ok "node InternalIP is the new IP" || bad "node InternalIP $ip, want $new_ip"
    [ "$(kc get nodes --no-headers | wc -l)" = 1 ] && ok "one node, no stale one" || bad "nodes: $(kc get nodes --no-headers)"
    t2=$(now)
    kc -n kube-system wait --for=condition=Ready pod -l k8s-app=kube-dns --timeout=120s >/dev/null &&
      ok "CoreDNS Ready again $(printf '%.1f' "$(since "$t2")") s after the ready line" || bad "CoreDNS not Ready after the restart"
    kc wait --for=condition=Ready pod/keep --timeout=120s >/dev/null && ok "pod created before the stop is Ready again" || bad "pod keep not back"
    docker save busybox:1.36 | docker exec -i "$b" ctr -n k8s.io images import - >/dev/null
    kc run dns --image=busybox:1.36 --restart=Never -- nslookup kubernetes.default.svc.cluster.local >/dev/null
    kc wait --for=jsonpath='{.status.phase}'=Succeeded pod/dns --timeout=60s >/dev/null &&
      ok "cluster DNS answers after the restart: $(kc logs dns | grep -A1 '^Name:' | tail -n1)" || bad "DNS after the restart: $(kc logs dns 2>&1 | tail -n3)"
    if [ -x "${KUBECTL:-}" ]; then
      "$KUBECTL" --kubeconfig "$work/kubeconfig" get --raw /readyz >/dev/null && ok "API through the mapped port" || bad "API through the mapped port"
    fi
  fi
  docker rm -f -v "$a" "$b" >/dev/null
done
printf 'median of %d: fresh %.1f s, restart-from-data %.1f s\n' "$rounds" "$(median <"$work/fresh")" "$(median <"$work/restart")"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
