//go:build !js

package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Dir is a Store of files in one folder.
type Dir struct {
	path string
}

// NewDir returns a store in path, creating the folder if needed.
func NewDir(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("storage: %w: %v", ErrUnavailable, err)
	}
	return &Dir{path: path}, nil
}

// UserDir returns the store in the user's config folder
// (~/.config/runwayladder on Linux).
func UserDir() (*Dir, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("storage: %w: %v", ErrUnavailable, err)
	}
	return NewDir(filepath.Join(base, "runwayladder"))
}

// Path returns the folder's path.
func (d *Dir) Path() string { return d.path }

// Where implements Store.
func (d *Dir) Where() string { return d.path }

// Read implements Store. Only a regular file is read: a FIFO or a device
// put in the folder's place is an error, not a hang.
func (d *Dir) Read(name string) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	f, err := openRegular(filepath.Join(d.path, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("storage: %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// readAtMost reads at most limit+1 bytes of a document (see ReadAtMost).
func (d *Dir) readAtMost(name string, limit int) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	f, err := openRegular(filepath.Join(d.path, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("storage: %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)+1))
}

// Write implements Store: write a temporary file, fsync it, rename it over
// the old one, fsync the folder.
func (d *Dir) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	f, err := os.CreateTemp(d.path, "."+name+".tmp-*")
	if err != nil {
		return fmt.Errorf("storage: write %s: %w", name, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: write %s: %w", name, err)
	}
	if err := os.Rename(tmp, filepath.Join(d.path, name)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: write %s: %w", name, err)
	}
	d.syncDir()
	return nil
}

// Append implements Store: one write call then fsync, so a crash loses at
// most the record being written (readers skip a torn last line).
func (d *Dir) Append(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(d.path, name), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("storage: append %s: %w", name, err)
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		return fmt.Errorf("storage: append %s: %w", name, err)
	}
	return nil
}

// Remove implements Store.
func (d *Dir) Remove(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	err := os.Remove(filepath.Join(d.path, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// SetAside implements Store.
func (d *Dir) SetAside(name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	aside := asideName(name, func(n string) bool {
		_, err := os.Stat(filepath.Join(d.path, n))
		return err == nil
	})
	if err := os.Rename(filepath.Join(d.path, name), filepath.Join(d.path, aside)); err != nil {
		return "", fmt.Errorf("storage: set aside %s: %w", name, err)
	}
	d.syncDir()
	return aside, nil
}

func (d *Dir) syncDir() {
	if f, err := os.Open(d.path); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
