package webtest

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The page around the canvas: loading progress, messages when the browser
// cannot run the game, and the canvas following the window.

// slowWasm sends the wasm uncompressed at about 6 MB/s, so the loading
// screen stays up long enough to be seen, measured and photographed.
func slowWasm(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".wasm") {
			next.ServeHTTP(w, r)
			return
		}
		r.Header.Del("Accept-Encoding")
		next.ServeHTTP(&throttled{ResponseWriter: w, rate: 6 << 20}, r)
	})
}

// throttled paces writes to rate bytes a second. Embedding only the
// ResponseWriter interface hides ReadFrom, so every byte goes through Write.
type throttled struct {
	http.ResponseWriter
	rate float64
}

func (t *throttled) Write(b []byte) (int, error) {
	n, err := t.ResponseWriter.Write(b)
	t.ResponseWriter.(http.Flusher).Flush()
	time.Sleep(time.Duration(float64(n) / t.rate * float64(time.Second)))
	return n, err
}

// TestLoadingScreen watches the progress bar move while the wasm streams in
// and photographs the loading screen at both sizes.
func TestLoadingScreen(t *testing.T) {
	base := serveWith(t, slowWasm)
	for _, size := range [][2]int{{1280, 720}, {800, 600}} {
		name := strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1])
		t.Run(name, func(t *testing.T) {
			tb := newTab(t, size[0], size[1])
			tb.open(base + "/")
			tb.waitFor(`+document.getElementById("bar").getAttribute("aria-valuenow") >= 30`, 30*time.Second)
			var mid struct {
				Pct    string `json:"pct"`
				Status string `json:"status"`
			}
			tb.eval(`({pct: document.getElementById("bar").getAttribute("aria-valuenow"), status: document.getElementById("status").textContent})`, &mid)
			if p, _ := strconv.Atoi(mid.Pct); p >= 100 {
				t.Errorf("progress already %s%% when first read; the download was not streamed", mid.Pct)
			}
			if !strings.Contains(mid.Status, " of ") || !strings.Contains(mid.Status, "MB") {
				t.Errorf("status %q, want \"Downloading the game… X of Y MB\"", mid.Status)
			}
			tb.shot("loading-" + name)
			tb.firstFrame()
			var gone bool
			tb.waitFor(`document.getElementById("loading").hidden`, 5*time.Second)
			tb.eval(`document.getElementById("bar").getAttribute("aria-valuenow") === "100"`, &gone)
			if !gone {
				t.Errorf("progress did not reach 100%% by the first frame")
			}
		})
	}
}

// TestCanvasFillsWindow checks the canvas covers the viewport and follows a
// resize.
func TestCanvasFillsWindow(t *testing.T) {
	tb := newTab(t, 1280, 720)
	tb.open("/")
	tb.firstFrame()
	check := func(w, h int) {
		t.Helper()
		var got struct{ W, H, BW, BH, SW, SH float64 }
		tb.eval(`(() => { const c = document.querySelector("canvas"), r = c.getBoundingClientRect();
			return {W: r.width, H: r.height, BW: c.width, BH: c.height, SW: document.documentElement.scrollWidth, SH: document.documentElement.scrollHeight}; })()`, &got)
		if got.W != float64(w) || got.H != float64(h) {
			t.Errorf("canvas is %vx%v CSS px, want %dx%d", got.W, got.H, w, h)
		}
		if got.BW < float64(w) || got.BH < float64(h) {
			t.Errorf("canvas backing store %vx%v, want at least %dx%d", got.BW, got.BH, w, h)
		}
		if got.SW > float64(w) || got.SH > float64(h) {
			t.Errorf("page scrolls: %vx%v in a %dx%d window", got.SW, got.SH, w, h)
		}
	}
	check(1280, 720)
	tb.resize(800, 600)
	tb.settle()
	tb.settle()
	check(800, 600)
}

// TestMessages breaks the browser or the download in each way the page
// explains, and checks the explanation is on screen instead of a blank page.
func TestMessages(t *testing.T) {
	notFound := serveWith(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				http.NotFound(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	truncated := serveWith(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				w.Header().Set("Content-Type", "application/wasm")
				w.Write([]byte("\x00asm\x01\x00\x00\x00\x01\x05")) // a header, then nothing
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	tests := []struct {
		name, url, before string
		wantTitle         string
		wantText          string
	}{
		{"no-webassembly", "/", `delete window.WebAssembly;`, "WebAssembly is not available", "cannot run WebAssembly"},
		{"no-webgl", "/", `{ const get = HTMLCanvasElement.prototype.getContext;
			HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/.test(kind) ? null : get.call(this, kind, ...rest); }; }`,
			"WebGL 2 is not available", "WebGL 2"},
		{"not-found", notFound + "/", "", "Loading failed", "404"},
		{"damaged", truncated + "/", "", "Loading failed", "could not be started"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, 800, 600)
			if tt.before != "" {
				tb.beforeLoad(tt.before)
			}
			tb.open(tt.url)
			tb.waitFor(`window.runwayLadder && runwayLadder.phase === "failed"`, 30*time.Second)
			var got struct {
				Title, Text string
				Visible     bool
			}
			tb.eval(`({Title: document.getElementById("problem-title").textContent,
				Text: document.getElementById("problem-text").textContent + " " + document.getElementById("problem-hint").textContent,
				Visible: document.getElementById("problem").offsetHeight > 0 && !document.getElementById("loading").hidden})`, &got)
			if got.Title != tt.wantTitle || !strings.Contains(got.Text, tt.wantText) || !got.Visible {
				t.Errorf("message %+v, want a visible %q mentioning %q", got, tt.wantTitle, tt.wantText)
			}
			if tt.name == "no-webgl" {
				tb.shot("message-no-webgl")
			}
		})
	}
}
