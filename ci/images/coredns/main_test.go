package main

import (
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coredns/caddy"
	_ "github.com/coredns/coredns/core/dnsserver" // the "dns" server type
	"github.com/miekg/dns"
)

// The Corefile the stand-in deploys; every plugin it names must be linked in, or CoreDNS
// exits with "Unknown directive" and cluster DNS is gone.
const deployedManifest = "../../offline-k3s/k3s/manifests/coredns.yaml"

func TestDeployedCorefileUsesOnlyLinkedPlugins(t *testing.T) {
	b, err := os.ReadFile(deployedManifest)
	if err != nil {
		t.Fatal(err)
	}
	linked := map[string]bool{}
	var names []string
	for _, name := range caddy.ListPlugins()["others"] { // "dns.NAME" for DNS plugins
		if n, ok := strings.CutPrefix(name, "dns."); ok {
			linked[n] = true
			names = append(names, n)
		}
	}
	directives := corefileDirectives(string(b))
	if len(directives) < 10 {
		t.Fatalf("found only %v in the Corefile of %s; is the ConfigMap still there?", directives, deployedManifest)
	}
	for _, d := range directives {
		if !linked[d] {
			t.Errorf("the Corefile uses %q, which main.go does not import (linked: %v)", d, names)
		}
	}
}

// corefileDirectives returns the first word of every line directly inside a server block
// of the ConfigMap's Corefile ("import" is caddy's own, not a plugin).
func corefileDirectives(manifest string) []string {
	_, corefile, ok := strings.Cut(manifest, "Corefile: |")
	if !ok {
		return nil
	}
	var out []string
	depth := 0
	for _, line := range strings.Split(corefile, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if strings.HasSuffix(f[0], ":") && depth == 0 && f[0] != "}" && !strings.Contains(line, "{") {
			break // the next key of the ConfigMap
		}
		if depth == 1 && f[0] != "}" && f[0] != "import" {
			out = append(out, f[0])
		}
		depth += strings.Count(line, "{") - strings.Count(line, "}")
	}
	return out
}

// A real server from this binary's plugins answers on loopback.
func TestServesFromHostsAndCache(t *testing.T) {
	port := freePort(t)
	corefile := ".:" + port + ` {
    errors
    log
    hosts {
        10.42.0.7 web.example.test
        fallthrough
    }
    cache 30
    loadbalance
}
`
	inst, err := caddy.Start(caddy.CaddyfileInput{Contents: []byte(corefile), ServerTypeName: "dns"})
	if err != nil {
		t.Fatalf("CoreDNS did not start: %v", err)
	}
	defer inst.Stop()
	m := new(dns.Msg)
	m.SetQuestion("web.example.test.", dns.TypeA)
	c := dns.Client{Timeout: 2 * time.Second}
	r, _, err := c.Exchange(m, "127.0.0.1:"+port)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	if len(r.Answer) != 1 || !strings.Contains(r.Answer[0].String(), "10.42.0.7") {
		t.Fatalf("want one A record 10.42.0.7, got %v (rcode %s)", r.Answer, dns.RcodeToString[r.Rcode])
	}
}

func freePort(t *testing.T) string {
	l, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, p, _ := net.SplitHostPort(l.LocalAddr().String())
	return p
}
