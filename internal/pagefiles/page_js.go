//go:build js

package pagefiles

import "syscall/js"

const inBrowser = true

// page reads runwayLadder.files, the object the loading page filled.
type page struct{}

func (page) files() js.Value {
	rl := js.Global().Get("runwayLadder")
	if rl.Type() != js.TypeObject {
		return js.Undefined()
	}
	return rl.Get("files")
}

func (p page) names() []string {
	files := p.files()
	if files.Type() != js.TypeObject {
		return nil
	}
	keys := js.Global().Get("Object").Call("keys", files)
	out := make([]string, keys.Length())
	for i := range out {
		out[i] = keys.Index(i).String()
	}
	return out
}

func (p page) read(name string) ([]byte, bool) {
	files := p.files()
	if files.Type() != js.TypeObject {
		return nil, false
	}
	v := files.Get(name)
	if v.Type() != js.TypeObject || v.Get("byteLength").Type() != js.TypeNumber {
		return nil, false
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	return b, true
}
