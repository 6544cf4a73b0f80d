package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ErrTooLarge is returned by the bounded readers for data over their limit.
var ErrTooLarge = errors.New("too large")

// ErrNotRegular is returned for a name that is not a regular file (a
// folder, a device such as /dev/zero behind a symlink, a FIFO, a socket):
// reading those could hang or never end.
var ErrNotRegular = errors.New("not a regular file")

// ReadLimited reads r to its end, refusing (ErrTooLarge) data over limit
// bytes without reading more than limit+1 of them. It is the one bounded
// reader: files, folders of scenarios, dropped files, stdin.
func ReadLimited(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

// ReadFSFile reads a regular file of at most limit bytes from fsys: its
// size and kind are checked before it is opened (a FIFO would block the
// opening), and the read is bounded whatever the size said.
func ReadFSFile(fsys fs.FS, name string, limit int) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %w (%s)", name, ErrNotRegular, kind(info.Mode()))
	}
	if info.Size() > int64(limit) {
		return nil, fmt.Errorf("%w: %d bytes; the limit is %d", ErrTooLarge, info.Size(), limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f, limit)
}

// ReadFile reads a regular file of at most limit bytes from the disk. On
// unix it is opened without blocking and checked on the open file, so a
// FIFO cannot hang it and a file swapped after a check is still checked.
func ReadFile(path string, limit int) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > int64(limit) {
		return nil, fmt.Errorf("%w: %d bytes; the limit is %d", ErrTooLarge, info.Size(), limit)
	}
	return ReadLimited(f, limit)
}

// kind names a file mode for messages.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}
