package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// manifestDeployer is k3s's auto-deploying manifests directory: every .yaml, .yml and
// .json file under dir is applied once the API answers, and again whenever it changes
// (polled). A file FILE.skip next to FILE keeps FILE from being applied. Objects are
// applied server-side with the embedded kubectl; files removed from the directory leave
// their objects in place, as in k3s (k3s uninstalls only packaged components, which
// stageManifests hands over as `deletions`).
type manifestDeployer struct {
	dir        string
	kubeconfig string
	every      time.Duration
	deletions  map[string][]byte // component -> manifest to delete once
	applied    map[string][32]byte
	kubectl    func(stdin []byte, args ...string) error
}

func newManifestDeployer(dir, kubeconfig string, deletions map[string][]byte) *manifestDeployer {
	d := &manifestDeployer{dir: dir, kubeconfig: kubeconfig, every: 5 * time.Second, deletions: deletions, applied: map[string][32]byte{}}
	d.kubectl = d.runKubectl
	return d
}

const deployFieldManager = "k3s-deploy"

func (d *manifestDeployer) runKubectl(stdin []byte, args ...string) error {
	cmd := exec.Command(k8sBinary, append([]string{"kubectl", "--kubeconfig=" + d.kubeconfig, "--request-timeout=30s"}, args...)...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("kubectl %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// manifestFiles lists the files to apply, sorted, without those that have a .skip twin.
func manifestFiles(dir string) ([]string, error) {
	var files []string
	skip := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		switch ext := filepath.Ext(p); ext {
		case ".yaml", ".yml", ".json":
			files = append(files, p)
		case ".skip":
			skip[strings.TrimSuffix(p, ext)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := files[:0]
	for _, f := range files {
		if !skip[f] {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, nil
}

// sync applies what changed since the last successful apply; failures are logged and
// retried on the next round.
func (d *manifestDeployer) sync() {
	for name, body := range d.deletions {
		if err := d.kubectl(body, "delete", "--ignore-not-found", "--wait=false", "-f", "-"); err != nil {
			logf("removing disabled %s: %v", name, err)
			continue
		}
		logf("removed disabled component %s", name)
		delete(d.deletions, name)
	}
	files, err := manifestFiles(d.dir)
	if err != nil && !os.IsNotExist(err) {
		logf("manifests in %s: %v", d.dir, err)
		return
	}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			logf("manifest %s: %v", f, err)
			continue
		}
		sum := sha256.Sum256(body)
		if d.applied[f] == sum {
			continue
		}
		start := time.Now()
		if err := d.kubectl(nil, "apply", "--server-side", "--force-conflicts", "--field-manager="+deployFieldManager, "-f", f); err != nil {
			logf("applying %s (retried in %s): %v", filepath.Base(f), d.every, err)
			continue
		}
		d.applied[f] = sum
		logf("applied manifest %s in %.1fs", filepath.Base(f), time.Since(start).Seconds())
	}
}

func (d *manifestDeployer) run(ctx context.Context) {
	for {
		d.sync()
		select {
		case <-ctx.Done():
			return
		case <-time.After(d.every):
		}
	}
}
