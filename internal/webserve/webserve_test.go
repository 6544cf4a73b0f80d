package webserve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// webDir builds a small dist-like folder: plain files, gzip copies of some,
// a subfolder, a dot file, and a secret next to (outside) the folder.
func webDir(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "dist")
	files := map[string]string{
		"index.html":        "<!doctype html><title>x</title>",
		"runwayladder.wasm": "\x00asm\x01\x00\x00\x00 raw",
		"wasm_exec.js":      "// go",
		"favicon.svg":       "<svg/>",
		"icon-180.png":      "\x89PNG",
		"sub/deep.txt":      "deep",
		".hidden":           "hidden",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"index.html", "runwayladder.wasm", "wasm_exec.js"} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(files[name]))
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	// A bare transport: the default one would ask for gzip itself and
	// decompress silently, hiding what the server sent.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("body is not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestTypesAndCompression(t *testing.T) {
	h, err := New(webDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	tests := []struct {
		path, accept string
		wantType     string
		wantGzip     bool
		wantVary     bool
		wantBody     string
	}{
		{"/", "", "text/html; charset=utf-8", false, true, "<!doctype html><title>x</title>"},
		{"/", "gzip, deflate, br", "text/html; charset=utf-8", true, true, "<!doctype html><title>x</title>"},
		{"/index.html", "gzip", "text/html; charset=utf-8", true, true, "<!doctype html><title>x</title>"},
		{"/runwayladder.wasm", "gzip", "application/wasm", true, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm", "", "application/wasm", false, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm", "br", "application/wasm", false, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm", "gzip;q=0", "application/wasm", false, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm", "*", "application/wasm", true, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm", "*, gzip;q=0", "application/wasm", false, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/runwayladder.wasm?v=abc", "GZIP;q=0.5", "application/wasm", true, true, "\x00asm\x01\x00\x00\x00 raw"},
		{"/wasm_exec.js", "gzip", "text/javascript; charset=utf-8", true, true, "// go"},
		{"/favicon.svg", "gzip", "image/svg+xml", false, false, "<svg/>"},
		{"/icon-180.png", "gzip", "image/png", false, false, "\x89PNG"},
		{"/sub/deep.txt", "", "text/plain; charset=utf-8", false, false, "deep"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, tt.accept)
		name := tt.path + " Accept-Encoding:" + tt.accept
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d, want 200", name, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("%s: Content-Type %q, want %q", name, got, tt.wantType)
		}
		gotGzip := resp.Header.Get("Content-Encoding") == "gzip"
		if gotGzip != tt.wantGzip {
			t.Errorf("%s: gzip %v, want %v", name, gotGzip, tt.wantGzip)
		}
		if got := resp.Header.Get("Vary") == "Accept-Encoding"; got != tt.wantVary {
			t.Errorf("%s: Vary %q, want Accept-Encoding: %v", name, resp.Header.Get("Vary"), tt.wantVary)
		}
		if cl := resp.Header.Get("Content-Length"); cl != strconv.Itoa(len(body)) {
			t.Errorf("%s: Content-Length %q for a body of %d bytes", name, cl, len(body))
		}
		got := string(body)
		if gotGzip {
			got = gunzip(t, body)
		}
		if got != tt.wantBody {
			t.Errorf("%s: body %q, want %q", name, got, tt.wantBody)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no X-Content-Type-Options: nosniff", name)
		}
	}
}

func TestRefuses(t *testing.T) {
	dir := webDir(t)
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	for _, p := range []string{
		"/sub/",                     // no directory listings
		"/sub",                      // a folder without a slash
		"/nope.html",                // missing
		"/.hidden",                  // dot files
		"/%2e%2e/secret.txt",        // escaping the folder, encoded
		"/sub/../../secret.txt",     // escaping by path
		"/..%2fsecret.txt",          // encoded slash
		"/link.txt",                 // a symlink pointing outside
		"/sub/..%5c..%5csecret.txt", // backslashes
	} {
		resp, body := get(t, srv, p, "")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404 (body %q)", p, resp.StatusCode, body)
		}
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "deep.txt") {
			t.Errorf("GET %s: leaked %q", p, body)
		}
	}

	req, _ := http.NewRequest("POST", srv.URL+"/", strings.NewReader("x"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", resp.StatusCode)
	}
}

