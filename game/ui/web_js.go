//go:build js

package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// The browser side of the game. The page (web/index.html) keeps an object
// on window.runwayLadder: the game tells it when the first frame is drawn,
// takes the scenario files dropped on the page from it and, when a test
// asks, publishes what is on screen there. Browser APIs that fail (storage
// off, clipboard refused) become errors or warnings, never a crash.

// page returns window.runwayLadder, or an undefined value when the game
// runs without the page (a bare wasm_exec harness).
func page() js.Value {
	return js.Global().Get("runwayLadder")
}

// webSession reads ?session=CODE from the page's address. A code that is
// not a valid session code is reported and ignored.
func webSession() (code, warning string) {
	defer func() {
		if r := recover(); r != nil {
			code, warning = "", ""
		}
	}()
	search := js.Global().Get("location").Get("search")
	if !search.Truthy() {
		return "", ""
	}
	params := js.Global().Get("URLSearchParams").New(search)
	v := params.Call("get", "session")
	if v.IsNull() || v.IsUndefined() {
		return "", ""
	}
	code = strings.ToUpper(strings.TrimSpace(v.String()))
	if code == "" {
		return "", ""
	}
	if _, err := sim.SessionSeed(code); err != nil {
		return "", fmt.Sprintf("The session code in this link (%q) is not valid: %v.", v.String(), err)
	}
	return code, ""
}

// await waits for a JavaScript promise. It must not be called from a
// JavaScript callback (it would deadlock); Ebitengine runs Update in a
// goroutine of its own, so screens may call it.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var then, catch js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		var v js.Value
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the browser refused"
		if len(args) > 0 && args[0].Truthy() {
			if m := args[0].Get("message"); m.Truthy() {
				msg = m.String()
			} else {
				msg = args[0].Call("toString").String()
			}
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then).Call("catch", catch)
	r := <-ch
	return r.v, r.err
}

// jsCall runs f and turns a JavaScript exception into an error.
func jsCall(what string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", what, r)
		}
	}()
	f()
	return nil
}

// webCopy puts text on the clipboard. Browsers allow it shortly after a
// click or key press, which is when the player asks for it. Pages served
// over plain http (not localhost) have no navigator.clipboard; the older
// copy command still works there.
func webCopy(text string) error {
	var p js.Value
	err := jsCall("clipboard", func() {
		clip := js.Global().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			panic("no clipboard access on this page")
		}
		p = clip.Call("writeText", text)
	})
	if err == nil {
		if _, err = await(p); err == nil {
			return nil
		}
	}
	if legacyCopy(text) {
		return nil
	}
	return err
}

// legacyCopy copies text with a hidden text field and the copy command.
func legacyCopy(text string) (ok bool) {
	err := jsCall("copy", func() {
		doc := js.Global().Get("document")
		ta := doc.Call("createElement", "textarea")
		ta.Set("value", text)
		ta.Call("setAttribute", "readonly", "")
		ta.Get("style").Set("position", "fixed")
		ta.Get("style").Set("opacity", "0")
		doc.Get("body").Call("appendChild", ta)
		ta.Call("select")
		ok = doc.Call("execCommand", "copy").Truthy()
		ta.Call("remove")
		if c := doc.Call("querySelector", "canvas"); c.Truthy() {
			c.Call("focus") // give the keyboard back to the game
		}
	})
	return err == nil && ok
}

// webDownload offers data as a file download named name.
func webDownload(name, mime string, data []byte) error {
	return jsCall("download", func() {
		arr := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(arr, data)
		blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
		url := js.Global().Get("URL").Call("createObjectURL", blob)
		doc := js.Global().Get("document")
		a := doc.Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", name)
		a.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", a)
		a.Call("click")
		a.Call("remove")
		// The download has started from the URL; free it a little later.
		js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
			js.Global().Get("URL").Call("revokeObjectURL", url)
			return nil
		}), 60000)
	})
}

// webDropped takes the files dropped on the page since the last tick:
// scenarios and history files with their text, others by name only.
func webDropped() []kit.DroppedFile {
	pg := page()
	if !pg.Truthy() || pg.Get("takeDropped").Type() != js.TypeFunction {
		return nil
	}
	list := pg.Call("takeDropped")
	n := list.Length()
	if n == 0 {
		return nil
	}
	out := make([]kit.DroppedFile, 0, min(n, MaxDroppedFiles))
	for i := 0; i < n && i < MaxDroppedFiles; i++ {
		f := list.Index(i)
		df := kit.DroppedFile{Name: f.Get("name").String()}
		switch {
		case f.Get("error").Truthy():
			df.Err = errors.New(f.Get("error").String())
		case f.Get("text").Type() == js.TypeString:
			// A scenario or a history file; the game sorts them by name.
			df.Data = []byte(f.Get("text").String())
		default:
			df.Err = errNotTOML // the page reads only the kinds the game takes
		}
		out = append(out, df)
	}
	return out
}

// webFrameReady tells the page the first frame is on screen, so it can take
// the loading screen away.
func webFrameReady() {
	if pg := page(); pg.Truthy() && pg.Get("frameReady").Type() == js.TypeFunction {
		pg.Call("frameReady")
	}
}

