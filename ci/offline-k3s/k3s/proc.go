package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// out serialises every line written to the container log.
var outMu sync.Mutex

func logLine(prefix, line string) {
	outMu.Lock()
	defer outMu.Unlock()
	fmt.Fprintf(os.Stdout, "[%s] %s\n", prefix, line)
}

func logf(format string, a ...any) { logLine("k3s", fmt.Sprintf(format, a...)) }

// pipeLines copies r to the log, each line prefixed with the component's name.
func pipeLines(prefix string, r io.Reader, done *sync.WaitGroup) {
	defer done.Done()
	br := bufio.NewReaderSize(r, 64*1024)
	for {
		line, err := br.ReadString('\n')
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			logLine(prefix, line)
		}
		if err != nil {
			return
		}
	}
}

// component is one supervised child process.
type component struct {
	name string
	bin  string
	args []string

	mu       sync.Mutex
	cmd      *exec.Cmd
	exited   chan struct{} // closed when the current run has ended
	restarts []time.Time
}

// supervisor runs components, restarts the ones that exit, and gives up (fatal) when
// one keeps dying.
type supervisor struct {
	mu       sync.Mutex
	comps    []*component
	stopping bool
	fatal    chan error
}

const (
	maxRestarts   = 5
	restartWindow = 3 * time.Minute
)

func newSupervisor() *supervisor { return &supervisor{fatal: make(chan error, 16)} }

func (s *supervisor) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// start launches a component and keeps it running.
func (s *supervisor) start(name, bin string, args ...string) *component {
	c := &component{name: name, bin: bin, args: args}
	s.mu.Lock()
	s.comps = append(s.comps, c)
	s.mu.Unlock()
	logf("starting %s: %s %s", name, bin, strings.Join(args, " "))
	go s.keep(c)
	return c
}

func (s *supervisor) keep(c *component) {
	backoff := time.Second
	for {
		err := c.run()
		if s.isStopping() {
			return
		}
		now := time.Now()
		c.restarts = append(c.restarts, now)
		recent := c.restarts[:0]
		for _, t := range c.restarts {
			if now.Sub(t) < restartWindow {
				recent = append(recent, t)
			}
		}
		c.restarts = recent
		if len(recent) > maxRestarts {
			s.fatal <- fmt.Errorf("%s exited %d times within %s (last: %v); giving up", c.name, len(recent), restartWindow, err)
			return
		}
		logf("%s exited (%v); restarting in %s (%d/%d)", c.name, err, backoff, len(recent), maxRestarts)
		time.Sleep(backoff)
		if s.isStopping() {
			return
		}
		if backoff < 8*time.Second {
			backoff *= 2
		}
	}
}

func (c *component) run() error {
	cmd := exec.Command(c.bin, c.args...)
	cmd.Env = os.Environ()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(2)
	exited := make(chan struct{})
	c.mu.Lock()
	if err := cmd.Start(); err != nil {
		c.mu.Unlock()
		close(exited)
		return err
	}
	c.cmd, c.exited = cmd, exited
	c.mu.Unlock()
	go pipeLines(c.name, stdout, &wg)
	go pipeLines(c.name, stderr, &wg)
	wg.Wait()
	err = cmd.Wait()
	close(exited)
	if err == nil {
		err = fmt.Errorf("exit status 0")
	}
	return err
}

func (c *component) signal(sig syscall.Signal) (chan struct{}, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmd == nil || c.cmd.Process == nil {
		return nil, false
	}
	select {
	case <-c.exited:
		return nil, false
	default:
	}
	_ = syscall.Kill(-c.cmd.Process.Pid, sig) // its process group
	return c.exited, true
}

// stopAll stops the components in two tiers: first everything that uses the API and the
// runtime (kubelet, kube-proxy, the control plane), then etcd and containerd, so the
// apiserver does not hang on a vanished etcd. Each tier gets SIGTERM and part of grace;
// whatever is left at the end gets SIGKILL.
func (s *supervisor) stopAll(grace time.Duration) {
	s.mu.Lock()
	s.stopping = true
	comps := append([]*component(nil), s.comps...)
	s.mu.Unlock()
	var first, last []*component
	for i := len(comps) - 1; i >= 0; i-- {
		if comps[i].name == "etcd" || comps[i].name == "containerd" {
			last = append(last, comps[i])
		} else {
			first = append(first, comps[i])
		}
	}
	end := time.Now().Add(grace)
	s.terminate(first, time.Now().Add(grace*6/10))
	s.terminate(last, end)
	for _, c := range comps {
		if ch, ok := c.signal(syscall.SIGKILL); ok {
			logf("%s did not stop within %s; killed", c.name, grace)
			select {
			case <-ch:
			case <-time.After(500 * time.Millisecond):
			}
		}
	}
}

// terminate sends SIGTERM to comps and waits for them until deadline.
func (s *supervisor) terminate(comps []*component, deadline time.Time) {
	var waits []chan struct{}
	for _, c := range comps {
		if ch, ok := c.signal(syscall.SIGTERM); ok {
			waits = append(waits, ch)
		}
	}
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	for _, ch := range waits {
		select {
		case <-ch:
		case <-timer.C:
			return
		}
	}
}

// runQuiet runs a helper command, returning its combined output on failure.
func runQuiet(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// shutdown gives server and agent the same way out: children stopped (3 s grace), the node's
// cgroup root removed, the time it took logged, and the exit code passed on.
func shutdown(sup *supervisor, cgroupRoot string) func(code int) int {
	return func(code int) int {
		t := time.Now()
		sup.stopAll(3 * time.Second)
		cleanupCgroupRoot(cgroupRoot)
		logf("stopped in %.1fs", time.Since(t).Seconds())
		return code
	}
}
