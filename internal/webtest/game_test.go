package webtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The game in the browser, played as a player would: real clicks and key
// presses at the places the game says its controls are.

// waitChange waits until the game shows another screen or month than prev.
func (tb *tab) waitChange(prev gameState) gameState {
	tb.t.Helper()
	tb.waitFor(fmt.Sprintf(`(() => { const s = JSON.parse(runwayLadder.stateJSON || "{}"); return s.screen !== %q || (s.month || 0) !== %d; })()`,
		prev.Screen, prev.Month), 15*time.Second)
	return tb.state()
}

// playMonth picks a choice on the month screen, by its number key or by a
// click, and returns what the game shows next.
func (tb *tab) playMonth(st gameState, byKey bool) gameState {
	tb.t.Helper()
	var choices []target
	for _, tg := range st.Targets {
		if tg.Key != "" && tg.Enabled {
			choices = append(choices, tg)
		}
	}
	if len(choices) == 0 {
		tb.t.Fatalf("month %d: no choice can be picked: %+v", st.Month, st.Targets)
	}
	c := choices[st.Month%len(choices)]
	if byKey || c.W == 0 { // a choice scrolled out of view still has its key
		tb.key(c.Key)
	} else {
		tb.clickIn(c)
	}
	return tb.waitChange(st)
}

// next leaves the "what happened" screen, by Enter or by a click.
func (tb *tab) next(st gameState, byKey bool) gameState {
	tb.t.Helper()
	if byKey {
		tb.key(kb.Enter)
	} else {
		tb.clickTarget("Continue")
	}
	return tb.waitChange(st)
}

// localStorage reads one of the game's documents.
func (tb *tab) localStorage(name string) (string, bool) {
	tb.t.Helper()
	var v *string
	tb.eval(fmt.Sprintf(`localStorage.getItem(%q)`, "runwayladder."+name), &v)
	if v == nil {
		return "", false
	}
	return *v, true
}

// TestPlayWholeRun plays a bundled path from the title to its ending with
// the mouse and the keyboard, reloads the page mid-run and continues, checks
// the finished run is kept in localStorage, and photographs every screen
// at 1280x720 and 800x600.
func TestPlayWholeRun(t *testing.T) {
	tb := newTab(t, 1280, 720)
	tb.openGame("/")
	st := tb.waitScreen("title")
	if _, ok := st.find("Quit"); ok {
		t.Errorf("the title offers Quit in the browser: %+v", st.Targets)
	}
	tb.shot("title-1280x720")
	tb.clickTarget("New run")
	tb.waitScreen("choose")
	tb.shot("choose-1280x720")
	tb.clickTarget("startup_engineer")
	st = tb.waitScreen("month")
	if st.Scenario != "startup_engineer" || st.Month != 1 {
		t.Fatalf("after choosing the startup path: %s, month %d of %s", st.Screen, st.Month, st.Scenario)
	}
	tb.shot("month-1280x720")

	reloaded, shotHappened := false, false
	for step := 0; st.Screen != "ending"; step++ {
		if step > 400 {
			t.Fatalf("no ending after %d steps (month %d of %d)", step, st.Month, st.Months)
		}
		byKey := step%2 == 0
		switch st.Screen {
		case "month":
			if !reloaded && st.Month >= 4 {
				reloaded = true
				st = reloadAndContinue(t, tb, st)
			}
			st = tb.playMonth(st, byKey)
		case "happened":
			if !shotHappened {
				shotHappened = true
				tb.shot("happened-1280x720")
			}
			st = tb.next(st, byKey)
		default:
			t.Fatalf("unexpected %s screen in month %d", st.Screen, st.Month)
		}
	}
	if !reloaded {
		t.Errorf("the run ended in month %d, before the reload", st.Month)
	}
	if !st.Done || st.Code == "" || st.Ending == "" {
		t.Fatalf("ending screen without a finished run: %+v", st)
	}
	t.Logf("the run ended in month %d of %d: %s, code %s", st.Month, st.Months, st.Ending, st.Code)
	tb.shot("ending-1280x720")

	hist, ok := tb.localStorage("history.jsonl")
	if !ok || !strings.Contains(hist, st.Code) {
		t.Errorf("localStorage history does not hold the run %s: %.300q", st.Code, hist)
	}

	// The same screens in a smaller window.
	tb.resize(800, 600)
	tb.settle()
	tb.shot("ending-800x600")
	tb.key(kb.Escape)
	st = tb.waitScreen("title")
	if _, ok := st.find("See your last ending"); !ok {
		t.Errorf("the title does not offer the last ending: %+v", st.Targets)
	}
	tb.shot("title-800x600")
	tb.clickTarget("New run")
	tb.waitScreen("choose")
	tb.shot("choose-800x600")
	tb.key(kb.Enter)
	st = tb.waitScreen("month")
	tb.shot("month-800x600")
	st = tb.playMonth(st, true)
	if st.Screen != "happened" {
		t.Fatalf("after a pick at 800x600: %s", st.Screen)
	}
	tb.shot("happened-800x600")
}

