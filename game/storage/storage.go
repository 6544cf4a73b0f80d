// Package storage keeps small named documents (saves, settings, history)
// where the platform can: files in the user's config folder on the
// desktop, localStorage in the browser. It never imports Ebitengine.
package storage

import (
	"errors"
	"fmt"
	"regexp"
)

// Store reads and writes named documents. Names are short words like
// "save.json" or "history.jsonl".
type Store interface {
	// Read returns a document, or an error wrapping ErrNotFound.
	Read(name string) ([]byte, error)
	// Write replaces a document atomically: a crash leaves the old or the
	// new content, never a mix.
	Write(name string, data []byte) error
	// Append adds to the end of a document and makes it durable.
	Append(name string, data []byte) error
	// Remove deletes a document; removing a missing one is not an error.
	Remove(name string) error
	// SetAside renames a damaged document so it is kept for inspection but
	// no longer read; it returns the new name.
	SetAside(name string) (string, error)
	// Where says where documents live, for messages.
	Where() string
}

// ErrNotFound is returned by Read for a document that does not exist.
var ErrNotFound = errors.New("not found")

// ErrUnavailable is returned when the platform's storage cannot be used
// (browser private mode, storage disabled, disk full).
var ErrUnavailable = errors.New("storage unavailable")

var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

func checkName(name string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("storage: bad document name %q", name)
	}
	return nil
}

// Memory is a Store held in memory, for tests and as the fallback when the
// platform's storage is unavailable.
type Memory struct {
	docs map[string][]byte
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{docs: map[string][]byte{}} }

// Read implements Store.
func (m *Memory) Read(name string) ([]byte, error) {
	d, ok := m.docs[name]
	if !ok {
		return nil, fmt.Errorf("storage: %s: %w", name, ErrNotFound)
	}
	return append([]byte(nil), d...), nil
}

// Write implements Store.
func (m *Memory) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.docs[name] = append([]byte(nil), data...)
	return nil
}

// Append implements Store.
func (m *Memory) Append(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.docs[name] = append(m.docs[name], data...)
	return nil
}

// Remove implements Store.
func (m *Memory) Remove(name string) error { delete(m.docs, name); return nil }

// SetAside implements Store.
func (m *Memory) SetAside(name string) (string, error) {
	d, ok := m.docs[name]
	if !ok {
		return "", fmt.Errorf("storage: %s: %w", name, ErrNotFound)
	}
	aside := asideName(name, func(n string) bool { _, ok := m.docs[n]; return ok })
	m.docs[aside] = d
	delete(m.docs, name)
	return aside, nil
}

// Where implements Store.
func (m *Memory) Where() string { return "memory (not kept after the game closes)" }

// asideName picks name.broken, name.broken-2, ... that does not exist yet.
func asideName(name string, exists func(string) bool) string {
	cand := name + ".broken"
	for i := 2; exists(cand); i++ {
		cand = fmt.Sprintf("%s.broken-%d", name, i)
	}
	return cand
}

// ReadAtMost reads up to limit bytes of a document, plus one byte so the
// caller can tell the document was longer. Stores that can read part of a
// document (files) do so; the others read it whole.
func ReadAtMost(st Store, name string, limit int) ([]byte, error) {
	if p, ok := st.(interface {
		readAtMost(string, int) ([]byte, error)
	}); ok {
		return p.readAtMost(name, limit)
	}
	return st.Read(name)
}
