package webtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"runwayladder/internal/webserve"
)

// site is what every test shares: the built folder, the server and one
// Chromium. It is set up by the first test that needs it.
var site struct {
	once    sync.Once
	err     error
	skip    string
	root    string // module root
	scratch string
	dist    string
	handler http.Handler // dist/, served as careersim serve does
	srv     *httptest.Server
	hits    atomic.Int64 // requests for the wasm
	browser context.Context
	stop    func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if site.stop != nil {
		site.stop()
	}
	if site.srv != nil {
		site.srv.Close()
	}
	if site.scratch != "" {
		os.RemoveAll(site.scratch)
	}
	os.Exit(code)
}

// chromiumPath is Debian's Chromium unless WEBTEST_CHROMIUM names another.
func chromiumPath() string {
	if p := os.Getenv("WEBTEST_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// setup builds and serves dist/ and starts Chromium, once per test binary.
func setup(t *testing.T) {
	t.Helper()
	site.once.Do(func() { site.err = startSite() })
	if site.skip != "" {
		t.Skip(site.skip)
	}
	if site.err != nil {
		t.Fatal(site.err)
	}
}

func startSite() error {
	if _, err := os.Stat(chromiumPath()); err != nil {
		site.skip = fmt.Sprintf("%s not found; `make web-test` installs Debian's chromium (or set WEBTEST_CHROMIUM)", chromiumPath())
		return nil
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	site.root = root
	site.scratch, err = os.MkdirTemp("", "webtest-")
	if err != nil {
		return err
	}
	site.dist = os.Getenv("WEBTEST_DIST")
	if site.dist == "" {
		site.dist = filepath.Join(site.scratch, "dist")
		start := time.Now()
		cmd := exec.Command("bash", filepath.Join(root, "scripts", "web.sh"), site.dist)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("scripts/web.sh: %v\n%s", err, out)
		}
		fmt.Printf("webtest: built the browser version in %.1fs: %s", time.Since(start).Seconds(), out)
	} else if !filepath.IsAbs(site.dist) {
		site.dist = filepath.Join(root, site.dist)
	}
	h, err := webserve.New(site.dist)
	if err != nil {
		return err
	}
	site.handler = h
	site.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			site.hits.Add(1)
		}
		h.ServeHTTP(w, r)
	}))

	tmp := filepath.Join(site.scratch, "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox, // tests run as root on the project's machines
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(site.scratch, "profile")),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("enable-unsafe-swiftshader", true), // WebGL without a GPU
		chromedp.Flag("password-store", "basic"),
		chromedp.WindowSize(1280, 720),
		// Chromium leaves empty folders in TMPDIR; keep them in scratch.
		chromedp.Env("TMPDIR="+tmp),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return fmt.Errorf("starting %s: %w", chromiumPath(), err)
	}
	site.browser = ctx
	site.stop = func() { cancel(); cancelAlloc() }
	return nil
}

// moduleRoot is the folder holding go.mod, above the test's folder.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test folder")
		}
		dir = parent
	}
}

// tab is one browser tab in its own browser context: its own localStorage,
// kept across reloads of the tab, invisible to other tests.
type tab struct {
	t      *testing.T
	ctx    context.Context
	w, h   int
	errors *errorLog
}

// newTab opens a tab with a viewport of w x h CSS pixels.
func newTab(t *testing.T, w, h int) *tab {
	t.Helper()
	setup(t)
	ctx, cancel := chromedp.NewContext(site.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, w: w, h: h, errors: &errorLog{}}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb.errors.watch(ctx)
	tb.do(
		chromedp.EmulateViewport(int64(w), int64(h)),
		// Headless tabs are never focused; without this the game would
		// not see keys.
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return err
		}),
	)
	return tb
}

// resize changes the viewport, as a player resizing the window would.
func (tb *tab) resize(w, h int) {
	tb.t.Helper()
	tb.w, tb.h = w, h
	tb.do(chromedp.EmulateViewport(int64(w), int64(h)))
}

// do runs actions, failing the test on an error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%v%s", err, tb.errors.report())
	}
}

// beforeLoad adds a script that runs in every document the tab loads,
// before the page's own scripts.
func (tb *tab) beforeLoad(script string) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
}

// open navigates to path on the test server (e.g. "/?session=X"), or to
// a full URL.
func (tb *tab) open(path string) {
	tb.t.Helper()
	if !strings.HasPrefix(path, "http") {
		path = site.srv.URL + path
	}
	tb.do(chromedp.Navigate(path))
}

