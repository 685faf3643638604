package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	k8sBinary         = "/bin/k8s"
	dataDir           = "/var/lib/rancher/k3s"
	defaultKubeconfig = "/etc/rancher/k3s/k3s.yaml"
	clusterCIDR       = "10.42.0.0/16"
	serviceCIDR       = "10.43.0.0/16"
	apiServiceIP      = "10.43.0.1"
	clusterDNSIP      = "10.43.0.10"
	clusterDomain     = "cluster.local"
	containerdSock    = "/run/containerd/containerd.sock"
	readyLine         = "Node controller sync successful"
)

// Flags of `k3s server` this stand-in implements; everything else is logged and ignored.
var serverFlags = []string{"tls-san", "node-name", "write-kubeconfig", "write-kubeconfig-mode", "token", "node-ip", "node-label", "disable"}

// nodeIdentity is what both server and agent need to run a node.
type nodeIdentity struct {
	name string
	ip   net.IP
}

func detectNode(fs *flagSet) (nodeIdentity, error) {
	var id nodeIdentity
	name := fs.get("node-name", os.Getenv("K3S_NODE_NAME"))
	if name == "" {
		h, err := os.Hostname()
		if err != nil {
			return id, err
		}
		name = h
	}
	id.name = strings.ToLower(name)
	if s := fs.get("node-ip", ""); s != "" {
		id.ip = net.ParseIP(s).To4()
		if id.ip == nil {
			return id, fmt.Errorf("--node-ip %q is not an IPv4 address", s)
		}
	} else {
		ip, err := interfaceIPv4("eth0")
		if err != nil {
			return id, fmt.Errorf("cannot find the node IP (use --node-ip): %w", err)
		}
		id.ip = ip
	}
	return id, nil
}

