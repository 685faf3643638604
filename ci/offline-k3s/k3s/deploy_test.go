package main

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeTestFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestManifestFilesHonourSkipAndExtensions(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "a.yaml.skip", "b.yml", "c.json", "notes.txt", "sub/d.yaml"} {
		writeTestFile(t, filepath.Join(dir, name), "x")
	}
	got, err := manifestFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, f := range got {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if want := []string{"b.yml", "c.json", "sub/d.yaml"}; !reflect.DeepEqual(rel, want) {
		t.Fatalf("files = %v, want %v", rel, want)
	}
}

func TestDeployerAppliesEachVersionOnceAndRetriesFailures(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app.yaml")
	writeTestFile(t, file, "kind: ConfigMap # v1")
	var calls []string
	fail := false
	d := newManifestDeployer(dir, "/admin.kubeconfig", map[string][]byte{"coredns": []byte("old")}, filepath.Join(t.TempDir(), "applied.json"))
	d.kubectl = func(stdin []byte, args ...string) error {
		calls = append(calls, strings.Join(args, " ")+" <"+string(stdin))
		if fail {
			return errors.New("apiserver said no")
		}
		return nil
	}
	d.sync()
	d.sync()
	want := []string{
		"delete --ignore-not-found --wait=false -f - <old",
		"apply --server-side --force-conflicts --field-manager=k3s-deploy -f " + file + " <",
	}
	if !reflect.DeepEqual(calls, want) {
		t.Fatalf("calls = %q, want %q", calls, want)
	}
	calls = nil
	writeTestFile(t, file, "kind: ConfigMap # v2")
	fail = true
	d.sync()
	fail = false
	d.sync()
	d.sync()
	if len(calls) != 2 {
		t.Fatalf("a changed file should be applied, retried after a failure, then left alone; calls = %q", calls)
	}
}

func TestDeployerDoesNotApplyAgainWhatARestartFindsApplied(t *testing.T) {
	dir := t.TempDir()
	record := filepath.Join(t.TempDir(), "applied.json")
	file := filepath.Join(dir, "coredns.yaml")
	writeTestFile(t, file, "kind: Deployment # v1")
	var calls []string
	kubectl := func(stdin []byte, args ...string) error {
		calls = append(calls, strings.Join(args, " "))
		return nil
	}
	first := newManifestDeployer(dir, "/admin.kubeconfig", nil, record)
	first.kubectl = kubectl
	first.sync()
	restarted := newManifestDeployer(dir, "/admin.kubeconfig", nil, record)
	restarted.kubectl = kubectl
	restarted.sync()
	if len(calls) != 1 {
		t.Fatalf("an unchanged manifest should be applied once across a restart; calls = %q", calls)
	}
	writeTestFile(t, file, "kind: Deployment # v2")
	restarted.sync()
	if len(calls) != 2 {
		t.Fatalf("a changed manifest should be applied again; calls = %q", calls)
	}
}
