package main

import (
	"encoding/json"
	"testing"
)

func TestCNIConfigIsRenderedForThePodCIDR(t *testing.T) {
	b, err := renderCNIConfig("10.42.3.0/24")
	if err != nil {
		t.Fatal(err)
	}
	var conf struct {
		Plugins []struct {
			Type string
			IPAM struct{ Ranges [][]struct{ Subnet string } }
		}
	}
	if err := json.Unmarshal(b, &conf); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	if conf.Plugins[0].Type != "bridge" || conf.Plugins[0].IPAM.Ranges[0][0].Subnet != "10.42.3.0/24" {
		t.Fatalf("bridge plugin with subnet 10.42.3.0/24 expected, got %s", b)
	}
}
