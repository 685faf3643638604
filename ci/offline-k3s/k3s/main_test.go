package main

import (
	"net"
	"reflect"
	"testing"
)

func TestFlagParsing(t *testing.T) {
	f := newFlagSet(serverFlags, nil)
	err := f.parse([]string{"--disable=traefik", "--tls-san=a,b", "--tls-san", "c", "--disable", "metrics-server",
		"--disable-network-policy", "--write-kubeconfig-mode", "644", "--kubelet-arg=max-pods=20"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.list("tls-san"); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("tls-san = %v", got)
	}
	if got := f.get("write-kubeconfig-mode", ""); got != "644" {
		t.Errorf("write-kubeconfig-mode = %q", got)
	}
	if got := f.list("disable"); !reflect.DeepEqual(got, []string{"traefik", "metrics-server"}) {
		t.Errorf("disable = %v", got)
	}
	want := []string{"--disable-network-policy=true", "--kubelet-arg=max-pods=20"}
	if !reflect.DeepEqual(f.ignored, want) {
		t.Errorf("ignored = %v, want %v", f.ignored, want)
	}
	if err := newFlagSet(serverFlags, nil).parse([]string{"stray"}); err == nil {
		t.Error("a positional argument should be refused")
	}
}

func TestBootstrapTokenShape(t *testing.T) {
	id, secret := bootstrapToken("anything at all")
	if len(id) != 6 || len(secret) != 16 {
		t.Fatalf("id %q secret %q", id, secret)
	}
	id2, secret2 := bootstrapToken("anything at all")
	if id != id2 || secret != secret2 {
		t.Fatal("not deterministic")
	}
}

func TestCertificates(t *testing.T) {
	dir := t.TempDir()
	ca, err := loadOrCreateCA(dir, "server-ca", "test-ca")
	if err != nil {
		t.Fatal(err)
	}
	again, err := loadOrCreateCA(dir, "server-ca", "test-ca")
	if err != nil || !again.cert.Equal(ca.cert) {
		t.Fatalf("CA not kept across starts: %v", err)
	}
	c, err := ca.issue(dir, "serving", certSpec{cn: "kube-apiserver", server: true, dns: []string{"kubernetes"}, ips: []net.IP{net.ParseIP("10.43.0.1")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.certPEM) == 0 || len(c.keyPEM) == 0 {
		t.Fatal("empty PEM")
	}
}