// reloadAndContinue reloads the page in the middle of a run and continues
// it from the title.
func reloadAndContinue(t *testing.T, tb *tab, st gameState) gameState {
	t.Helper()
	if _, ok := tb.localStorage("save.json"); !ok {
		t.Errorf("month %d: no save in localStorage before the reload", st.Month)
	}
	tb.do(chromedp.Reload())
	tb.firstFrame()
	tb.waitFor(`!!runwayLadder.stateJSON`, 10*time.Second)
	title := tb.waitScreen("title")
	if _, ok := title.find("Continue"); !ok {
		t.Fatalf("after a reload in month %d the title offers no Continue: %+v", st.Month, title.Targets)
	}
	tb.clickTarget("Continue")
	got := tb.waitScreen("month")
	if got.Month != st.Month || got.Scenario != st.Scenario {
		t.Fatalf("after the reload: month %d of %s, want month %d of %s", got.Month, got.Scenario, st.Month, st.Scenario)
	}
	return got
}

// startRun goes from the title to the first month of the first path.
func (tb *tab) startRun() gameState {
	tb.t.Helper()
	tb.waitScreen("title")
	tb.clickTarget("New run")
	tb.waitScreen("choose")
	tb.key(kb.Enter)
	return tb.waitScreen("month")
}

// TestSessionFromURL opens links with ?session= and checks the code is
// taken (and carried into the run), or refused with a reason.
func TestSessionFromURL(t *testing.T) {
	tests := []struct {
		query, want, notice string
	}{
		{"?session=spring26", "SPRING26", ""},
		{"?session=%20Team-7%20", "TEAM-7", ""},
		{"?session=a", "", "is not valid"},
		{"?other=1", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			tb := newTab(t, 1280, 720)
			tb.openGame("/" + tt.query)
			st := tb.waitScreen("title")
			if st.Session != tt.want {
				t.Errorf("session %q, want %q", st.Session, tt.want)
			}
			if !strings.Contains(st.Notice, tt.notice) || tt.notice == "" && st.Notice != "" {
				t.Errorf("notice %q, want one containing %q", st.Notice, tt.notice)
			}
			if tt.want == "" {
				return
			}
			if tt.want == "SPRING26" {
				tb.shot("title-session-1280x720")
			}
			if st = tb.startRun(); st.RunSession != tt.want {
				t.Errorf("the run's session is %q, want %q", st.RunSession, tt.want)
			}
		})
	}
}

// TestStorageDisabled runs the game in a browser whose localStorage throws
// on every use, as in some private windows: the game must start, say that
// nothing will be kept, and play.
func TestStorageDisabled(t *testing.T) {
	tb := newTab(t, 1280, 720)
	tb.beforeLoad(`Object.defineProperty(window, "localStorage", {configurable: true,
		get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});`)
	tb.openGame("/")
	st := tb.waitScreen("title")
	if !strings.Contains(st.Notice, "not letting the game keep anything") {
		t.Errorf("title notice %q, want the storage warning", st.Notice)
	}
	tb.shot("storage-off-1280x720")
	st = tb.startRun()
	st = tb.playMonth(st, true)
	if st.Screen != "happened" {
		t.Fatalf("after a pick with storage off: %s", st.Screen)
	}
	st = tb.next(st, true)
	if st.Screen != "month" || st.Month != 2 {
		t.Fatalf("after month 1 with storage off: %s, month %d", st.Screen, st.Month)
	}
}

