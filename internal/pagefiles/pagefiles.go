// Package pagefiles reads the files the browser build's loading page
// (web/index.html) fetched beside the wasm: the game's art, sound, fonts
// and bundled scenarios. They are not embedded in the wasm, so the game
// downloads in parts the page can show progress for, and the wasm stays
// small; the desktop build embeds the same files instead.
//
// The page hands them over as runwayLadder.files, an object from path
// (e.g. "assets/art/scene-lab.png") to Uint8Array. Outside the browser
// there are none.
package pagefiles

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// errNoPage is the error outside the browser, where no page fetched files.
var errNoPage = errors.New("files fetched by the page exist only in the browser build")

// source is where the files come from: the page's object in the browser,
// a map in tests.
type source interface {
	// names lists every file's path.
	names() []string
	// read returns a file's bytes.
	read(name string) ([]byte, bool)
}

// Dir returns the page's files under dir as a read-only file system. It
// does no work until a file is opened.
func Dir(dir string) fs.FS { return dirFS{dir: dir, src: page{}} }

type dirFS struct {
	dir string
	src source
}

func (d dirFS) full(name string) string {
	if name == "." {
		return d.dir
	}
	return path.Join(d.dir, name)
}

// Open opens a file or a directory (directories exist where files are
// under them).
func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := d.full(name)
	if data, ok := d.src.read(full); ok {
		return &file{info: info{name: path.Base(name), size: int64(len(data))}, r: strings.NewReader(string(data))}, nil
	}
	prefix := full + "/"
	var entries []fs.DirEntry
	seen := map[string]bool{}
	for _, n := range d.src.names() {
		rest, ok := strings.CutPrefix(n, prefix)
		if !ok || rest == "" {
			continue
		}
		child, _, sub := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		e := info{name: child, dir: sub}
		if !sub {
			data, _ := d.src.read(prefix + child)
			e.size = int64(len(data))
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		err := fs.ErrNotExist
		if _, isPage := d.src.(page); isPage && !inBrowser {
			err = errNoPage
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return &dir{info: info{name: path.Base(name), dir: true}, entries: entries}, nil
}

// info describes a file or directory; it is both fs.FileInfo and
// fs.DirEntry.
type info struct {
	name string
	size int64
	dir  bool
}

func (i info) Name() string { return i.name }
func (i info) Size() int64  { return i.size }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i info) ModTime() time.Time         { return time.Time{} }
func (i info) IsDir() bool                { return i.dir }
func (i info) Sys() any                   { return nil }
func (i info) Type() fs.FileMode          { return i.Mode().Type() }
func (i info) Info() (fs.FileInfo, error) { return i, nil }

type file struct {
	info info
	r    *strings.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *file) Close() error               { return nil }
func (f *file) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *file) ReadAt(b []byte, off int64) (int, error) { return f.r.ReadAt(b, off) }

type dir struct {
	info    info
	entries []fs.DirEntry
	pos     int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

// ReadDir returns the next n entries (all that are left when n <= 0).
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.pos:]
	if n <= 0 {
		d.pos = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.pos += n
	return rest[:n], nil
}
