package webtest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// The files the browser build reads beside the wasm (art, sound, fonts,
// scenarios): the page fetches all of them before the game starts, counts
// them in its progress, and says which one failed when one does.

func TestFilesBesideTheWasm(t *testing.T) {
	setup(t)
	tb := newTab(t, 800, 600)
	tb.open("/")
	tb.firstFrame()
	var got struct {
		Listed, Fetched, Listed2 int
		Bytes, Want              float64
		Missing                  []string
	}
	tb.eval(`(() => {
		const list = JSON.parse(document.getElementById("files").textContent);
		const rl = window.runwayLadder;
		return {
			Listed: list.length,
			Fetched: Object.keys(rl.files).length,
			Bytes: rl.fileBytes,
			Want: list.reduce((n, f) => n + f.size, 0),
			Missing: list.filter(f => !(rl.files[f.path] instanceof Uint8Array) || rl.files[f.path].byteLength !== f.size).map(f => f.path),
		};
	})()`, &got)
	if got.Listed < 30 {
		t.Fatalf("index.html lists %d files; make web did not fill in the list", got.Listed)
	}
	if got.Fetched != got.Listed || len(got.Missing) > 0 || got.Bytes != got.Want {
		t.Errorf("fetched %d of %d files, %v of %v bytes; wrong or missing: %v", got.Fetched, got.Listed, got.Bytes, got.Want, got.Missing)
	}
	for _, kind := range []string{"assets/fonts/", "assets/art/", "assets/sound/", "scenarios/"} {
		var n int
		tb.eval(`Object.keys(runwayLadder.files).filter(p => p.startsWith("`+kind+`")).length`, &n)
		if n == 0 {
			t.Errorf("no file under %s was fetched", kind)
		}
	}
}

func TestMissingFileBesideTheWasmIsNamed(t *testing.T) {
	setup(t)
	base := serveWith(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/Go-Bold.ttf") {
				http.NotFound(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	tb := newTab(t, 800, 600)
	tb.open(base + "/")
	tb.waitFor(`window.runwayLadder && runwayLadder.phase === "failed"`, 30*time.Second)
	var text string
	tb.eval(`document.getElementById("problem-title").textContent + ": " + document.getElementById("problem-text").textContent`, &text)
	if !strings.Contains(text, "Loading failed") || !strings.Contains(text, "404") || !strings.Contains(text, "assets/fonts/Go-Bold.ttf") {
		t.Errorf("message %q, want a loading failure naming assets/fonts/Go-Bold.ttf and the 404", text)
	}
}