// TestStorageFull fills localStorage in the middle of the game: saving
// fails with a message, and the game goes on.
func TestStorageFull(t *testing.T) {
	tb := newTab(t, 1280, 720)
	tb.openGame("/")
	tb.waitScreen("title")
	tb.eval(`(() => { Storage.prototype.setItem = function () {
		throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; return true; })()`, nil)
	st := tb.startRun()
	if !strings.Contains(st.Toast, "Could not save") {
		t.Errorf("toast %q, want a message that the run could not be saved", st.Toast)
	}
	st = tb.playMonth(st, false)
	st = tb.next(st, false)
	if st.Screen != "month" || st.Month != 2 {
		t.Fatalf("after month 1 with storage full: %s, month %d", st.Screen, st.Month)
	}
	var phase string
	tb.eval(`runwayLadder.phase`, &phase)
	if phase != "running" {
		t.Errorf("page phase %q, want running", phase)
	}
}

// drop drops files on the page at (x, y) the way the browser does when a
// player drags them from a file manager.
func (tb *tab) drop(x, y float64, paths ...string) {
	tb.t.Helper()
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: paths, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: x, Y: y, Data: data})
			return err
		}))
	}
}

// TestDropScenario drops a scenario file and a stray file on the page,
// then plays the dropped scenario to its ending.
func TestDropScenario(t *testing.T) {
	sprint, err := filepath.Abs(filepath.Join("testdata", "short_sprint.toml"))
	if err != nil {
		t.Fatal(err)
	}
	stray := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(stray, []byte("not a scenario"), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, 1280, 720)
	tb.openGame("/")
	tb.waitScreen("title")
	tb.drop(640, 360, sprint, stray)
	tb.waitFor(`(JSON.parse(runwayLadder.stateJSON).toast || "").includes("dropped")`, 10*time.Second)
	st := tb.state()
	t.Logf("after the drop: %q", st.Toast)
	if !strings.Contains(st.Toast, "Loaded 1 dropped file") {
		t.Errorf("toast %q, want one file loaded", st.Toast)
	}
	tb.shot("drop-1280x720")

	tb.clickTarget("New run")
	st = tb.waitScreen("choose")
	// The dropped scenario comes after the bundled ones: move down to it,
	// which scrolls it into view, then click it.
	for i := 0; ; i++ {
		if _, ok := st.find("short_sprint"); ok {
			break
		}
		if i == 6 {
			t.Fatalf("the dropped scenario never came into view: %+v", st.Targets)
		}
		tb.key(kb.ArrowDown)
		st = tb.state()
	}
	tb.shot("choose-dropped-1280x720")
	tb.clickTarget("short_sprint")
	st = tb.waitScreen("month")
	if st.Scenario != "short_sprint" || st.Months != 3 {
		t.Fatalf("after choosing the dropped scenario: %s, %d months", st.Scenario, st.Months)
	}
	for step := 0; st.Screen != "ending"; step++ {
		if step > 20 {
			t.Fatalf("no ending after %d steps", step)
		}
		if st.Screen == "month" {
			st = tb.playMonth(st, step%2 == 0)
		} else {
			st = tb.next(st, step%2 == 1)
		}
	}
	if st.Ending != "done" {
		t.Errorf("ending %q, want done", st.Ending)
	}
}

