package main

import (
	"fmt"
	"io"
	"unicode/utf8"

	"runwayladder/game/scenario"
)

// termWriter escapes what careersim prints for a person: the characters a
// terminal would act on (escape sequences, OSC, bidirectional overrides:
// scenario.UnsafeRune) become \uXXXX, and bytes that are not UTF-8 become
// \xNN, so a scenario title or an imported record cannot drive the
// terminal. \uXXXX is also JSON's own escape, so --json output keeps its
// meaning.
type termWriter struct {
	w       io.Writer
	pending []byte // the start of a character cut by the end of a Write
	buf     []byte
}

func newTermWriter(w io.Writer) *termWriter { return &termWriter{w: w} }

// Write implements io.Writer; it returns len(p) when all was written.
func (t *termWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	out := t.buf[:0]
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if scenario.UnsafeRune(rune(c)) {
				out = fmt.Appendf(out, `\u%04x`, c)
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(data[i:]) && len(data)-i < utf8.UTFMax:
			// Cut by the end of this Write: finish it with the next.
			t.pending = append([]byte(nil), data[i:]...)
			i = len(data)
		case r == utf8.RuneError && size <= 1:
			out = fmt.Appendf(out, `\x%02x`, data[i])
			i++
		case scenario.UnsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
			i += size
		default:
			out = append(out, data[i:i+size]...)
			i += size
		}
	}
	t.buf = out
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left cut at the end of the output as the bytes
// it holds.
func (t *termWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	var out []byte
	for _, c := range t.pending {
		out = fmt.Appendf(out, `\x%02x`, c)
	}
	t.pending = nil
	_, err := t.w.Write(out)
	return err
}
