package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
//
// What was applied is recorded in appliedFile, beside the datastore, as k3s records it in the
// datastore (an Addon's checksum): a restart, or a cluster started from a copy of this state,
// does not apply an unchanged manifest again (a kubectl run, ~0.8 s of a restart's CPU).
type manifestDeployer struct {
	dir         string
	kubeconfig  string
	every       time.Duration
	deletions   map[string][]byte // component -> manifest to delete once
	appliedFile string
	applied     map[string]string // file -> sha256 (hex) of what was applied
	kubectl     func(stdin []byte, args ...string) error
}

func newManifestDeployer(dir, kubeconfig string, deletions map[string][]byte, appliedFile string) *manifestDeployer {
	d := &manifestDeployer{dir: dir, kubeconfig: kubeconfig, every: 5 * time.Second, deletions: deletions, appliedFile: appliedFile, applied: map[string]string{}}
	if body, err := os.ReadFile(appliedFile); err == nil {
		if err := json.Unmarshal(body, &d.applied); err != nil {
			logf("%s unreadable (%v): every manifest is applied again", appliedFile, err)
			d.applied = map[string]string{}
		}
	}
	d.kubectl = d.runKubectl
	return d
}

// recordApplied writes down what is applied now; a failure only costs an apply at the next start.
func (d *manifestDeployer) recordApplied() {
	body, _ := json.Marshal(d.applied)
	if err := writeFile(d.appliedFile, body, 0o600); err != nil {
		logf("recording applied manifests: %v", err)
	}
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
		digest := sha256.Sum256(body)
		sum := hex.EncodeToString(digest[:])
		if d.applied[f] == sum {
			continue
		}
		start := time.Now()
		if err := d.kubectl(nil, "apply", "--server-side", "--force-conflicts", "--field-manager="+deployFieldManager, "-f", f); err != nil {
			logf("applying %s (retried in %s): %v", filepath.Base(f), d.every, err)
			continue
		}
		d.applied[f] = sum
		d.recordApplied()
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
