package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Joining: the server turns its token into a Kubernetes bootstrap token and keeps the
// cluster CA (certificate and key) in the secret kube-system/k3s-agent-ca, readable by
// system:bootstrappers only. An agent derives the same bootstrap token from K3S_TOKEN,
// reads that secret, checks that the server's certificate is signed by that CA, then
// signs its own node and kube-proxy certificates. Whoever holds the token can become
// any node: as with k3s, the token is a cluster secret.

const agentSecret = "k3s-agent-ca"

// bootstrapToken derives a valid bootstrap token (id.secret, [a-z0-9]) from any token.
func bootstrapToken(token string) (id, secret string) {
	h := sha256.Sum256([]byte("grade-k3s-stand-in:" + token))
	s := hex.EncodeToString(h[:])
	return s[:6], s[6:22]
}

// serverToken is --token, K3S_TOKEN, or one made up and kept in server/token.
func serverToken(fs *flagSet) (string, error) {
	if t := fs.get("token", os.Getenv("K3S_TOKEN")); t != "" {
		return t, nil
	}
	p := filepath.Join(dataDir, "server", "token")
	if b, err := os.ReadFile(p); err == nil && len(strings.TrimSpace(string(b))) > 0 {
		return strings.TrimSpace(string(b)), nil
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	t := hex.EncodeToString(b)
	if err := writeFile(p, []byte(t+"\n"), 0o600); err != nil {
		return "", err
	}
	_ = writeFile(filepath.Join(dataDir, "server", "node-token"), []byte(t+"\n"), 0o600)
	return t, nil
}

// publishJoinSecrets creates the bootstrap token and the CA secret agents read.
func publishJoinSecrets(api *apiClient, token string, ca *certAuthority, tlsDir string) error {
	id, secret := bootstrapToken(token)
	keyPEM, err := os.ReadFile(ca.pathKey(tlsDir))
	if err != nil {
		return err
	}
	objs := []struct {
		coll string
		obj  map[string]any
	}{
		{"/api/v1/namespaces/kube-system/secrets", map[string]any{
			"apiVersion": "v1", "kind": "Secret", "type": "bootstrap.kubernetes.io/token",
			"metadata": map[string]any{"name": "bootstrap-token-" + id, "namespace": "kube-system"},
			"stringData": map[string]string{"token-id": id, "token-secret": secret,
				"usage-bootstrap-authentication": "true", "description": "k3s stand-in agent join"},
		}},
		{"/api/v1/namespaces/kube-system/secrets", map[string]any{
			"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
			"metadata": map[string]any{"name": agentSecret, "namespace": "kube-system"},
			"data": map[string]string{"ca.crt": base64.StdEncoding.EncodeToString(ca.certPEM),
				"ca.key": base64.StdEncoding.EncodeToString(keyPEM)},
		}},
		{"/apis/rbac.authorization.k8s.io/v1/namespaces/kube-system/roles", map[string]any{
			"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
			"metadata": map[string]any{"name": "k3s-agent-join", "namespace": "kube-system"},
			"rules": []any{map[string]any{"apiGroups": []string{""}, "resources": []string{"secrets"},
				"resourceNames": []string{agentSecret}, "verbs": []string{"get"}}},
		}},
		{"/apis/rbac.authorization.k8s.io/v1/namespaces/kube-system/rolebindings", map[string]any{
			"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
			"metadata": map[string]any{"name": "k3s-agent-join", "namespace": "kube-system"},
			"roleRef":  map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "k3s-agent-join"},
			"subjects": []any{map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "system:bootstrappers"}},
		}},
	}
	for _, o := range objs {
		if err := api.ensure(o.coll, o.obj); err != nil {
			return err
		}
	}
	return nil
}

// fetchCA reads the cluster CA with the bootstrap token and checks the server's own
// certificate against it.
func fetchCA(server, token string) (*certAuthority, error) {
	id, secret := bootstrapToken(token)
	var peer []*x509.Certificate
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error { peer = cs.PeerCertificates; return nil }}}
	hc := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	req, _ := http.NewRequest("GET", server+"/api/v1/namespaces/kube-system/secrets/"+agentSecret, nil)
	req.Header.Set("Authorization", "Bearer "+id+"."+secret)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET join secret: %d %s", resp.StatusCode, truncate(body))
	}
	var s struct{ Data map[string]string }
	if err := json.Unmarshal(body, &s); err != nil {
		return nil, err
	}
	crtPEM, err1 := base64.StdEncoding.DecodeString(s.Data["ca.crt"])
	keyPEM, err2 := base64.StdEncoding.DecodeString(s.Data["ca.key"])
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("join secret: bad data")
	}
	blk, _ := pem.Decode(crtPEM)
	if blk == nil {
		return nil, fmt.Errorf("join secret: no CA certificate")
	}
	cert, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		return nil, err
	}
	if len(peer) == 0 || peer[0].CheckSignatureFrom(cert) != nil {
		return nil, fmt.Errorf("the server's certificate is not signed by the CA it handed out")
	}
	dir := filepath.Join(dataDir, "agent", "tls")
	if err := writeFile(filepath.Join(dir, "server-ca.crt"), crtPEM, 0o644); err != nil {
		return nil, err
	}
	if err := writeFile(filepath.Join(dir, "server-ca.key"), keyPEM, 0o600); err != nil {
		return nil, err
	}
	if _, err := readKey(filepath.Join(dir, "server-ca.key")); err != nil {
		return nil, fmt.Errorf("join secret: CA key: %w", err)
	}
	return loadOrCreateCA(dir, "server-ca", "unused")
}

