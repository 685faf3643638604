package main

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestExitsZeroOnSignal runs the built test binary as the pause process.
func TestExitsZeroOnSignal(t *testing.T) {
	if os.Getenv("PAUSE_CHILD") == "1" {
		main()
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		cmd := exec.Command(os.Args[0], "-test.run=TestExitsZeroOnSignal")
		cmd.Env = append(os.Environ(), "PAUSE_CHILD=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%v: exit %v, want 0", sig, err)
			}
		case <-time.After(2 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: still running after 2s", sig)
		}
	}
}
