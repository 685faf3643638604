package main

import (
	"bufio"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

const cgroupMount = "/sys/fs/cgroup"

// setupCgroupRoot creates <this container's cgroup>/kubelet in every cgroup v1 hierarchy
// (and the v2 one in hybrid mode) and returns it for kubelet's cgroupRoot. With host
// cgroupns that is /docker/<id>/kubelet, so two node containers never share /kubepods.
func setupCgroupRoot() (string, error) {
	f, err := os.Open("/proc/self/cgroup")
	if err != nil {
		return "", err
	}
	defer f.Close()
	count := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 || parts[0] == "0" {
			continue
		}
		count[parts[2]]++
	}
	if len(count) == 0 {
		return "", fmt.Errorf("no cgroup v1 hierarchy in /proc/self/cgroup (cgroup v2 only is not supported by this stand-in)")
	}
	own := ""
	for p, n := range count { // the path most hierarchies agree on
		if own == "" || n > count[own] || (n == count[own] && p > own) {
			own = p
		}
	}
	root := path.Join(own, "kubelet")
	dirs, err := os.ReadDir(cgroupMount)
	if err != nil {
		return "", err
	}
	var made []string
	for _, d := range dirs {
		if !d.IsDir() { // cpu,cpuacct style symlinks point at a directory listed anyway
			continue
		}
		base := filepath.Join(cgroupMount, d.Name())
		if _, err := os.Stat(filepath.Join(base, "cgroup.procs")); err != nil {
			continue
		}
		full := filepath.Join(base, root)
		if err := mkdirCgroup(base, root); err != nil {
			return "", fmt.Errorf("create %s: %w", full, err)
		}
		made = append(made, d.Name())
	}
	sort.Strings(made)
	logf("cgroup root %s created in %s", root, strings.Join(made, ","))
	return root, nil
}

// mkdirCgroup creates rel under base one level at a time; in cpuset it copies cpus and
// mems from the parent (a new cpuset is empty and refuses tasks with ENOSPC).
func mkdirCgroup(base, rel string) error {
	cur := base
	for _, part := range strings.Split(strings.Trim(rel, "/"), "/") {
		parent := cur
		cur = filepath.Join(cur, part)
		if err := os.Mkdir(cur, 0o755); err != nil && !os.IsExist(err) {
			return err
		}
		for _, name := range []string{"cpuset.cpus", "cpuset.mems"} {
			if b, err := os.ReadFile(filepath.Join(cur, name)); err == nil && strings.TrimSpace(string(b)) == "" {
				if pb, err := os.ReadFile(filepath.Join(parent, name)); err == nil {
					if err := os.WriteFile(filepath.Join(cur, name), pb, 0o644); err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
				}
			}
		}
	}
	return nil
}

// cleanupCgroupRoot kills what is left in root (pods' processes) and removes its cgroups,
// so a stopped node leaves nothing behind in the host's hierarchy.
func cleanupCgroupRoot(root string) {
	if root == "" {
		return
	}
	dirs, _ := os.ReadDir(cgroupMount)
	for _, d := range dirs {
		base := filepath.Join(cgroupMount, d.Name(), root)
		if _, err := os.Stat(base); err != nil {
			continue
		}
		var all []string
		_ = filepath.WalkDir(base, func(p string, e os.DirEntry, err error) error {
			if err == nil && e.IsDir() {
				all = append(all, p)
			}
			return nil
		})
		for i := len(all) - 1; i >= 0; i-- { // deepest first
			if b, err := os.ReadFile(filepath.Join(all[i], "cgroup.procs")); err == nil {
				for _, pid := range strings.Fields(string(b)) {
					var n int
					if _, err := fmt.Sscan(pid, &n); err == nil && n > 1 {
						_ = syscall.Kill(n, syscall.SIGKILL)
					}
				}
			}
		}
		for i := len(all) - 1; i >= 0; i-- {
			_ = os.Remove(all[i])
		}
	}
}

// kubelet (protectKernelDefaults=false) writes these host-wide sysctls when they differ.
// In a container they are the host's: shadow each differing one with a read-only file
// holding the value kubelet wants, so it reads what it expects and writes nothing.
var kubeletTunables = map[string]string{
	"vm/overcommit_memory":      "1",
	"vm/panic_on_oom":           "0",
	"kernel/panic":              "10",
	"kernel/panic_on_oops":      "1",
	"kernel/keys/root_maxkeys":  "1000000",
	"kernel/keys/root_maxbytes": "25000000",
}

func shadowKernelTunables(dir string) {
	for name, want := range kubeletTunables {
		p := "/proc/sys/" + name
		b, err := os.ReadFile(p)
		if err != nil || strings.TrimSpace(string(b)) == want {
			continue
		}
		f := filepath.Join(dir, strings.ReplaceAll(name, "/", "."))
		if err := writeFile(f, []byte(want+"\n"), 0o444); err != nil {
			logf("shadow %s: %v", p, err)
			continue
		}
		if err := syscall.Mount(f, p, "", syscall.MS_BIND, ""); err != nil {
			logf("shadow %s: %v (kubelet may change the host's value)", p, err)
			continue
		}
		_ = syscall.Mount("", p, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, "")
	}
}

// setSysctl writes a (network-namespaced) sysctl, logging failures.
func setSysctl(name, value string) {
	if err := os.WriteFile("/proc/sys/"+strings.ReplaceAll(name, ".", "/"), []byte(value), 0o644); err != nil {
		logf("sysctl %s=%s: %v", name, value, err)
	}
}
