package webserve

import (
	"strings"
	"testing"
)

// FuzzCleanName: whatever path a request names, the file served is inside
// the folder: no "..", no absolute path, no dot file, no backslash or NUL.
func FuzzCleanName(f *testing.F) {
	for _, p := range []string{"/", "/index.html", "/../secret", "/a/../../b", "/.git/config", "/a\\..\\b", "/x\x00y", "//etc/passwd", "/sub/./deep.txt"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, urlPath string) {
		name, ok := cleanName(urlPath)
		if !ok {
			return
		}
		if name == "" || strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00") {
			t.Fatalf("cleanName(%q) = %q", urlPath, name)
		}
		for _, part := range strings.Split(name, "/") {
			if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
				t.Fatalf("cleanName(%q) = %q, with the part %q", urlPath, name, part)
			}
		}
	})
}

// FuzzAcceptsGzip: any Accept-Encoding header is read without a panic, and
// one that names no gzip nor * never gets gzip.
func FuzzAcceptsGzip(f *testing.F) {
	for _, h := range []string{"", "gzip", "gzip;q=0", "*, gzip;q=0", "br, deflate", "GZIP;Q=0.5", ";;;,,=", "gzip;q=nan"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := acceptsGzip(header)
		lower := strings.ToLower(header)
		if got && !strings.Contains(lower, "gzip") && !strings.Contains(lower, "*") {
			t.Fatalf("acceptsGzip(%q) = true", header)
		}
	})
}
