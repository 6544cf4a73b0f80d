//go:build !unix

package storage

import (
	"fmt"
	"os"
)

// openRegular opens path for reading and refuses anything but a regular
// file (there are no FIFOs to block the open on these systems).
func openRegular(path string) (*os.File, error) {
	f, err := os.Open(path)
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
	return f, nil
}
