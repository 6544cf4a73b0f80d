// Package webserve serves the browser build: a static folder with the
// content types browsers need (application/wasm for streaming compilation)
// and the folder's pre-compressed .gz copies for clients that accept gzip.
// careersim serve and the browser tests share it.
package webserve

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// webTypes are the content types the browser build needs, fixed here rather
// than taken from the system's MIME tables, which vary between machines
// (application/wasm is what lets browsers compile while downloading).
var webTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".wasm":  "application/wasm",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".toml":  "text/plain; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := webTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// handler serves the files of one folder. It never lists a directory,
// never serves dot files, and cannot be led outside the folder (os.Root
// refuses paths and symlinks that escape it).
type handler struct {
	root *os.Root
}

// New returns a handler serving dir, which must hold an index.html (the
// folder `make web` builds). Requests get the file's pre-compressed .gz copy
// when there is one and the client accepts gzip.
func New(dir string) (http.Handler, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist; build it first with `make web`", dir)
		}
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return nil, fmt.Errorf("%s has no index.html; build it with `make web`", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &handler{root: root}, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, st, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()

	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("X-Content-Type-Options", "nosniff")
	// Names are not content-hashed, so browsers must revalidate; unchanged
	// files still cost only a 304.
	hdr.Set("Cache-Control", "no-cache")

	if !strings.HasSuffix(name, ".gz") {
		if gz, gzst, err := h.open(name + ".gz"); err == nil {
			defer gz.Close()
			hdr.Add("Vary", "Accept-Encoding")
			if acceptsGzip(r.Header.Get("Accept-Encoding")) {
				hdr.Set("Content-Encoding", "gzip")
				// ServeContent leaves Content-Length out of encoded
				// responses (it cannot know the size of an encoding made on
				// the fly); this one is a file, so send its size, and the
				// whole file: a range of compressed bytes helps no browser.
				hdr.Set("Content-Length", strconv.FormatInt(gzst.Size(), 10))
				r.Header.Del("Range")
				// The compressed copy's own time, so a rebuilt .gz is never
				// mistaken for the cached one.
				http.ServeContent(w, r, name, gzst.ModTime(), gz)
				return
			}
		}
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// open opens a regular file inside the root.
func (h *handler) open(name string) (*os.File, os.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, st, nil
}

// cleanName maps a URL path to a file name inside the folder: "/" is
// index.html, folders are refused, and so is any dot file or "..".
func cleanName(urlPath string) (string, bool) {
	if urlPath == "" || urlPath == "/" {
		return "index.html", true
	}
	if strings.HasSuffix(urlPath, "/") || strings.Contains(urlPath, "\\") || strings.ContainsRune(urlPath, 0) {
		return "", false
	}
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		return "index.html", true
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	return name, true
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: listed
// (or "*") without q=0.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if coding == "gzip" {
			return q > 0
		}
		star = q > 0
	}
	return star
}