func TestHeadAndRevalidation(t *testing.T) {
	h, err := New(webDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, _ := get(t, srv, "/runwayladder.wasm", "gzip")
	lm := resp.Header.Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified")
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control %q, want no-cache", got)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/runwayladder.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("If-Modified-Since", lm)
	resp2, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", resp2.StatusCode)
	}

	req, _ = http.NewRequest("HEAD", srv.URL+"/", nil)
	resp3, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp3.Body.Close()
	if resp3.StatusCode != 200 || resp3.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD /: %d %q", resp3.StatusCode, resp3.Header.Get("Content-Type"))
	}
}

// TestRangeOnGzip asks for a range of a file that has a gzip copy: with
// gzip the whole compressed file comes back; without, the range does.
func TestRangeOnGzip(t *testing.T) {
	h, err := New(webDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, tt := range []struct {
		accept     string
		wantStatus int
		wantBody   string
	}{
		{"gzip", 200, "\x00asm\x01\x00\x00\x00 raw"},
		{"", 206, "asm"},
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/runwayladder.wasm", nil)
		req.Header.Set("Range", "bytes=1-3")
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := string(body)
		if resp.Header.Get("Content-Encoding") == "gzip" {
			got = gunzip(t, body)
		}
		if resp.StatusCode != tt.wantStatus || got != tt.wantBody {
			t.Errorf("Range with Accept-Encoding %q: %d %q, want %d %q", tt.accept, resp.StatusCode, got, tt.wantStatus, tt.wantBody)
		}
	}
}

func TestMissingFolder(t *testing.T) {
	for _, dir := range []string{filepath.Join(t.TempDir(), "nope"), t.TempDir()} {
		if _, err := New(dir); err == nil || !strings.Contains(err.Error(), "make web") {
			t.Errorf("New(%s) = %v, want an error that says to run make web", dir, err)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"deflate, gzip;q=1.0, *;q=0.5", true},
		{"br", false},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"*", true},
		{"*;q=0", false},
		{"identity", false},
		{"x-gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsGzip(tt.header); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

// TestContentSecurityPolicy: every response carries a policy that allows
// the page's own inline script by its hash and WebAssembly compilation,
// but neither eval nor inline script in general.
func TestContentSecurityPolicy(t *testing.T) {
	dir := webDir(t)
	script := "\n\"use strict\";\nconsole.log('hi');\n"
	page := "<!doctype html><script src=\"wasm_exec.js\"></script><script>" + script + "</script>"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "index.html.gz"))
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	sum := sha256.Sum256([]byte(script))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	for _, path := range []string{"/", "/runwayladder.wasm"} {
		resp, _ := get(t, srv, path, "")
		p := resp.Header.Get("Content-Security-Policy")
		scriptSrc := ""
		for _, d := range strings.Split(p, ";") {
			if d = strings.TrimSpace(d); strings.HasPrefix(d, "script-src ") {
				scriptSrc = d
			}
		}
		if !strings.Contains(scriptSrc, "'wasm-unsafe-eval'") || strings.Contains(scriptSrc, "'unsafe-eval'") || strings.Contains(scriptSrc, "'unsafe-inline'") {
			t.Errorf("%s: script-src %q", path, scriptSrc)
		}
		if path == "/" && !strings.Contains(scriptSrc, hash) {
			t.Errorf("%s: script-src %q lacks the inline script's hash %s", path, scriptSrc, hash)
		}
		if !strings.Contains(p, "object-src 'none'") || !strings.Contains(p, "frame-ancestors 'none'") {
			t.Errorf("%s: policy %q", path, p)
		}
	}
}

// TestServerClosesIdleConnections: NewServer sets every timeout, and the
// server closes a keep-alive connection left idle and a request whose
// headers never finish.
func TestServerClosesIdleConnections(t *testing.T) {
	h, err := New(webDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(h)
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Fatalf("NewServer leaves a limit unset: %+v", srv)
	}
	// The same server with short limits, so the test need not wait 30 s.
	srv.IdleTimeout, srv.ReadHeaderTimeout = 300*time.Millisecond, 300*time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	closedWithin := func(c net.Conn, d time.Duration) bool {
		c.SetReadDeadline(time.Now().Add(d))
		_, err := io.Copy(io.Discard, c)
		return err == nil // EOF: the server closed it; a timeout is an error
	}
	idle, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	if _, err := idle.Write([]byte("GET /sub/deep.txt HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	if !closedWithin(idle, 10*time.Second) {
		t.Error("an idle keep-alive connection was not closed")
	}
	slow, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if _, err := slow.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")); err != nil {
		t.Fatal(err)
	}
	if !closedWithin(slow, 10*time.Second) {
		t.Error("a request whose headers never end kept its connection")
	}
}
