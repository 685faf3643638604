// Command bootcamp is a stand-in for the kubernetes-bootcamp Node.js app
// used by the Kubernetes Basics tutorial (gcr.io/google-samples/kubernetes-bootcamp).
// It answers every request with the same line as the original and logs the
// same lines to stdout, so exercises that curl it or read its logs behave alike.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// version is set at build time: -ldflags "-X main.version=2".
var version = "1"

// isoTime formats t like JavaScript's Date.prototype.toISOString.
func isoTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// app holds the state the original kept in module globals.
type app struct {
	host    string
	version string
	start   time.Time
	now     func() time.Time
	log     io.Writer

	mu       sync.Mutex
	requests int
}

func newApp(host, version string, log io.Writer, now func() time.Time) *app {
	return &app{host: host, version: version, start: now(), now: now, log: log}
}

// startLine is what the original printed once listening:
// console.log("Kubernetes Bootcamp App Started At:", startTime, "| Running On: ", host, "\n")
func (a *app) startLine() string {
	return fmt.Sprintf("Kubernetes Bootcamp App Started At: %s | Running On:  %s \n\n", isoTime(a.start), a.host)
}

// ServeHTTP counts and logs the request (as the original did, in the same
// tick), then answers it.
func (a *app) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	a.requests++
	n := a.requests
	now := a.now()
	// JavaScript prints (new Date() - startTime)/1000 as the shortest decimal.
	uptime := strconv.FormatFloat(float64(now.Sub(a.start).Milliseconds())/1000, 'f', -1, 64)
	fmt.Fprintf(a.log, "Running On: %s | Total Requests: %d | App Uptime: %s seconds | Log Time: %s\n",
		a.host, n, uptime, isoTime(now))
	a.mu.Unlock()

	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "Hello Kubernetes bootcamp! | Running on: "+a.host+" | v="+a.version+"\n")
}

func hostname() string {
	if h := os.Getenv("HOSTNAME"); h != "" {
		return h
	}
	if h, err := os.Hostname(); err == nil {
		return h
	}
	return "undefined" // what Node prints for an unset process.env.HOSTNAME
}

func run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	a := newApp(hostname(), version, os.Stdout, time.Now)
	srv := &http.Server{Handler: a, ReadHeaderTimeout: 10 * time.Second}
	io.WriteString(os.Stdout, a.startLine())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
		return nil
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	addr := ":8080"
	if p := os.Getenv("PORT"); p != "" {
		addr = ":" + p
	}
	if err := run(ctx, addr); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "bootcamp:", err)
		os.Exit(1)
	}
}
