//go:build js

package ui

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"runwayladder/game/sim"
	"runwayladder/game/storage"
)

// The browser side of the game. The page (web/index.html) keeps an object
// on window.runwayLadder: the game tells it when the first frame is drawn
// and when something deserves a banner, and takes the scenario files
// dropped on the page from it. Browser APIs that fail (storage off,
// clipboard refused) become errors or warnings, never a crash.

// webStorePrefix keeps the game's documents apart from anything else the
// site's origin stores in localStorage.
const webStorePrefix = "runwayladder."

// page returns window.runwayLadder, or an undefined value when the game
// runs without the page (a bare wasm_exec harness).
func page() js.Value {
	return js.Global().Get("runwayLadder")
}

// webStore returns the browser's localStorage as the game's store. When
// the browser refuses it (private mode, storage disabled, a sandboxed
// frame) the game keeps its documents in memory and warning says so.
func webStore() (st storage.Store, warning string) {
	local, err := storage.NewLocal(webStorePrefix)
	if err != nil {
		return storage.NewMemory(), "This browser is not letting the game keep anything (storage is off or full), so your run, settings and history last only until you close this tab."
	}
	return local, ""
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
// click or key press, which is when the player asks for it.
func webCopy(text string) error {
	var p js.Value
	err := jsCall("clipboard", func() {
		clip := js.Global().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			panic("this page has no clipboard access (it needs https or localhost)")
		}
		p = clip.Call("writeText", text)
	})
	if err != nil {
		return err
	}
	if _, err := await(p); err != nil {
		return fmt.Errorf("clipboard: %w", err)
	}
	return nil
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

// webDropped takes the files dropped on the page since the last tick.
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
		case !strings.HasSuffix(strings.ToLower(df.Name), ".toml"):
			df.Err = errNotTOML
		default:
			df.Data = []byte(f.Get("text").String())
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

// webWarn shows a banner above the game.
func webWarn(msg string) {
	if pg := page(); pg.Truthy() && pg.Get("warn").Type() == js.TypeFunction {
		pg.Call("warn", msg)
	}
}
