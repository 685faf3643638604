// Command coredns is CoreDNS (github.com/coredns/coredns, the version k3s v1.34.2+k3s1
// ships) with only the plugins a k3s Corefile uses, so the image carries no cloud SDKs.
// The upstream main imports core/plugin, which links every plugin; this one lists them.
package main

import (
	"github.com/coredns/coredns/coremain"

	// The plugins of k3s's Corefile (manifests/coredns.yaml), plus log for debugging.
	// A Corefile naming any other plugin fails with "Unknown directive".
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/forward"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/hosts"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/loadbalance"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/loop"
	_ "github.com/coredns/coredns/plugin/metrics" // the "prometheus" directive
	_ "github.com/coredns/coredns/plugin/ready"
	_ "github.com/coredns/coredns/plugin/reload"
)

func main() {
	coremain.Run()
}
