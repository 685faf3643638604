package main

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Pods with dnsPolicy: Default (CoreDNS among them) get the nameservers of kubelet's
// resolvConf. On a user-defined Docker network the node's /etc/resolv.conf names only
// Docker's embedded DNS at 127.0.0.11, which a pod cannot reach: inside CoreDNS's own
// network namespace 127.0.0.11:53 is CoreDNS itself, so its loop plugin stops it.
// k3s (pkg/agent/config) swaps such a file for one naming 8.8.8.8. This stand-in stays off
// the public Internet instead: the pods' resolv.conf names the node's own IP, where the
// supervisor relays DNS to the loopback resolver, so pods resolve what the node resolves
// (container names on the Docker network, and whatever Docker forwards to the host).

const hostResolvConf = "/etc/resolv.conf"

// resolvNameservers lists the nameserver lines of a resolv.conf.
func resolvNameservers(content string) []string {
	var out []string
	for _, line := range strings.Split(content, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "nameserver" {
			out = append(out, f[1])
		}
	}
	return out
}

// podDNSPlan decides kubelet's resolvConf: the node's own file when it names a nameserver a
// pod can reach; otherwise a file naming nodeIP, and the loopback nameserver to relay to.
func podDNSPlan(content string) (useHostFile bool, relayTo string) {
	for _, ns := range resolvNameservers(content) {
		ip := net.ParseIP(ns)
		switch {
		case ip == nil:
		case ip.IsLoopback():
			if relayTo == "" {
				relayTo = net.JoinHostPort(ns, "53")
			}
		case ip.IsGlobalUnicast() || ip.IsPrivate():
			return true, ""
		}
	}
	return relayTo == "", relayTo
}

// podResolvConf returns the resolv.conf path for kubelet, starting the relay when needed.
func podResolvConf(ctx context.Context, node nodeIdentity) string {
	b, err := os.ReadFile(hostResolvConf)
	if err != nil {
		logf("pod DNS: %v; kubelet uses %s as it is", err, hostResolvConf)
		return hostResolvConf
	}
	useHost, upstream := podDNSPlan(string(b))
	if useHost {
		return hostResolvConf
	}
	listen := net.JoinHostPort(node.ip.String(), "53")
	relay := &dnsRelay{upstream: upstream}
	if err := relay.listen(listen); err != nil {
		logf("pod DNS: cannot relay %s to %s (%v); pods with dnsPolicy Default see %s", listen, upstream, err, hostResolvConf)
		return hostResolvConf
	}
	go relay.serve(ctx)
	path := filepath.Join(dataDir, "agent", "etc", "resolv.conf")
	if err := writeFile(path, []byte("nameserver "+node.ip.String()+"\n"), 0o644); err != nil {
		logf("pod DNS: %v", err)
		return hostResolvConf
	}
	logf("pod DNS: %s names only loopback resolvers; pods with dnsPolicy Default use %s, relayed to %s", hostResolvConf, listen, upstream)
	return path
}

// dnsRelay forwards DNS over UDP and TCP from a listening address to one upstream.
type dnsRelay struct {
	upstream string
	udp      net.PacketConn
	tcp      net.Listener
	timeout  time.Duration
}

func (r *dnsRelay) listen(addr string) error {
	udp, err := net.ListenPacket("udp", addr)
	if err != nil {
		return err
	}
	tcp, err := net.Listen("tcp", addr)
	if err != nil {
		udp.Close()
		return err
	}
	r.udp, r.tcp = udp, tcp
	if r.timeout == 0 {
		r.timeout = 5 * time.Second
	}
	return nil
}

// serve relays until ctx ends, then closes the listeners.
func (r *dnsRelay) serve(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); r.serveUDP() }()
	go func() { defer wg.Done(); r.serveTCP() }()
	<-ctx.Done()
	r.udp.Close()
	r.tcp.Close()
	wg.Wait()
}

func (r *dnsRelay) serveUDP() {
	buf := make([]byte, 64*1024)
	for {
		n, from, err := r.udp.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		query := append([]byte(nil), buf[:n]...)
		go func() {
			up, err := net.DialTimeout("udp", r.upstream, r.timeout)
			if err != nil {
				return
			}
			defer up.Close()
			_ = up.SetDeadline(time.Now().Add(r.timeout))
			if _, err := up.Write(query); err != nil {
				return
			}
			answer := make([]byte, 64*1024)
			m, err := up.Read(answer)
			if err != nil {
				return // the client retries or times out, as with a lost packet
			}
			_, _ = r.udp.WriteTo(answer[:m], from)
		}()
	}
}

func (r *dnsRelay) serveTCP() {
	for {
		c, err := r.tcp.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		go func() {
			defer c.Close()
			up, err := net.DialTimeout("tcp", r.upstream, r.timeout)
			if err != nil {
				return
			}
			defer up.Close()
			deadline := time.Now().Add(6 * r.timeout)
			_ = c.SetDeadline(deadline)
			_ = up.SetDeadline(deadline)
			done := make(chan struct{})
			go func() {
				_, _ = io.Copy(up, c)
				if t, ok := up.(*net.TCPConn); ok {
					_ = t.CloseWrite() // the client is done asking; let upstream finish
				}
				close(done)
			}()
			_, _ = io.Copy(c, up)
			c.Close()
			<-done
		}()
	}
}
