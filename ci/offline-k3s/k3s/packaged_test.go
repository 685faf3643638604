package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDisabledComponents(t *testing.T) {
	f := newFlagSet(serverFlags, nil)
	if err := f.parse([]string{"--disable=traefik", "--disable", "coredns,servicelb"}); err != nil {
		t.Fatal(err)
	}
	got := disabledComponents(f.list("disable"))
	want := map[string]bool{"traefik": true, "coredns": true, "servicelb": true}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("disabled = %v, want %v", got, want)
	}
	if len(f.ignored) != 0 {
		t.Fatalf("--disable is implemented, yet reported as ignored: %v", f.ignored)
	}
}

func TestStagedCoreDNSManifestIsFilledIn(t *testing.T) {
	dir := t.TempDir()
	if _, err := stageManifests(dir, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "coredns.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(b)
	for _, want := range []string{"clusterIP: 10.43.0.10", "kubernetes cluster.local in-addr.arpa", "image: rancher/mirrored-coredns-coredns:1.13.1", "name: kube-dns"} {
		if !strings.Contains(body, want) {
			t.Errorf("staged coredns.yaml lacks %q", want)
		}
	}
	if strings.Contains(body, "${") {
		t.Errorf("staged coredns.yaml still has a placeholder")
	}
}

func TestStagingKeepsAnUnchangedFileAndRemovesADisabledOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "coredns.yaml")
	if _, err := stageManifests(dir, nil); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := stageManifests(dir, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); !st.ModTime().Equal(old) {
		t.Errorf("an unchanged manifest was rewritten")
	}
	staged, _ := os.ReadFile(path)
	deletions, err := stageManifests(dir, map[string]bool{"coredns": true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("coredns.yaml still there after --disable=coredns")
	}
	if string(deletions["coredns"]) != string(staged) {
		t.Errorf("the removed manifest is not handed over for deletion")
	}
	if again, _ := stageManifests(dir, map[string]bool{"coredns": true}); len(again) != 0 {
		t.Errorf("a component already removed is deleted again: %v", again)
	}
}

func TestRenderManifestNamesAMissingValue(t *testing.T) {
	_, err := renderManifest("ip: ${CLUSTER_DNS} ${NOPE}", manifestVars)
	if err == nil || !strings.Contains(err.Error(), "${NOPE}") {
		t.Fatalf("want an error naming ${NOPE}, got %v", err)
	}
}
