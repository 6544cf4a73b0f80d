//go:build js

package storage

import (
	"fmt"
	"syscall/js"
)

// Local is a Store in the browser's localStorage. Every call guards
// against storage that is disabled (private mode) or full: those become
// errors wrapping ErrUnavailable, never a crash.
type Local struct {
	prefix string
}

// NewLocal returns the localStorage store, or an error when the browser
// offers none.
func NewLocal(prefix string) (*Local, error) {
	l := &Local{prefix: prefix}
	if err := l.try(func(ls js.Value) { ls.Call("setItem", prefix+".probe", "1"); ls.Call("removeItem", prefix+".probe") }); err != nil {
		return nil, err
	}
	return l, nil
}

// try runs f with localStorage, turning JavaScript exceptions into errors.
func (l *Local) try(f func(js.Value)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("storage: %w: %v", ErrUnavailable, r)
		}
	}()
	// Reflect.get rather than Value.Get: a getter that throws (storage
	// disabled, sandboxed frames) would escape Value.Get as an uncaught
	// JavaScript exception and stop the program; through Call it becomes a
	// panic recovered above.
	ls := js.Global().Get("Reflect").Call("get", js.Global(), "localStorage")
	if ls.IsUndefined() || ls.IsNull() {
		return fmt.Errorf("storage: %w: no localStorage", ErrUnavailable)
	}
	f(ls)
	return nil
}

// Where implements Store.
func (l *Local) Where() string { return "this browser's local storage" }

// Read implements Store.
func (l *Local) Read(name string) ([]byte, error) {
	var out []byte
	found := false
	err := l.try(func(ls js.Value) {
		v := ls.Call("getItem", l.prefix+name)
		if v.IsNull() {
			return
		}
		found = true
		out = []byte(v.String())
	})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("storage: %s: %w", name, ErrNotFound)
	}
	return out, nil
}

// Write implements Store (a single setItem is atomic).
func (l *Local) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	return l.try(func(ls js.Value) { ls.Call("setItem", l.prefix+name, string(data)) })
}

// Append implements Store.
func (l *Local) Append(name string, data []byte) error {
	old, err := l.Read(name)
	if err != nil && !isNotFound(err) {
		return err
	}
	return l.Write(name, append(old, data...))
}

// Remove implements Store.
func (l *Local) Remove(name string) error {
	return l.try(func(ls js.Value) { ls.Call("removeItem", l.prefix+name) })
}

// SetAside implements Store.
func (l *Local) SetAside(name string) (string, error) {
	data, err := l.Read(name)
	if err != nil {
		return "", err
	}
	aside := asideName(name, func(n string) bool { _, err := l.Read(n); return err == nil })
	if err := l.Write(aside, data); err != nil {
		return "", err
	}
	return aside, l.Remove(name)
}
