//go:build unix

package storage

import (
	"fmt"
	"os"
	"syscall"
)

// openRegular opens path for reading without blocking (a FIFO with no
// writer would block a plain open forever) and refuses anything but a
// regular file, checked on the open file itself.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is %w (%s)", path, ErrNotRegular, kind(info.Mode()))
	}
	// Reads of a regular file do not block anyway; clear the flag so the
	// runtime's poller does not treat the file as a pipe.
	if err := syscall.SetNonblock(int(f.Fd()), false); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
