//go:build js

package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"runwayladder/game/sim"
	"runwayladder/game/storage"
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
func webDropped() []DroppedFile {
	pg := page()
	if !pg.Truthy() || pg.Get("takeDropped").Type() != js.TypeFunction {
		return nil
	}
	list := pg.Call("takeDropped")
	n := list.Length()
	if n == 0 {
		return nil
	}
	out := make([]DroppedFile, 0, min(n, MaxDroppedFiles))
	for i := 0; i < n && i < MaxDroppedFiles; i++ {
		f := list.Index(i)
		df := DroppedFile{Name: f.Get("name").String()}
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
		{label: "Copy code", key: 'c', do: func(_ *app, code string) (string, error) {
			if err := webCopy(code); err != nil {
				return "", fmt.Errorf("could not copy the code (%v): write it down, or use Save run file", err)
			}
			return "Run code copied to the clipboard.", nil
		}},
		{label: "Save run file", key: 's', do: func(a *app, _ string) (string, error) {
			name, data, err := runFile(a)
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
	a := g.a
	code, warn := webSession()
	if code != "" {
		a.session = code
	}
	if warn != "" {
		a.notice = joinNotice(a.notice, warn)
	}
	// main falls back to a memory store only when the browser refused
	// localStorage.
	if _, mem := a.store.(*storage.Memory); mem {
		a.notice = joinNotice(a.notice, storageOffWarning)
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
func pageDropped() []DroppedFile { return webDropped() }

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
}

// webState describes the current screen for the browser tests, from the
// same layout functions the screens use for drawing and hit-testing.
func (g *Game) webState() webStateView {
	a := g.a
	v := webStateView{Notice: a.notice, Toast: a.toast, Session: a.session}
	if r := a.run; r != nil {
		sc := r.Scenario()
		v.Scenario, v.Month, v.Months, v.Done = sc.ID, r.Month(), sc.Months, r.Done()
		v.RunSess = r.State().Session
		if r.Done() {
			v.Code = r.Code()
			if e := r.Ending(); e != nil {
				v.Ending = e.ID
			}
		}
	}
	dsf := a.dsf
	if dsf <= 0 {
		dsf = 1
	}
	add := func(label string, r Rect, enabled bool) *webTarget {
		if r.W <= 0 || r.H <= 0 {
			return nil // off screen
		}
		v.Targets = append(v.Targets, webTarget{Label: label, X: r.X / dsf, Y: r.Y / dsf, W: r.W / dsf, H: r.H / dsf, Enabled: enabled})
		return &v.Targets[len(v.Targets)-1]
	}
	switch s := g.screen.(type) {
	case *titleScreen:
		v.Screen = "title"
		l := s.layout()
		for i, it := range s.items {
			if i < len(l.items) {
				add(it.label, l.items[i], true)
			}
		}
	case *chooseScreen:
		v.Screen = "choose"
		l := s.layout()
		for i, r := range s.screenRects(l) {
			add(l.cards[i].sc.ID, r, true)
		}
		add("Back", l.back, true)
	case *sessionScreen:
		v.Screen = "session"
		l := laySession(a.bounds(), a.style())
		for i, label := range []string{"Use this code", "Clear the code", "Back"} {
			if i < len(l.buttons) {
				add(label, l.buttons[i], true)
			}
		}
	case *monthScreen:
		v.Screen = "month"
		l := s.layout()
		for i, r := range s.choiceRects(l) {
			if i >= len(s.card.Choices) {
				break
			}
			c := s.card.Choices[i]
			if tg := add(c.Label, r, c.Available); tg != nil {
				tg.Key = fmt.Sprint(i + 1)
			} else {
				// Scrolled out of view: not clickable, but its key works.
				v.Targets = append(v.Targets, webTarget{Label: c.Label, Key: fmt.Sprint(i + 1), Enabled: c.Available})
			}
		}
		add("Menu", l.menu, true)
	case *happenedScreen:
		v.Screen = "happened"
		add("Continue", s.layout().cont, true)
	case *endingScreen:
		v.Screen = "ending"
		l := s.layout()
		for i, label := range []string{"Play this path again", "Choose another path", "Title"} {
			if i < len(l.buttons) {
				add(label, l.buttons[i], true)
			}
		}
		for i, act := range s.actions {
			if i >= len(l.actions) {
				break
			}
			// Buttons in the scrolled content count only when in view,
			// as the screen draws and hit-tests them.
			if r := l.actions[i].Offset(l.view.X, l.view.Y-s.scroll.off); r.Within(l.view, 0) {
				if tg := add(act.label, r, true); tg != nil {
					tg.Key = strings.ToUpper(string(act.key))
				}
			}
		}
	case *settingsScreen:
		v.Screen = "settings"
		l := laySettings(a.bounds(), a.style())
		for i, row := range settingRows {
			if i < len(l.rows) {
				add(row.label, l.rows[i], true)
			}
		}
		add("Back", l.back, true)
	case *problemsScreen:
		v.Screen = "problems"
		add("Back", layProblems(a.bounds(), a.style(), a.wrap, s.problems()).back, true)
	default:
		v.Screen = strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", g.screen), "*ui."), "Screen")
	}
	return v
}
