//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
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

// TestOnlyRegularFilesAreRead puts a FIFO, a symlink to /dev/zero and a
// folder where files are expected: every reader refuses them at once,
// without hanging or reading without end.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, 2000), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _ := NewDir(dir)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, name := range []string{"fifo.toml", "zero.toml", "folder.toml"} {
			if _, err := ReadFile(filepath.Join(dir, name), 1000); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(%s) = %v, want ErrNotRegular", name, err)
			}
			if _, err := ReadFSFile(os.DirFS(dir), name, 1000); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFSFile(%s) = %v, want ErrNotRegular", name, err)
			}
			if _, err := d.Read(name); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Dir.Read(%s) = %v, want ErrNotRegular", name, err)
			}
			if _, err := ReadAtMost(d, name, 1000); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadAtMost(%s) = %v, want ErrNotRegular", name, err)
			}
		}
		if _, err := ReadFile(big, 1000); !errors.Is(err, ErrTooLarge) {
			t.Errorf("ReadFile(big) = %v, want ErrTooLarge", err)
		}
		if _, err := ReadFSFile(os.DirFS(dir), "big.toml", 1000); !errors.Is(err, ErrTooLarge) {
			t.Errorf("ReadFSFile(big) = %v, want ErrTooLarge", err)
		}
		if b, err := ReadFile(good, 1000); err != nil || string(b) != "ok" {
			t.Errorf("ReadFile(good) = %q, %v", b, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("a reader hung on a special file")
	}
}

// TestLockFileThatIsAFIFO: a FIFO in the lock file's place makes the lock
// unavailable at once (the caller reads without writing), not a hang.
func TestLockFileThatIsAFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "history.jsonl.lock"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	d, _ := NewDir(dir)
	done := make(chan error, 1)
	go func() { _, err := Lock(d, "history.jsonl"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("Lock over a FIFO = %v, want ErrUnavailable", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Lock hung on a FIFO")
	}
}