func runServer(args []string) int {
	start := time.Now()
	fs := newFlagSet(serverFlags, nil)
	if err := fs.parse(args); err != nil {
		fmt.Fprintf(os.Stderr, "k3s server: %v\n", err)
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer cancel()

	node, err := detectNode(fs)
	if err != nil {
		return die("%v", err)
	}
	logf("k3s stand-in (Kubernetes from %s) starting server on node %s (%s)", k8sBinary, node.name, node.ip)
	disabled := disabledComponents(fs.list("disable"))

	// ---- host preparation -------------------------------------------------------------
	prep, err := prepareHost()
	if err != nil {
		return die("%v", err)
	}

	// ---- PKI and configuration ----------------------------------------------------------
	tls := filepath.Join(dataDir, "server", "tls")
	cred := filepath.Join(dataDir, "server", "cred")
	ca, err := loadOrCreateCA(tls, "server-ca", "k3s-server-ca")
	if err != nil {
		return die("CA: %v", err)
	}
	saKey, saPub, err := ensureSAKey(tls)
	if err != nil {
		return die("service-account key: %v", err)
	}
	sans := []string{"kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "localhost", node.name}
	ips := []net.IP{net.ParseIP(apiServiceIP), net.ParseIP("127.0.0.1"), node.ip}
	for _, ip := range localIPv4s() {
		if !ip.Equal(node.ip) {
			ips = append(ips, ip)
		}
	}
	if gw := defaultGateway(); gw != nil {
		ips = append(ips, gw)
	}
	for _, s := range fs.list("tls-san") {
		if ip := net.ParseIP(s); ip != nil {
			ips = append(ips, ip)
		} else {
			sans = append(sans, s)
		}
	}
	serving, err := ca.issue(tls, "serving-kube-apiserver", certSpec{cn: "kube-apiserver", server: true, dns: sans, ips: ips})
	if err != nil {
		return die("apiserver cert: %v", err)
	}
	clients := map[string]certSpec{
		"client-admin":                {cn: "system:admin", orgs: []string{"system:masters"}},
		"client-controller":           {cn: "system:kube-controller-manager"},
		"client-scheduler":            {cn: "system:kube-scheduler"},
		"client-kube-apiserver":       {cn: "system:kube-apiserver"}, // apiserver -> kubelet
		"client-kube-proxy":           {cn: "system:kube-proxy"},
		"client-kubelet-" + node.name: {cn: "system:node:" + node.name, orgs: []string{"system:nodes"}},
	}
	certs := map[string]*issued{}
	for name, spec := range clients {
		if certs[name], err = ca.issue(tls, name, spec); err != nil {
			return die("%s cert: %v", name, err)
		}
	}
	local := "https://127.0.0.1:6443"
	caPath := ca.pathCert(tls)
	kc := func(name string, c *issued) string {
		p := filepath.Join(cred, name+".kubeconfig")
		if err == nil {
			err = writeFile(p, kubeconfig(local, ca.certPEM, caPath, c, false), 0o600)
		}
		return p
	}
	adminKC := kc("admin", certs["client-admin"]) // as in k3s: an admin kubeconfig among the server's credentials
	controllerKC := kc("controller", certs["client-controller"])
	schedulerKC := kc("scheduler", certs["client-scheduler"])
	proxyKC := kc("kube-proxy", certs["client-kube-proxy"])
	kubeletKC := kc("kubelet", certs["client-kubelet-"+node.name])
	if err != nil {
		return die("kubeconfigs: %v", err)
	}

	manifestsDir := filepath.Join(dataDir, "server", "manifests")
	deletions, err := stageManifests(manifestsDir, disabled)
	if err != nil {
		return die("staging manifests in %s: %v", manifestsDir, err)
	}

	sup := newSupervisor()
	// From here on every exit path stops the children.
	exit := shutdown(sup, prep.cgroupRoot)

	// ---- datastore and containerd, side by side (neither needs the other) ---------------------
	sup.start("etcd", k8sBinary, "etcd",
		"--name="+node.name,
		"--data-dir="+filepath.Join(dataDir, "server", "db", "etcd"),
		"--listen-client-urls=http://127.0.0.1:2379",
		"--advertise-client-urls=http://127.0.0.1:2379",
		"--listen-peer-urls=http://127.0.0.1:2380",
		"--log-level=warn")
	if err := startContainerd(ctx, sup); err != nil {
		return exit(die("%v", err))
	}
	imagesImported := newImageImporter().start(ctx)

	// ---- control plane ------------------------------------------------------------------
	if err := waitFor(ctx, sup, "etcd", 60*time.Second, func() error { return httpGetOK("http://127.0.0.1:2379/health") }); err != nil {
		return exit(err.(exitErr).code)
	}
	sup.start("kube-apiserver", k8sBinary, "kube-apiserver",
		"--etcd-servers=http://127.0.0.1:2379",
		"--secure-port=6443",
		"--bind-address=0.0.0.0",
		"--advertise-address="+node.ip.String(),
		"--service-cluster-ip-range="+serviceCIDR,
		"--service-node-port-range=30000-32767",
		"--tls-cert-file="+serving.certPath,
		"--tls-private-key-file="+serving.keyPath,
		"--client-ca-file="+caPath,
		"--kubelet-client-certificate="+certs["client-kube-apiserver"].certPath,
		"--kubelet-client-key="+certs["client-kube-apiserver"].keyPath,
		"--kubelet-preferred-address-types=InternalIP,Hostname",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file="+saPub,
		"--service-account-signing-key-file="+saKey,
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=NodeRestriction",
		"--enable-bootstrap-token-auth=true",
		"--allow-privileged=true",
		"--anonymous-auth=true",
		"--profiling=false",
		"--cert-dir="+filepath.Join(dataDir, "server", "tls", "temporary-certs"))
	api, err := newAPIClient(local, ca.certPEM, certs["client-admin"])
	if err != nil {
		return exit(die("%v", err))
	}
	if err := waitFor(ctx, sup, "kube-apiserver /readyz", 120*time.Second, func() error { return api.ok("/readyz") }); err != nil {
		return exit(err.(exitErr).code)
	}
	logf("kube-apiserver ready after %.1fs", time.Since(start).Seconds())
	kubeconfigMode := os.FileMode(0o600)
	if m := fs.get("write-kubeconfig-mode", os.Getenv("K3S_KUBECONFIG_MODE")); m != "" {
		if v, err := strconv.ParseUint(m, 8, 32); err == nil {
			kubeconfigMode = os.FileMode(v)
		} else {
			logf("--write-kubeconfig-mode %q is not octal; using 0600", m)
		}
	}
	admin := kubeconfig(local, ca.certPEM, caPath, certs["client-admin"], true)
	for _, p := range []string{defaultKubeconfig, fs.get("write-kubeconfig", os.Getenv("K3S_KUBECONFIG_OUTPUT"))} {
		if p != "" {
			if err := writeFile(p, admin, kubeconfigMode); err != nil {
				return exit(die("write %s: %v", p, err))
			}
		}
	}
	token, err := serverToken(fs)
	if err != nil {
		return exit(die("token: %v", err))
	}
	if err := waitFor(ctx, sup, "RBAC for the apiserver's kubelet client and agents' join secret", 30*time.Second, func() error {
		if err := api.ensure("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", kubeletAPIAdminBinding); err != nil {
			return err
		}
		return publishJoinSecrets(api, token, ca, tls)
	}); err != nil {
		return exit(err.(exitErr).code)
	}
	// Packaged components and the manifests directory, as k3s; the ready line does not wait
	// for them (k3s's does not either).
	go newManifestDeployer(manifestsDir, adminKC, deletions, filepath.Join(dataDir, "server", "applied-manifests.json")).run(ctx)
	if !disabled[componentCoreDNS] {
		go syncNodeHosts(ctx, api)
	}
	if !disabled[componentServiceLB] {
		go (&serviceLB{api: api}).run(ctx)
	}
	sup.start("kube-controller-manager", k8sBinary, "kube-controller-manager",
		"--kubeconfig="+controllerKC,
		"--authentication-kubeconfig="+controllerKC,
		"--authorization-kubeconfig="+controllerKC,
		"--bind-address=127.0.0.1",
		"--service-account-private-key-file="+saKey,
		"--root-ca-file="+caPath,
		"--cluster-signing-cert-file="+caPath,
		"--cluster-signing-key-file="+ca.pathKey(tls),
		"--use-service-account-credentials=true",
		"--allocate-node-cidrs=true",
		"--cluster-cidr="+clusterCIDR,
		"--service-cluster-ip-range="+serviceCIDR,
		"--controllers=*,tokencleaner",
		"--leader-elect=false",
		"--profiling=false")
	sup.start("kube-scheduler", k8sBinary, "kube-scheduler",
		"--kubeconfig="+schedulerKC,
		"--authentication-kubeconfig="+schedulerKC,
		"--authorization-kubeconfig="+schedulerKC,
		"--bind-address=127.0.0.1",
		"--leader-elect=false",
		"--profiling=false")

	// ---- node -----------------------------------------------------------------------------
	if err := startNode(ctx, sup, api, node, prep, ca, kubeletKC, proxyKC, caPath, imagesImported); err != nil {
		return exit(die("%v", err))
	}

	go syncPodRoutes(ctx, api, node.name)

	// ---- ready ------------------------------------------------------------------------------
	labelled := false
	if err := waitFor(ctx, sup, "node "+node.name+" Ready", 300*time.Second, func() error {
		if err := api.ok("/readyz"); err != nil {
			return err
		}
		if err := api.nodeReady(node.name, start); err != nil {
			return err
		}
		if !labelled {
			if err := api.labelNode(node.name, map[string]string{
				"node-role.kubernetes.io/control-plane": "true",
				"node-role.kubernetes.io/master":        "true",
			}); err != nil {
				return err
			}
			labelled = true
		}
		return api.ok("/api/v1/namespaces/default/serviceaccounts/default")
	}); err != nil {
		return exit(err.(exitErr).code)
	}
	logf("%s (ready after %.1fs)", readyLine, time.Since(start).Seconds())

	select {
	case <-ctx.Done():
		logf("signal received; stopping")
		return exit(0)
	case err := <-sup.fatal:
		return exit(die("%v", err))
	}
}

type exitErr struct{ code int }

func (e exitErr) Error() string { return "exit " + strconv.Itoa(e.code) }

// waitFor polls check until it passes, a component gives up, a signal arrives, or timeout.
func waitFor(ctx context.Context, sup *supervisor, what string, timeout time.Duration, check func() error) error {
	deadline := time.Now().Add(timeout)
	var last error
	for {
		if last = check(); last == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return exitErr{die("timed out after %s waiting for %s: %v", timeout, what, last)}
		}
		select {
		case <-ctx.Done():
			logf("signal received while waiting for %s; stopping", what)
			return exitErr{0}
		case err := <-sup.fatal:
			return exitErr{die("%v", err)}
		case <-time.After(waitPoll):
		}
	}
}

// waitPoll is how often waitFor looks again: each look is a local request, and each look's
// delay is added to the start (half a second made a restart ~1 s slower).
const waitPoll = 100 * time.Millisecond

func die(format string, a ...any) int {
	logf("FATAL: "+format, a...)
	return 1
}

func (ca *certAuthority) pathCert(dir string) string {
	return filepath.Join(dir, "server-ca.crt")
}

func (ca *certAuthority) pathKey(dir string) string {
	return filepath.Join(dir, "server-ca.key")
}

var kubeletAPIAdminBinding = map[string]any{
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind":       "ClusterRoleBinding",
	"metadata":   map[string]any{"name": "kube-apiserver-kubelet-admin"},
	"roleRef":    map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "system:kubelet-api-admin"},
	"subjects":   []any{map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "system:kube-apiserver"}},
}
