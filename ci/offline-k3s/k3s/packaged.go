package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The components k3s packages and `--disable` can turn off. This stand-in ships coredns
// (a manifest) and servicelb (a controller in the supervisor); the others do not exist
// here, so disabling them changes nothing.
const (
	componentCoreDNS   = "coredns"
	componentServiceLB = "servicelb"
)

var absentComponents = []string{"traefik", "local-storage", "metrics-server", "runtimes"}

// disabledComponents reads `--disable` values (repeatable, comma lists) into a set and says
// which names mean nothing here.
func disabledComponents(values []string) map[string]bool {
	disabled := map[string]bool{}
	for _, v := range values {
		disabled[v] = true
		switch {
		case v == componentCoreDNS || v == componentServiceLB:
		case contains(absentComponents, v):
			logf("--disable=%s: this stand-in has no %s anyway", v, v)
		default:
			logf("--disable=%s: unknown component (known: coredns, servicelb, %s); ignored", v, strings.Join(absentComponents, ", "))
		}
	}
	return disabled
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

//go:embed manifests/coredns.yaml
var corednsManifest string

// packagedManifests are the manifests `k3s server` writes into server/manifests at every
// start, keyed by component; ${NAME} placeholders are filled from manifestVars.
var packagedManifests = map[string]string{
	componentCoreDNS: corednsManifest,
}

var manifestVars = map[string]string{
	"CLUSTER_DNS":    clusterDNSIP,
	"CLUSTER_DOMAIN": clusterDomain,
}

func renderManifest(tmpl string, vars map[string]string) (string, error) {
	var missing []string
	out := os.Expand(tmpl, func(name string) string {
		v, ok := vars[name]
		if !ok {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no value for ${%s}", strings.Join(missing, "}, ${"))
	}
	return out, nil
}

// stageManifests writes the packaged manifests into dir, as k3s does at every start (a
// learner's edits to them are overwritten; a NAME.yaml.skip file keeps them from being
// applied). A disabled component's file is removed, and its last content returned so the
// deployer can delete what it had created.
func stageManifests(dir string, disabled map[string]bool) (removed map[string][]byte, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	removed = map[string][]byte{}
	names := make([]string, 0, len(packagedManifests))
	for name := range packagedManifests {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name+".yaml")
		if disabled[name] {
			if old, err := os.ReadFile(path); err == nil {
				removed[name] = old
				if err := os.Remove(path); err != nil {
					return nil, err
				}
			}
			continue
		}
		body, err := renderManifest(packagedManifests[name], manifestVars)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", name, err)
		}
		if old, err := os.ReadFile(path); err == nil && string(old) == body {
			continue // unchanged: keep its mtime, so the deployer has nothing to do
		}
		if err := writeFile(path, []byte(body), 0o600); err != nil {
			return nil, err
		}
	}
	return removed, nil
}