// runActions are what the ending screen offers to do with the run code.
func runActions() []runAction {
	return []runAction{
		{label: "Copy code", key: 'c', do: func(run *sim.Run, _ time.Time) (string, error) {
			if err := webCopy(run.Code()); err != nil {
				return "", fmt.Errorf("could not copy the code (%v): write it down, or use Save run file", err)
			}
			return "Run code copied to the clipboard.", nil
		}},
		{label: "Save run file", key: 's', do: func(run *sim.Run, now time.Time) (string, error) {
			name, data, err := runFile(run, now)
			if err != nil {
				return "", err
			}
			if err := webDownload(name, "application/json", data); err != nil {
				return "", err
			}
			return "Saved " + name + " (see your downloads).", nil
		}},
	}
}

// storageOffWarning is shown when the browser refused localStorage and the
// game keeps its documents in memory.
const storageOffWarning = "This browser is not letting the game keep anything (storage is off, full or blocked, as in some private windows): your run, settings and history last only until you close this tab."

// platformState is what the browser side keeps between frames.
type platformState struct {
	drawn bool
	// publish is set when the page asked for the test hook
	// (window.runwayLadder.testHook): after each drawn frame the game
	// writes what is on screen to runwayLadder.stateJSON.
	publish bool
}

// startPlatform connects a new game to the page: the session code in the
// address, a warning when storage is off, the test hook.
func (g *Game) startPlatform() {
	m := g.c.model
	code, warn := webSession()
	if code != "" {
		m.session = code
	}
	if warn != "" {
		m.notice = joinNotice(m.notice, warn)
	}
	// main falls back to a memory store only when the browser refused
	// localStorage.
	if _, mem := m.store.(*storage.Memory); mem {
		m.notice = joinNotice(m.notice, storageOffWarning)
	}
	if pg := page(); pg.Truthy() && pg.Get("testHook").Truthy() {
		g.plat.publish = true
	}
}

func joinNotice(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// afterDraw runs after each frame the game drew: the first one takes the
// loading screen away.
func (g *Game) afterDraw() {
	if !g.plat.drawn {
		g.plat.drawn = true
		webFrameReady()
	}
	if g.plat.publish {
		if data, err := json.Marshal(g.webState()); err == nil {
			page().Set("stateJSON", string(data))
		}
	}
}

// pageDropped returns the scenario files dropped on the page since the
// last tick (the page reads them; Ebitengine's own drop never sees them).
func pageDropped() []kit.DroppedFile { return webDropped() }

// webTarget is something on screen the player can click, in CSS pixels
// (zero-sized when it is scrolled out of view but has a key).
type webTarget struct {
	Label string `json:"label"`
	// Key is the key that does the same, when there is one ("1"-"4").
	Key     string  `json:"key,omitempty"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	Enabled bool    `json:"enabled"`
}

// webStateView is what the test hook reports: the screen, what can be
// clicked on it, and the run.
type webStateView struct {
	Screen   string      `json:"screen"`
	Targets  []webTarget `json:"targets"`
	Notice   string      `json:"notice,omitempty"`
	Toast    string      `json:"toast,omitempty"`
	Session  string      `json:"session,omitempty"`
	Scenario string      `json:"scenario,omitempty"`
	Month    int         `json:"month,omitempty"`
	Months   int         `json:"months,omitempty"`
	Done     bool        `json:"done,omitempty"`
	Code     string      `json:"code,omitempty"`
	Ending   string      `json:"ending,omitempty"`
	RunSess  string      `json:"runSession,omitempty"`
	// Phase is the run's phase as the month shows it, and Systems the
	// systems running now ("funding", "ladder", "fight"): format 2.
	Phase   string   `json:"phase,omitempty"`
	Systems []string `json:"systems,omitempty"`
}

// webState describes the current screen for the browser tests: its name
// and the targets it lists from the layout it draws and hit-tests with.
func (g *Game) webState() webStateView {
	c := g.c
	v := webStateView{Screen: g.screen.Name(), Notice: c.notice, Toast: g.toast.Msg, Session: c.session}
	if r := c.run; r != nil {
		sc := r.Scenario()
		v.Scenario, v.Month, v.Months, v.Done = sc.ID, r.Month(), sc.Months, r.Done()
		v.RunSess = r.Session()
		v.Phase = r.PhaseLabel()
		for _, s := range []string{"funding", "ladder", "fight"} {
			if r.SystemOn(s) {
				v.Systems = append(v.Systems, s)
			}
		}
		if r.Done() {
			v.Code = r.Code()
			if e := r.Ending(); e != nil {
				v.Ending = e.ID
			}
		}
	}
	dsf := c.DSF
	if dsf <= 0 {
		dsf = 1
	}
	for _, t := range g.screen.Targets(c) {
		if !t.Visible() && t.Key == "" {
			continue // off screen, and no key reaches it
		}
		r := t.R
		v.Targets = append(v.Targets, webTarget{Label: t.Label, Key: t.Key, X: r.X / dsf, Y: r.Y / dsf, W: r.W / dsf, H: r.H / dsf, Enabled: t.Enabled})
	}
	return v
}
