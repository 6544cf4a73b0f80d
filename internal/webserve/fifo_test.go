//go:build unix

package webserve

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesAreNotServed: a FIFO in the folder is not found, at
// once (opening it would block the request until someone writes to it).
func TestSpecialFilesAreNotServed(t *testing.T) {
	dir := webDir(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.js"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	done := make(chan int, 1)
	go func() {
		resp, _ := get(t, srv, "/pipe.js", "")
		done <- resp.StatusCode
	}()
	select {
	case code := <-done:
		if code != http.StatusNotFound {
			t.Errorf("a FIFO answered %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the request for a FIFO hung")
	}
}
