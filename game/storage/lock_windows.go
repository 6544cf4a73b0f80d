//go:build windows

package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows"
)

// lock implements Lock with LockFileEx on name.lock.
func (d *Dir) lock(name string, wait time.Duration) (func(), error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(d.path, name+".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("storage: lock %s: %w: %v", name, ErrUnavailable, err)
	}
	h := windows.Handle(f.Fd())
	deadline := time.Now().Add(wait)
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		ol := new(windows.Overlapped)
		err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
		if err == nil {
			break
		}
		if !errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			f.Close()
			return nil, fmt.Errorf("storage: lock %s: %w: %v", name, ErrUnavailable, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("storage: %s is %w (waited %v)", name, ErrBusy, wait)
		}
		time.Sleep(pause)
	}
	return func() {
		_ = windows.UnlockFileEx(h, 0, 1, 0, new(windows.Overlapped))
		f.Close()
	}, nil
}

// stamp implements Stamp: size and modification time (a rename over the
// file changes the latter).
func (d *Dir) stamp(name string) (string, bool) {
	if checkName(name) != nil {
		return "", false
	}
	info, err := os.Stat(filepath.Join(d.path, name))
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano()), true
}
