package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"text/template"
	"time"
)

type hostPrep struct {
	cgroupRoot string
}

// prepareHost does what kind's entrypoint does that applies with host cgroupns.
func prepareHost() (hostPrep, error) {
	var p hostPrep
	// kubelet's Bidirectional/HostToContainer mount propagation needs a shared root.
	if err := syscall.Mount("", "/", "", syscall.MS_SHARED|syscall.MS_REC, ""); err != nil {
		logf("mount --make-rshared /: %v", err)
	}
	setSysctl("net.ipv4.ip_forward", "1")
	setSysctl("net.bridge.bridge-nf-call-iptables", "1")
	setSysctl("net.bridge.bridge-nf-call-ip6tables", "1")
	shadowKernelTunables("/run/k3s/sysctl")
	if _, err := os.Stat("/dev/kmsg"); err != nil {
		_ = os.Symlink("/dev/console", "/dev/kmsg")
	}
	if b, err := os.ReadFile("/etc/machine-id"); err != nil || len(strings.TrimSpace(string(b))) != 32 {
		id := make([]byte, 16)
		_, _ = rand.Read(id)
		_ = os.WriteFile("/etc/machine-id", []byte(hex.EncodeToString(id)+"\n"), 0o444)
	}
	for _, d := range []string{"/var/lib/kubelet", "/var/lib/cni", "/var/log/pods", "/etc/cni/net.d", imagesDir} {
		_ = os.MkdirAll(d, 0o755)
	}
	root, err := setupCgroupRoot()
	if err != nil {
		return p, fmt.Errorf("cgroups: %w", err)
	}
	p.cgroupRoot = root
	return p, nil
}

const containerdConfig = `version = 2
root = "/var/lib/containerd"
state = "/run/containerd"
oom_score = 0

[grpc]
  address = "/run/containerd/containerd.sock"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "registry.k8s.io/pause:3.10"
  restrict_oom_score_adj = true
  tolerate_missing_hugetlb_controller = true
  enable_unprivileged_ports = true
  enable_unprivileged_icmp = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
    conf_template = "/etc/containerd/cni.template"
`

// The CRI plugin renders this into /etc/cni/net.d once kubelet passes it the node's
// podCIDR (allocated by kube-controller-manager from 10.42.0.0/16).
const cniTemplate = `{
  "cniVersion": "0.4.0",
  "name": "k8s-pod-network",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "/run/cni-ipam-state",
        "ranges": [[{"subnet": "{{.PodCIDR}}"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
`

// cniConfFile is where containerd's CRI plugin renders cniTemplate (its fixed file name).
const cniConfFile = "/etc/cni/net.d/10-containerd-net.conflist"

func renderCNIConfig(podCIDR string) ([]byte, error) {
	t, err := template.New("cni").Parse(cniTemplate)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, struct{ PodCIDR string }{podCIDR})
	return b.Bytes(), err
}

// syncCNIConfig makes the CNI config agree with the node's podCIDR before kubelet starts.
// containerd renders it only once kubelet passes the podCIDR, and keeps a file that is
// already there. So a node that comes back (docker start, or a new container from saved
// state) gets its file written now: the network is ready when kubelet first reports, instead
// of a NotReady report followed by kubelet's 10 s status period. A node whose Node object
// is gone (kubectl delete node) loses the file, since its new podCIDR may differ.
func syncCNIConfig(api *apiClient, nodeName string) {
	var n nodeJSON
	code, b, err := api.do("GET", "/api/v1/nodes/"+nodeName, nil, "")
	if err != nil || (code != 200 && code != 404) {
		return // the API cannot say; containerd renders the file when kubelet asks
	}
	if code == 200 {
		if err := json.Unmarshal(b, &n); err != nil {
			return
		}
	}
	if n.Spec.PodCIDR == "" {
		if err := os.Remove(cniConfFile); err == nil {
			logf("CNI config removed: node %s has no podCIDR yet", nodeName)
		}
		return
	}
	want, err := renderCNIConfig(n.Spec.PodCIDR)
	if err != nil {
		logf("CNI config: %v", err)
		return
	}
	if have, err := os.ReadFile(cniConfFile); err == nil && bytes.Equal(have, want) {
		return
	}
	if err := writeFile(cniConfFile, want, 0o644); err != nil {
		logf("CNI config: %v", err)
		return
	}
	logf("CNI config written for podCIDR %s of node %s", n.Spec.PodCIDR, nodeName)
}

