package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// startNode writes kubelet and kube-proxy configuration and starts both.
func startNode(sup *supervisor, node nodeIdentity, prep hostPrep, ca *certAuthority, tlsDir, kubeletKC, proxyKC, caPath string) error {
	agent := filepath.Join(dataDir, "agent")
	serving, err := ca.issue(agent, "serving-kubelet", certSpec{cn: node.name, server: true, dns: []string{node.name, "localhost"}, ips: []net.IP{node.ip, net.ParseIP("127.0.0.1")}})
	if err != nil {
		return fmt.Errorf("kubelet serving cert: %w", err)
	}
	if err := podMasquerade(); err != nil {
		logf("pod masquerade rule: %v", err)
	}
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
clusterDomain: cluster.local
tlsCertFile: %s
tlsPrivateKeyFile: %s
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
serializeImagePulls: false
resolvConf: /etc/resolv.conf
`, prep.cgroupRoot, containerdSock, caPath, clusterDNSIP, serving.certPath, serving.keyPath)
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
	sup.start("kubelet", k8sBinary, "kubelet",
		"--config="+kubeletYAML,
		"--kubeconfig="+kubeletKC,
		"--hostname-override="+node.name,
		"--node-ip="+node.ip.String())
	sup.start("kube-proxy", k8sBinary, "kube-proxy", "--config="+proxyYAML)
	return nil
}