// serveWith starts a server of its own for one test, with the site's
// handler wrapped (to slow, break or cut the download), and returns its URL.
func serveWith(t *testing.T, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	setup(t)
	srv := httptest.NewServer(wrap(site.handler))
	t.Cleanup(srv.Close)
	return srv.URL
}

// eval evaluates a JavaScript expression into out (may be nil).
func (tb *tab) eval(expr string, out any) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v%s", expr, err, tb.errors.report())
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			tb.t.Fatalf("evaluating %s: decoding %s: %v", expr, raw, err)
		}
	}
}

// waitFor polls a JavaScript expression until it is truthy.
func (tb *tab) waitFor(expr string, timeout time.Duration) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		var state string
		if c, cancel2 := context.WithTimeout(tb.ctx, 2*time.Second); true {
			state, _ = chromedp.Run(c, chromedp.Evaluate[string](`JSON.stringify({phase: window.runwayLadder && runwayLadder.phase,
				error: window.runwayLadder && runwayLadder.error, game: window.runwayLadder && runwayLadder.stateJSON})`))
			cancel2()
		}
		tb.t.Fatalf("waiting for %s: %v (page: %s)%s", expr, err, state, tb.errors.report())
	}
}

// firstFrame waits until the game has drawn its first frame and returns
// the time from navigation start, as the page measured it.
func (tb *tab) firstFrame() time.Duration {
	tb.t.Helper()
	tb.waitFor(`window.runwayLadder && (runwayLadder.firstFrameMs > 0 || runwayLadder.phase === "failed")`, 60*time.Second)
	var ms float64
	tb.eval(`runwayLadder.phase === "failed" ? -1 : runwayLadder.firstFrameMs`, &ms)
	if ms < 0 {
		var msg string
		tb.eval(`runwayLadder.error`, &msg)
		tb.t.Fatalf("the page failed to start the game: %s%s", msg, tb.errors.report())
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// settle gives the game a few frames to take in input and redraw.
func (tb *tab) settle() {
	tb.t.Helper()
	tb.eval(`new Promise(r => { let n = 0; const f = () => (++n >= 4 ? r(true) : requestAnimationFrame(f)); requestAnimationFrame(f); })`, nil)
}

// hold is how long a synthetic press lasts: the game polls devices once a
// frame, and a press and release inside one frame would be missed.
const hold = 70 * time.Millisecond

// click moves the mouse to (x, y) in CSS pixels and clicks there with a
// real press and release.
func (tb *tab) click(x, y float64) {
	tb.t.Helper()
	mouse := func(typ input.DispatchMouseEventType, buttons int64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Buttons: buttons}
			if typ != chromedp.MouseMoved {
				p.Button = input.MouseButtonLeft
				p.ClickCount = 1
			}
			_, err := cdp.Call(ctx, tg, input.DispatchMouseEvent, p)
			return err
		})
	}
	tb.do(mouse(chromedp.MouseMoved, 0))
	tb.settle()
	tb.do(mouse(chromedp.MousePressed, 1))
	time.Sleep(hold)
	tb.do(mouse(chromedp.MouseReleased, 0))
	tb.settle()
}

// key presses and releases one key (a character, or a kb constant such as
// kb.Enter) while the canvas has focus.
func (tb *tab) key(k string) {
	tb.t.Helper()
	tb.eval(`(() => { const c = document.querySelector("canvas"); if (c && document.activeElement !== c) c.focus(); return true; })()`, nil)
	for _, r := range k {
		events := kb.Encode(r)
		for _, ev := range events {
			if ev.Type == input.DispatchKeyEventTypeKeyUp {
				time.Sleep(hold)
			}
			ev := *ev
			tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, ev)
				return err
			}))
		}
	}
	tb.settle()
}

// readmeShots are the screenshots the README shows.
var readmeShots = map[string]bool{
	"loading-1280x720": true,
	"title-1280x720":   true,
	"month-1280x720":   true,
	"ending-1280x720":  true,
	"month-800x600":    true,
}