func startContainerd(ctx context.Context, sup *supervisor) error {
	if err := writeFile("/etc/containerd/config.toml", []byte(containerdConfig), 0o644); err != nil {
		return err
	}
	if err := writeFile("/etc/containerd/cni.template", []byte(cniTemplate), 0o644); err != nil {
		return err
	}
	sup.start("containerd", "/usr/bin/containerd", "--config", "/etc/containerd/config.toml", "--log-level", "warn")
	err := waitFor(ctx, sup, "containerd", 60*time.Second, func() error {
		c, err := net.DialTimeout("unix", containerdSock, time.Second)
		if err != nil {
			return err
		}
		c.Close()
		return runQuiet("/usr/bin/ctr", "version")
	})
	if err != nil {
		return fmt.Errorf("containerd did not start")
	}
	return nil
}

// podMasquerade NATs pod traffic leaving the cluster's pod range (kindnetd's masq rule),
// so pods reach the node's network while pod-to-pod traffic keeps its source address.
func podMasquerade() error {
	rule := []string{"-t", "nat", "-s", clusterCIDR, "!", "-d", clusterCIDR, "-j", "MASQUERADE", "-m", "comment", "--comment", "k3s pod egress"}
	if err := runQuiet("iptables", append([]string{"-C", "POSTROUTING"}, rule...)...); err == nil {
		return nil
	}
	return runQuiet("iptables", append([]string{"-A", "POSTROUTING"}, rule...)...)
}

// startNode writes kubelet and kube-proxy configuration and starts both, once the image
// tarballs of agent/images are imported (as k3s preloads them before its kubelet starts).
func startNode(ctx context.Context, sup *supervisor, api *apiClient, node nodeIdentity, prep hostPrep, ca *certAuthority, kubeletKC, proxyKC, caPath string, imagesImported <-chan struct{}) error {
	agent := filepath.Join(dataDir, "agent")
	serving, err := ca.issue(agent, "serving-kubelet", certSpec{cn: node.name, server: true, dns: []string{node.name, "localhost"}, ips: []net.IP{node.ip, net.ParseIP("127.0.0.1")}})
	if err != nil {
		return fmt.Errorf("kubelet serving cert: %w", err)
	}
	if err := podMasquerade(); err != nil {
		logf("pod masquerade rule: %v", err)
	}
	resolvConf := podResolvConf(ctx, node) // may start the DNS relay for dnsPolicy: Default pods
	kubeletConfig := fmt.Sprintf(`apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: cgroupfs
cgroupRoot: %s
cgroupsPerQOS: true
failSwapOn: false
failCgroupV1: false
containerRuntimeEndpoint: unix://%s
oomScoreAdj: 0
imageGCHighThresholdPercent: 100
evictionHard:
  memory.available: "0%%"
  nodefs.available: "0%%"
  nodefs.inodesFree: "0%%"
  imagefs.available: "0%%"
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: %s}
authorization:
  mode: Webhook
clusterDNS: [%s]
clusterDomain: %s
tlsCertFile: %s
tlsPrivateKeyFile: %s
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
serializeImagePulls: false
resolvConf: %s
`, prep.cgroupRoot, containerdSock, caPath, clusterDNSIP, clusterDomain, serving.certPath, serving.keyPath, resolvConf)
	kubeletYAML := filepath.Join(agent, "kubelet.yaml")
	if err := writeFile(kubeletYAML, []byte(kubeletConfig), 0o644); err != nil {
		return err
	}
	proxyConfig := fmt.Sprintf(`apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: %s
hostnameOverride: %s
mode: iptables
clusterCIDR: %s
oomScoreAdj: 0
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
conntrack:
  maxPerCore: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
`, proxyKC, node.name, clusterCIDR)
	proxyYAML := filepath.Join(agent, "kube-proxy.yaml")
	if err := writeFile(proxyYAML, []byte(proxyConfig), 0o644); err != nil {
		return err
	}
	syncCNIConfig(api, node.name)
	select {
	case <-imagesImported:
	case <-ctx.Done():
		return nil
	}
	sup.start("kubelet", k8sBinary, "kubelet",
		"--config="+kubeletYAML,
		"--kubeconfig="+kubeletKC,
		"--hostname-override="+node.name,
		"--node-ip="+node.ip.String())
	sup.start("kube-proxy", k8sBinary, "kube-proxy", "--config="+proxyYAML)
	return nil
}