// TestCopyAndSaveRun finishes a short run and uses the ending's two
// browser actions: the run code goes to the clipboard (by a click, then by
// its key without the clipboard API) and the run to a downloaded file (by
// its key), which another player's page imports when it is dropped there.
func TestCopyAndSaveRun(t *testing.T) {
	sprint, err := filepath.Abs(filepath.Join("testdata", "short_sprint.toml"))
	if err != nil {
		t.Fatal(err)
	}
	downloads := t.TempDir()
	tb := newTab(t, 1280, 720)
	bctx := chromedp.FromContext(tb.ctx).BrowserContextID
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted,
				Origin: site.srv.URL, BrowserContextID: bctx,
			}); err != nil {
				return err
			}
		}
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, BrowserContextID: bctx,
		})
		return err
	}))
	tb.openGame("/")
	tb.waitScreen("title")
	tb.drop(640, 360, sprint)
	tb.waitFor(`(JSON.parse(runwayLadder.stateJSON).toast || "").includes("dropped")`, 10*time.Second)
	tb.clickTarget("New run")
	st := tb.waitScreen("choose")
	for i := 0; ; i++ {
		if _, ok := st.find("short_sprint"); ok {
			break
		}
		if i == 6 {
			t.Fatalf("the dropped scenario never came into view: %+v", st.Targets)
		}
		tb.key(kb.ArrowDown)
		st = tb.state()
	}
	tb.clickTarget("short_sprint")
	st = tb.waitScreen("month")
	for st.Screen != "ending" {
		if st.Screen == "month" {
			st = tb.playMonth(st, true)
		} else {
			st = tb.next(st, true)
		}
	}

	// Copy: scroll the code box into view and click its button.
	for i := 0; ; i++ {
		if _, ok := st.find("Copy code"); ok {
			break
		}
		if i == 20 {
			t.Fatalf("no Copy code button on the ending: %+v", st.Targets)
		}
		tb.key(kb.End)
		st = tb.state()
	}
	tb.shot("ending-code-1280x720")
	tb.clickTarget("Copy code")
	tb.waitFor(`(JSON.parse(runwayLadder.stateJSON).toast || "").includes("copied")`, 10*time.Second)
	var clip string
	tb.eval(`navigator.clipboard.readText()`, &clip)
	if clip != st.Code {
		t.Errorf("clipboard %q, want the run code %q", clip, st.Code)
	}

	// Without navigator.clipboard (plain http), the C key still copies,
	// through the copy command.
	tb.eval(`(() => { Object.defineProperty(navigator, "clipboard", {value: undefined});
		window.__copied = ""; document.addEventListener("copy", e => { window.__copied = e.target.value || ""; });
		return true; })()`, nil)
	tb.key("c")
	tb.waitFor(`window.__copied !== ""`, 10*time.Second)
	var copied string
	tb.eval(`window.__copied`, &copied)
	if copied != st.Code {
		t.Errorf("the copy command copied %q, want the run code %q", copied, st.Code)
	}

	// Save: the S key downloads the run as JSON.
	tb.key("s")
	tb.waitFor(`(JSON.parse(runwayLadder.stateJSON).toast || "").includes("Saved")`, 10*time.Second)
	var saved string
	deadline := time.Now().Add(10 * time.Second)
	for saved == "" && time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(downloads, "runwayladder-short_sprint-*.json"))
		if len(files) > 0 {
			saved = files[0]
		}
		time.Sleep(100 * time.Millisecond)
	}
	if saved == "" {
		t.Fatalf("no run file in the downloads folder (toast %q)", tb.state().Toast)
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), st.Code) {
		t.Errorf("%s does not hold the run code %s:\n%.400s", filepath.Base(saved), st.Code, data)
	}

	// The saved file dropped on another player's page joins their history.
	other := newTab(t, 1280, 720)
	other.openGame("/")
	other.waitScreen("title")
	other.drop(640, 360, saved)
	other.waitFor(`(JSON.parse(runwayLadder.stateJSON).toast || "").includes("Imported")`, 10*time.Second)
	if toast := other.state().Toast; !strings.Contains(toast, "1 run added") {
		t.Errorf("after dropping the run file on a new page: %q, want 1 run added", toast)
	}
	if hist, _ := other.localStorage("history.jsonl"); !strings.Contains(hist, st.Code) {
		t.Errorf("the imported run %s is not in the other page's history", st.Code)
	}
}
