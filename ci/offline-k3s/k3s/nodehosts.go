package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// CoreDNS's hosts plugin reads /etc/coredns/NodeHosts, the NodeHosts key of its ConfigMap,
// so node names resolve in pods. k3s's server keeps that key current; so does this one.
// The Deployment mounts the key by name, so CoreDNS's pod cannot start before it exists.
const (
	corednsConfigMap = "/api/v1/namespaces/kube-system/configmaps/coredns"
	nodeHostsKey     = "NodeHosts"
)

// nodeHosts renders one "IP name" line per node address, sorted by node name.
func nodeHosts(nodes []nodeInfo) string {
	sorted := append([]nodeInfo(nil), nodes...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	var b strings.Builder
	for _, n := range sorted {
		for _, ip := range n.internalIPs {
			fmt.Fprintf(&b, "%s %s\n", ip, n.name)
		}
	}
	return b.String()
}

// syncNodeHosts writes NodeHosts whenever the nodes' addresses change, once the ConfigMap
// exists (the manifest deployer creates it).
func syncNodeHosts(ctx context.Context, api *apiClient) {
	written := ""
	for {
		if err := updateNodeHosts(api, &written); err != nil {
			logf("coredns NodeHosts: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(2 * time.Second):
		}
	}
}

func updateNodeHosts(api *apiClient, written *string) error {
	nodes, err := api.listNodes()
	if err != nil || len(nodes) == 0 {
		return nil // the API or the first node is not there yet
	}
	want := nodeHosts(nodes)
	if want == *written {
		return nil
	}
	var cm struct{ Data map[string]string }
	code, b, err := api.do("GET", corednsConfigMap, nil, "")
	if err != nil || code == 404 {
		return nil // not deployed (yet, or disabled)
	}
	if code != 200 {
		return fmt.Errorf("GET %s: %d %s", corednsConfigMap, code, truncate(b))
	}
	if err := json.Unmarshal(b, &cm); err != nil {
		return err
	}
	if cm.Data[nodeHostsKey] != want {
		if err := api.patch(corednsConfigMap, map[string]any{"data": map[string]string{nodeHostsKey: want}}); err != nil {
			return err
		}
		logf("coredns NodeHosts: %s", strings.ReplaceAll(strings.TrimSpace(want), "\n", ", "))
	}
	*written = want
	return nil
}