var agentFlags = []string{"server", "token", "node-name", "node-ip", "node-label"}

func runAgent(args []string) int {
	start := time.Now()
	fs := newFlagSet(agentFlags, nil)
	if err := fs.parse(args); err != nil {
		fmt.Fprintf(os.Stderr, "k3s agent: %v\n", err)
		return 2
	}
	server := strings.TrimRight(fs.get("server", os.Getenv("K3S_URL")), "/")
	token := fs.get("token", os.Getenv("K3S_TOKEN"))
	if server == "" || token == "" {
		return die("k3s agent needs K3S_URL (or --server) and K3S_TOKEN (or --token)")
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer cancel()
	node, err := detectNode(fs)
	if err != nil {
		return die("%v", err)
	}
	logf("k3s stand-in starting agent %s (%s), joining %s", node.name, node.ip, server)
	prep, err := prepareHost()
	if err != nil {
		return die("%v", err)
	}
	sup := newSupervisor()
	exit := shutdown(sup, prep.cgroupRoot)
	var ca *certAuthority
	if err := waitFor(ctx, sup, "the server's join secret at "+server, 300*time.Second, func() error {
		var err error
		ca, err = fetchCA(server, token)
		return err
	}); err != nil {
		return exit(err.(exitErr).code)
	}
	tlsDir := filepath.Join(dataDir, "agent", "tls")
	kubelet, err := ca.issue(tlsDir, "client-kubelet", certSpec{cn: "system:node:" + node.name, orgs: []string{"system:nodes"}})
	if err != nil {
		return exit(die("%v", err))
	}
	proxy, err := ca.issue(tlsDir, "client-kube-proxy", certSpec{cn: "system:kube-proxy"})
	if err != nil {
		return exit(die("%v", err))
	}
	caPath := ca.pathCert(tlsDir)
	cred := filepath.Join(dataDir, "agent", "cred")
	// The server's name in K3S_URL need not be among its certificate's SANs: check
	// the certificate against "kubernetes", which always is.
	kubeletKC, proxyKC := filepath.Join(cred, "kubelet.kubeconfig"), filepath.Join(cred, "kube-proxy.kubeconfig")
	if err := writeFile(kubeletKC, withServerName(kubeconfig(server, ca.certPEM, caPath, kubelet, false)), 0o600); err != nil {
		return exit(die("%v", err))
	}
	if err := writeFile(proxyKC, withServerName(kubeconfig(server, ca.certPEM, caPath, proxy, false)), 0o600); err != nil {
		return exit(die("%v", err))
	}
	if err := startContainerd(ctx, sup); err != nil {
		return exit(die("%v", err))
	}
	imagesImported := newImageImporter().start(ctx)
	api, err := newAPIClientServerName(server, ca.certPEM, proxy, "kubernetes")
	if err != nil {
		return exit(die("%v", err))
	}
	if err := startNode(ctx, sup, api, node, prep, ca, kubeletKC, proxyKC, caPath, imagesImported); err != nil {
		return exit(die("%v", err))
	}
	go syncPodRoutes(ctx, api, node.name)
	if err := waitFor(ctx, sup, "node "+node.name+" Ready", 300*time.Second, func() error { return api.nodeReady(node.name, start) }); err != nil {
		return exit(err.(exitErr).code)
	}
	logf("agent node %s is Ready (after %.1fs)", node.name, time.Since(start).Seconds())
	select {
	case <-ctx.Done():
		logf("signal received; stopping")
		return exit(0)
	case err := <-sup.fatal:
		return exit(die("%v", err))
	}
}

func withServerName(kc []byte) []byte {
	return []byte(strings.Replace(string(kc), "    server: ", "    tls-server-name: kubernetes\n    server: ", 1))
}

// syncPodRoutes routes every other node's podCIDR via that node's InternalIP (kindnetd's
// routes.go), so pods on different nodes reach each other without an overlay.
func syncPodRoutes(ctx context.Context, api *apiClient, self string) {
	applied := map[string]string{}
	for {
		nodes, err := api.listNodes()
		if err == nil {
			for _, n := range nodes {
				if n.name == self || n.podCIDR == "" {
					continue
				}
				ip := ""
				for _, a := range n.internalIPs {
					if net.ParseIP(a).To4() != nil {
						ip = a
					}
				}
				if ip == "" || applied[n.podCIDR] == ip {
					continue
				}
				out, err := exec.Command("ip", "route", "replace", n.podCIDR, "via", ip).CombinedOutput()
				if err != nil {
					logf("route %s via %s (node %s): %v %s", n.podCIDR, ip, n.name, err, strings.TrimSpace(string(out)))
					continue
				}
				applied[n.podCIDR] = ip
				logf("pod route %s via %s (node %s)", n.podCIDR, ip, n.name)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
}
