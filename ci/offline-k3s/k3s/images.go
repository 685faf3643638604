package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

const imagesDir = "/var/lib/rancher/k3s/agent/images"

type fileStamp struct {
	size  int64
	mtime time.Time
}

// imageImporter imports image tarballs dropped into imagesDir into containerd's k8s.io
// namespace, as k3s does at start; it then polls the directory for new or changed files.
type imageImporter struct {
	done    map[string]fileStamp // attempted (imported or failed) at this stamp
	pending map[string]fileStamp // seen once; imported when unchanged on the next poll
}

func newImageImporter() *imageImporter {
	return &imageImporter{done: map[string]fileStamp{}, pending: map[string]fileStamp{}}
}

func importable(name string) bool {
	return strings.HasSuffix(name, ".tar") || strings.HasSuffix(name, ".tar.gz") || strings.HasSuffix(name, ".tgz")
}

func (im *imageImporter) scan(immediate bool) {
	entries, err := os.ReadDir(imagesDir)
	if err != nil {
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if e.IsDir() || !importable(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		path := filepath.Join(imagesDir, e.Name())
		st := fileStamp{info.Size(), info.ModTime()}
		if d, ok := im.done[path]; ok && d == st {
			continue
		}
		// A file still being copied in changes between polls: wait until it is stable.
		if p, ok := im.pending[path]; !immediate && (!ok || p != st) {
			im.pending[path] = st
			continue
		}
		delete(im.pending, path)
		im.done[path] = st
		start := time.Now()
		if err := importImage(path); err != nil {
			logf("image import %s failed: %v", e.Name(), err)
			continue
		}
		logf("imported images from %s in %.1fs", e.Name(), time.Since(start).Seconds())
	}
}

// start imports what is there now in the background, then keeps watching the directory;
// the returned channel closes once the first import is done.
func (im *imageImporter) start(ctx context.Context) <-chan struct{} {
	imported := make(chan struct{})
	go func() {
		start := time.Now()
		im.scan(true)
		logf("image tarballs in %s imported after %.1fs", imagesDir, time.Since(start).Seconds())
		close(imported)
		im.watch(ctx)
	}()
	return imported
}

func (im *imageImporter) watch(ctx context.Context) {
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			im.scan(false)
		}
	}
}

func importImage(path string) error {
	cmd := exec.Command("/usr/bin/ctr", "-n", "k8s.io", "images", "import", "-")
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if !strings.HasSuffix(path, ".tar") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		r = gz
	}
	cmd.Stdin = r
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
