package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fakeClock returns start, then advances by step on every later call.
func fakeClock(start time.Time, step time.Duration) func() time.Time {
	t := start.Add(-step)
	return func() time.Time { t = t.Add(step); return t }
}

func get(t *testing.T, h http.Handler) (string, *http.Response) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return string(body), res
}

func TestReply(t *testing.T) {
	for _, v := range []string{"1", "2"} {
		a := newApp("pod-abc", v, io.Discard, time.Now)
		body, res := get(t, a)
		want := "Hello Kubernetes bootcamp! | Running on: pod-abc | v=" + v + "\n"
		if body != want {
			t.Errorf("v%s: body %q, want %q", v, body, want)
		}
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/plain" {
			t.Errorf("v%s: status %d, content-type %q", v, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}

func TestCounterAndLogLines(t *testing.T) {
	start := time.Date(2026, 11, 27, 9, 31, 46, 123e6, time.UTC)
	var log bytes.Buffer
	a := newApp("pod-abc", "1", &log, fakeClock(start, 1500*time.Millisecond))
	for i := 0; i < 3; i++ {
		get(t, a)
	}
	want := "" +
		"Running On: pod-abc | Total Requests: 1 | App Uptime: 1.5 seconds | Log Time: 2026-11-27T09:31:47.623Z\n" +
		"Running On: pod-abc | Total Requests: 2 | App Uptime: 3 seconds | Log Time: 2026-11-27T09:31:49.123Z\n" +
		"Running On: pod-abc | Total Requests: 3 | App Uptime: 4.5 seconds | Log Time: 2026-11-27T09:31:50.623Z\n"
	if log.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", log.String(), want)
	}
}

func TestStartLine(t *testing.T) {
	start := time.Date(2026, 11, 27, 9, 31, 46, 5e6, time.FixedZone("CET", 3600))
	a := newApp("pod-abc", "1", io.Discard, func() time.Time { return start })
	want := "Kubernetes Bootcamp App Started At: 2026-11-27T08:31:46.005Z | Running On:  pod-abc \n\n"
	if got := a.startLine(); got != want {
		t.Errorf("start line %q, want %q", got, want)
	}
}

func TestConcurrentRequestsCountEachOnce(t *testing.T) {
	var log bytes.Buffer
	a := newApp("h", "1", &log, time.Now)
	srv := httptest.NewServer(a)
	defer srv.Close()
	done := make(chan struct{})
	for i := 0; i < 20; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			if res, err := http.Get(srv.URL); err == nil {
				res.Body.Close()
			}
		}()
	}
	for i := 0; i < 20; i++ {
		<-done
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 20 || !strings.Contains(lines[19], "| Total Requests: 20 |") {
		t.Fatalf("got %d lines, last %q", len(lines), lines[len(lines)-1])
	}
	re := regexp.MustCompile(`^Running On: h \| Total Requests: \d+ \| App Uptime: [0-9.]+ seconds \| Log Time: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	for _, l := range lines {
		if !re.MatchString(l) {
			t.Errorf("bad log line %q", l)
		}
	}
}
