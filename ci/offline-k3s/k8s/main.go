// Command k8s is a multicall binary of upstream Kubernetes v1.34 (plus an
// embedded etcd), built from Go modules only. It runs exactly one component
// per process, chosen by the name it was invoked under (symlink/hardlink) or,
// when invoked as "k8s", by its first argument:
//
//	k8s kube-apiserver --etcd-servers=...
//	ln -s k8s kubectl; ./kubectl get pods
//
// One component per process is deliberate: the apiserver's signal handler,
// feature gates and metrics registries are process-global.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "time/tzdata" // CronJob time zones (kube-apiserver, kube-controller-manager)

	"github.com/spf13/cobra"

	_ "k8s.io/client-go/plugin/pkg/client/auth" // kubectl auth plugins
	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	_ "k8s.io/component-base/logs/json/register"          // JSON log format
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // client-go metrics
	_ "k8s.io/component-base/metrics/prometheus/version"  // version metric
	kubectlcmd "k8s.io/kubectl/pkg/cmd"
	kubectlutil "k8s.io/kubectl/pkg/cmd/util"
	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	proxy "k8s.io/kubernetes/cmd/kube-proxy/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"
	kubelet "k8s.io/kubernetes/cmd/kubelet/app"
)

// cobraComponents mirror upstream cmd/<name>/<name>.go main functions.
var cobraComponents = map[string]func() *cobra.Command{
	"kube-apiserver":          apiserver.NewAPIServerCommand,
	"kube-controller-manager": controllermanager.NewControllerManagerCommand,
	"kube-scheduler": func() *cobra.Command {
		return scheduler.NewSchedulerCommand()
	},
	"kubelet": func() *cobra.Command {
		return kubelet.NewKubeletCommand(context.Background())
	},
	"kube-proxy": proxy.NewProxyCommand,
}

func components() []string {
	names := []string{"kubectl", "etcd"}
	for n := range cobraComponents {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage() {
	fmt.Fprintf(os.Stderr, "usage: k8s COMPONENT [ARGS...]  (or invoke via a link named COMPONENT)\ncomponents: %s\n",
		strings.Join(components(), ", "))
	os.Exit(2)
}

func main() {
	name, args := filepath.Base(os.Args[0]), os.Args[1:]
	if _, known := cobraComponents[name]; !known && name != "kubectl" && name != "etcd" {
		// Invoked as "k8s" (or any other name): the component is argv[1].
		if len(args) == 0 {
			usage()
		}
		name, args = args[0], args[1:]
	}
	// Rewrite os.Args so the component sees exactly what its own binary
	// would: cobra's Execute, kubectl's plugin handler and log-verbosity
	// parsing all read os.Args directly.
	os.Args = append([]string{name}, args...)

	switch name {
	case "kubectl":
		runKubectl()
	case "etcd":
		os.Exit(runEtcd(args))
	default:
		newCmd, ok := cobraComponents[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "k8s: unknown component %q\n", name)
			usage()
		}
		os.Exit(cli.Run(newCmd()))
	}
}

// runKubectl is upstream cmd/kubectl/kubectl.go.
func runKubectl() {
	logs.GlogSetter(kubectlcmd.GetLogVerbosity(os.Args)) // nolint:errcheck
	command := kubectlcmd.NewDefaultKubectlCommand()
	if err := cli.RunNoErrOutput(command); err != nil {
		kubectlutil.CheckErr(err)
	}
	os.Exit(0)
}
