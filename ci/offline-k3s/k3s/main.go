// Command k3s is the supervisor of the offline stand-in for the rancher/k3s image.
// It keeps the parts of k3s's command line and behaviour that @testcontainers/k3s and
// our harness rely on (see ../README.md) and runs upstream Kubernetes components from
// the multicall binary /bin/k8s, one component per process, plus Debian's containerd.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

const usage = `usage: k3s server [flags]     run a single-node control plane + node
       k3s agent  [flags]     join a server (K3S_URL, K3S_TOKEN)
       k3s kubectl ARGS...    kubectl (as /bin/k8s kubectl)
       k3s ctr ARGS...        containerd's ctr
       k3s crictl ...         not provided
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	switch cmd {
	case "server":
		os.Exit(runServer(args))
	case "agent":
		os.Exit(runAgent(args))
	case "kubectl":
		execOrDie(k8sBinary, append([]string{"kubectl"}, args...), "KUBECONFIG", defaultKubeconfig)
	case "ctr":
		execOrDie("/usr/bin/ctr", args, "", "")
	case "--version", "version", "-v":
		fmt.Println("k3s version v1.34.2+k3s1 (grade offline stand-in)")
	case "-h", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "k3s: unknown command %q\n%s", cmd, usage)
		os.Exit(2)
	}
}

// execOrDie replaces this process, setting env name=value when it is not already set.
func execOrDie(bin string, args []string, name, value string) {
	env := os.Environ()
	if name != "" && os.Getenv(name) == "" {
		env = append(env, name+"="+value)
	}
	err := syscall.Exec(bin, append([]string{filepath.Base(bin)}, args...), env)
	fmt.Fprintf(os.Stderr, "k3s: exec %s: %v\n", bin, err)
	os.Exit(1)
}

// flagSet is a tiny k3s-style flag parser: --name=value, --name value, repeatable flags,
// comma lists. Flags it does not know are accepted and reported once, as k3s's stand-in
// does not implement them.
type flagSet struct {
	values  map[string][]string
	bools   map[string]bool // known boolean flags
	known   map[string]bool
	ignored []string
}

func newFlagSet(known []string, bools []string) *flagSet {
	f := &flagSet{values: map[string][]string{}, bools: map[string]bool{}, known: map[string]bool{}}
	for _, k := range known {
		f.known[k] = true
	}
	for _, b := range bools {
		f.bools[b] = true
		f.known[b] = true
	}
	return f
}

func (f *flagSet) parse(args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return fmt.Errorf("unexpected argument %q", a)
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if k, v, ok := strings.Cut(name, "="); ok {
			name, value, hasValue = k, v, true
		}
		if !hasValue {
			switch {
			case f.bools[name]:
				value = "true"
			case i+1 < len(args) && !strings.HasPrefix(args[i+1], "-"):
				i++
				value = args[i]
			default:
				value = "true" // an unknown flag with no value: treat it as a switch
			}
		}
		if !f.known[name] {
			f.ignored = append(f.ignored, "--"+name+"="+value)
			continue
		}
		f.values[name] = append(f.values[name], value)
	}
	// Said once here, so server and agent report ignored flags alike.
	for _, flag := range f.ignored {
		logf("flag %s is not implemented by this stand-in; ignored", flag)
	}
	return nil
}

func (f *flagSet) get(name, def string) string {
	if v := f.values[name]; len(v) > 0 {
		return v[len(v)-1]
	}
	return def
}

// list returns every value of a repeatable flag, comma lists split.
func (f *flagSet) list(name string) []string {
	var out []string
	for _, v := range f.values[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