// shot saves a screenshot of the viewport as out/webtest/NAME.png (and, for
// the README's, docs/screenshots/web-NAME.png with WEB_SCREENSHOTS=1).
func (tb *tab) shot(name string) string {
	tb.t.Helper()
	// Let the screen's 180 ms fade-in finish.
	time.Sleep(250 * time.Millisecond)
	tb.settle()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(site.root, "out", "webtest")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	if os.Getenv("WEB_SCREENSHOTS") == "1" && readmeShots[name] {
		docs := filepath.Join(site.root, "docs", "screenshots")
		if err := os.MkdirAll(docs, 0o755); err != nil {
			tb.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(docs, "web-"+name+".png"), png, 0o644); err != nil {
			tb.t.Fatal(err)
		}
	}
	return p
}

// errorLog keeps the page's console errors and uncaught exceptions, to
// explain a failure.
type errorLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *errorLog) watch(ctx context.Context) {
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			l.mu.Lock()
			l.lines = append(l.lines, fmt.Sprintf("console.%s: %s", m.Type, m))
			if len(l.lines) > 200 {
				l.lines = l.lines[len(l.lines)-200:]
			}
			l.mu.Unlock()
		}
	}()
}

// report is the console's last lines, for a failure message.
func (l *errorLog) report() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.lines) == 0 {
		return ""
	}
	n := len(l.lines)
	from := max(0, n-40)
	return "\nbrowser console (last lines):\n  " + strings.Join(l.lines[from:], "\n  ")
}

// gameState is what the game's test hook reports (game/ui/web_js.go):
// the screen, what can be clicked on it, and the run.
type gameState struct {
	Screen     string   `json:"screen"`
	Targets    []target `json:"targets"`
	Notice     string   `json:"notice"`
	Toast      string   `json:"toast"`
	Session    string   `json:"session"`
	Scenario   string   `json:"scenario"`
	Month      int      `json:"month"`
	Months     int      `json:"months"`
	Done       bool     `json:"done"`
	Code       string   `json:"code"`
	Ending     string   `json:"ending"`
	RunSession string   `json:"runSession"`
	Phase      string   `json:"phase"`
	Systems    []string `json:"systems"`
}

// target is a clickable region in CSS pixels; zero-sized when it is
// scrolled out of view but has a key.
type target struct {
	Label   string  `json:"label"`
	Key     string  `json:"key"` // the key that does the same, if any
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	Enabled bool    `json:"enabled"`
}

// testHook is the page script that asks the game for its state hook.
const testHook = `window.runwayLadder = Object.assign(window.runwayLadder || {}, {testHook: true});`

// openGame opens the game with its state hook and waits for the first
// frame.
func (tb *tab) openGame(path string) {
	tb.t.Helper()
	tb.beforeLoad(testHook)
	tb.open(path)
	tb.firstFrame()
	tb.waitFor(`!!runwayLadder.stateJSON`, 10*time.Second)
}

// state reads what the game last drew.
func (tb *tab) state() gameState {
	tb.t.Helper()
	var raw string
	tb.eval(`runwayLadder.stateJSON || ""`, &raw)
	var st gameState
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		tb.t.Fatalf("the game's state %q: %v", raw, err)
	}
	return st
}

// waitScreen waits until the game shows the named screen.
func (tb *tab) waitScreen(name string) gameState {
	tb.t.Helper()
	tb.waitFor(fmt.Sprintf(`runwayLadder.stateJSON && JSON.parse(runwayLadder.stateJSON).screen === %q`, name), 15*time.Second)
	return tb.state()
}

// find returns the target whose label starts with label.
func (st gameState) find(label string) (target, bool) {
	for _, tg := range st.Targets {
		if strings.HasPrefix(tg.Label, label) {
			return tg, true
		}
	}
	return target{}, false
}

// clickTarget clicks the middle of the target labelled label.
func (tb *tab) clickTarget(label string) {
	tb.t.Helper()
	st := tb.state()
	tg, ok := st.find(label)
	if !ok {
		tb.t.Fatalf("no %q to click on the %s screen: %+v", label, st.Screen, st.Targets)
	}
	tb.clickIn(tg)
}

// clickIn clicks the middle of the part of a target inside the window (a
// card half scrolled out of view is still clickable).
func (tb *tab) clickIn(tg target) {
	tb.t.Helper()
	x0, x1 := max(tg.X, 0), min(tg.X+tg.W, float64(tb.w))
	y0, y1 := max(tg.Y, 0), min(tg.Y+tg.H, float64(tb.h))
	if x1-x0 < 2 || y1-y0 < 2 {
		tb.t.Fatalf("%q is outside the %dx%d window: %+v", tg.Label, tb.w, tb.h, tg)
	}
	tb.click((x0+x1)/2, (y0+y1)/2)
}
