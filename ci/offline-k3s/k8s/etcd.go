package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

// runEtcd starts a single-member etcd (the version k8s.io/kubernetes pins)
// through go.etcd.io/etcd/server/v3/embed. Only the flags a one-node
// cluster needs are accepted, with etcd's own names and defaults.
func runEtcd(args []string) int {
	fs := flag.NewFlagSet("etcd", flag.ContinueOnError)
	name := fs.String("name", "default", "human-readable name for this member")
	dataDir := fs.String("data-dir", "default.etcd", "path to the data directory")
	listenClient := fs.String("listen-client-urls", "http://localhost:2379", "comma-separated URLs to listen on for client traffic")
	advertiseClient := fs.String("advertise-client-urls", "", "comma-separated client URLs to advertise (default: listen-client-urls)")
	listenPeer := fs.String("listen-peer-urls", "http://localhost:2380", "comma-separated URLs to listen on for peer traffic")
	listenMetrics := fs.String("listen-metrics-urls", "", "comma-separated URLs to serve /metrics and /health on, besides the client URLs")
	quota := fs.Int64("quota-backend-bytes", 0, "backend size quota in bytes (0 = etcd default)")
	logLevel := fs.String("log-level", "info", "debug, info, warn, error, panic or fatal")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "etcd: unexpected arguments: %v\n", fs.Args())
		return 2
	}

	cfg := embed.NewConfig()
	cfg.Name = *name
	cfg.Dir = *dataDir
	cfg.LogLevel = *logLevel
	cfg.QuotaBackendBytes = *quota
	var err error
	if cfg.ListenClientUrls, err = parseURLs(*listenClient); err != nil {
		return fail(err)
	}
	if *advertiseClient == "" {
		cfg.AdvertiseClientUrls = cfg.ListenClientUrls
	} else if cfg.AdvertiseClientUrls, err = parseURLs(*advertiseClient); err != nil {
		return fail(err)
	}
	if cfg.ListenPeerUrls, err = parseURLs(*listenPeer); err != nil {
		return fail(err)
	}
	cfg.AdvertisePeerUrls = cfg.ListenPeerUrls
	if *listenMetrics != "" {
		if cfg.ListenMetricsUrls, err = parseURLs(*listenMetrics); err != nil {
			return fail(err)
		}
	}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return fail(err)
	}
	defer e.Close()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)

	select {
	case <-e.Server.ReadyNotify():
		fmt.Fprintf(os.Stderr, "etcd: ready to serve client requests on %s\n", *listenClient)
	case <-time.After(5 * time.Minute):
		e.Server.Stop()
		return fail(fmt.Errorf("server took too long to become ready"))
	case s := <-sig:
		fmt.Fprintf(os.Stderr, "etcd: received %s before ready, stopping\n", s)
		return 1
	}

	select {
	case err := <-e.Err():
		return fail(err)
	case s := <-sig:
		fmt.Fprintf(os.Stderr, "etcd: received %s, shutting down\n", s)
		return 0
	}
}

func parseURLs(s string) ([]url.URL, error) {
	var out []url.URL
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		u, err := url.Parse(p)
		if err != nil {
			return nil, fmt.Errorf("invalid URL %q: %w", p, err)
		}
		out = append(out, *u)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no URLs in %q", s)
	}
	return out, nil
}

func fail(err error) int {
	fmt.Fprintf(os.Stderr, "etcd: %v\n", err)
	return 1
}
