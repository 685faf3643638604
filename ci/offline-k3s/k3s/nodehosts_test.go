package main

import "testing"

func TestNodeHostsListsEveryNodeSortedByName(t *testing.T) {
	got := nodeHosts([]nodeInfo{
		{name: "agent-1", internalIPs: []string{"172.18.0.3"}},
		{name: "server", internalIPs: []string{"172.18.0.2"}},
		{name: "no-address-yet"},
	})
	if want := "172.18.0.3 agent-1\n172.18.0.2 server\n"; got != want {
		t.Fatalf("NodeHosts = %q, want %q", got, want)
	}
}
