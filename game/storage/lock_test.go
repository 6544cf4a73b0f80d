//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestLockExcludesAndStamps(t *testing.T) {
	d, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(d, "history.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	// A second holder (another open file, as another process has) waits,
	// then gives up with ErrBusy.
	if _, err := d.lock("history.jsonl", 30*time.Millisecond); !errors.Is(err, ErrBusy) {
		t.Fatalf("second lock = %v, want ErrBusy", err)
	}
	unlock()
	unlock2, err := d.lock("history.jsonl", 30*time.Millisecond)
	if err != nil {
		t.Fatalf("lock after unlock = %v", err)
	}
	unlock2()
	if _, err := Lock(d, "../x"); err == nil {
		t.Error("Lock accepted a path")
	}
	if unlock, err := Lock(NewMemory(), "history.jsonl"); err != nil {
		t.Errorf("memory Lock = %v", err)
	} else {
		unlock()
	}

	if _, ok := Stamp(d, "doc"); ok {
		t.Error("a missing document has a stamp")
	}
	_ = d.Write("doc", []byte("a"))
	s1, ok := Stamp(d, "doc")
	_ = d.Append("doc", []byte("b"))
	s2, _ := Stamp(d, "doc")
	_ = d.Write("doc", []byte("cd"))
	s3, _ := Stamp(d, "doc")
	if !ok || s1 == s2 || s2 == s3 {
		t.Errorf("stamps do not change with the document: %q %q %q", s1, s2, s3)
	}
	if _, ok := Stamp(NewMemory(), "doc"); ok {
		t.Error("memory claims stamps")
	}
}

// TestLockOnReadOnlyFolder: a lock file that cannot be created is
// ErrUnavailable (the caller may read without writing), not a hang.
func TestLockOnReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	d := &Dir{path: filepath.Join(dir, "missing")} // no folder: nothing can be created
	if _, err := Lock(d, "history.jsonl"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Lock in a folder that cannot hold files = %v, want ErrUnavailable", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("Lock created the folder")
	}
}
