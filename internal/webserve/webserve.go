// Package webserve serves the browser build: a static folder with the
// content types browsers need (application/wasm for streaming compilation)
// and the folder's pre-compressed .gz copies for clients that accept gzip.
// careersim serve and the browser tests share it.
package webserve

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"runwayladder/game/storage"
)

// Timeouts of NewServer. Reading a request is quick; writing the wasm (a
// few MB) may take minutes on a slow link; an idle keep-alive connection
// is closed after a while, so idle clients cannot hold sockets forever.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 5 * time.Minute
	IdleTimeout       = 30 * time.Second
	maxHeaderBytes    = 16 << 10
)

// NewServer returns an HTTP server for h with the timeouts above.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: ReadHeaderTimeout, ReadTimeout: ReadTimeout,
		WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout, MaxHeaderBytes: maxHeaderBytes}
}

// csp is the Content-Security-Policy of every response, with %s for the
// hashes of the page's inline scripts. It allows what the game needs and
// nothing else: scripts and styles from the folder, WebAssembly
// compilation ('wasm-unsafe-eval', not 'unsafe-eval'), the audio
// worklet Ebitengine loads from a blob: URL, images made by the game
// (data:, blob:), the page's inline <style> and style attributes; no
// plugins, frames, form posts, or <base> tricks.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:%s; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
	"worker-src 'self' blob:; media-src 'self' blob:; font-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// inlineScript finds the body of a <script> without a src attribute.
var inlineScript = regexp.MustCompile(`(?is)<script(\s[^>]*)?>(.*?)</script\s*>`)

// ContentSecurityPolicy returns the policy for an HTML page of the game:
// the one above, with the page's inline scripts allowed by their hashes.
// A server that serves the game's page itself (the workshop's /play/)
// sends it too.
func ContentSecurityPolicy(page []byte) string {
	var hashes strings.Builder
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		if bytes.Contains(bytes.ToLower(m[1]), []byte("src=")) {
			continue
		}
		sum := sha256.Sum256(m[2])
		hashes.WriteString(" 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'")
	}
	return fmt.Sprintf(csp, hashes.String())
}

// maxPage bounds the HTML page read to hash its scripts.
const maxPage = 1 << 20

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
	hdr.Set("Referrer-Policy", "no-referrer")
	if strings.HasSuffix(name, ".html") {
		page, err := storage.ReadLimited(f, maxPage)
		if err != nil {
			http.Error(w, "cannot read "+name+": "+err.Error(), http.StatusInternalServerError)
			return
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		hdr.Set("Content-Security-Policy", ContentSecurityPolicy(page))
	} else {
		hdr.Set("Content-Security-Policy", fmt.Sprintf(csp, ""))
	}
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

// open opens a regular file inside the root. Its kind is checked before
// it is opened too: opening a FIFO would block the request for good.
func (h *handler) open(name string) (*os.File, os.FileInfo, error) {
	if st, err := h.root.Stat(name); err != nil || !st.Mode().IsRegular() {
		return nil, nil, fs.ErrNotExist
	}
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
