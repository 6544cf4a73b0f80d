//go:build unix

package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lock implements Lock with flock(2) on name.lock.
func (d *Dir) lock(name string, wait time.Duration) (func(), error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	path := filepath.Join(d.path, name+".lock")
	// Without blocking: a FIFO put in the lock file's place must not hang
	// the game; it is refused below.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		// A read-only folder may still hold the lock file; flock needs
		// no write access.
		var rerr error
		if f, rerr = os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); rerr != nil {
			return nil, fmt.Errorf("storage: lock %s: %w: %v", name, ErrUnavailable, err)
		}
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("storage: lock %s: %w: %s.lock is not a regular file", name, ErrUnavailable, name)
	}
	deadline := time.Now().Add(wait)
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
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
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// stamp implements Stamp: device, inode, size and modification time.
func (d *Dir) stamp(name string) (string, bool) {
	if checkName(name) != nil {
		return "", false
	}
	info, err := os.Stat(filepath.Join(d.path, name))
	if err != nil {
		return "", false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d:%d:%d:%d", st.Dev, st.Ino, info.Size(), info.ModTime().UnixNano()), true
}
