package kit

import (
	"math"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Field is a one-line text field: what was typed, the error to show under
// it, and the rules of what it takes.
type Field struct {
	Value []rune
	// Err, when set, replaces the hint under the field.
	Err string
	// Limit bounds the runes it takes; Keep accepts (and may change) a
	// typed rune.
	Limit int
	Keep  func(rune) (rune, bool)
	// Placeholder shows in the empty field; Hint shows under it.
	Placeholder, Hint string
}

// Type applies a tick's typing: runes Keep accepts are appended up to
// Limit, and Backspace erases the last one. A change clears Err. It
// reports whether the text changed.
func (f *Field) Type(in Input) bool {
	changed := false
	for _, r := range in.Runes {
		if len(f.Value) >= f.Limit {
			break
		}
		if k, ok := f.Keep(r); ok {
			f.Value = append(f.Value, k)
			changed = true
		}
	}
	if in.Erase && len(f.Value) > 0 {
		f.Value = f.Value[:len(f.Value)-1]
		changed = true
	}
	if changed {
		f.Err = ""
	}
	return changed
}

// Draw draws the field with its caret, showing the end of a value too
// long to fit, and under it, in msgBox, the hint or the error.
func (f *Field) Draw(c *Context, dst *ebiten.Image, field, msgBox Rect) {
	st := c.Style()
	pal := st.Pal
	c.Paint.Round(dst, field, st.D(10), pal.Sunken)
	c.Paint.RoundStroke(dst, field, st.D(10), st.D(2), pal.Focus)
	in := field.InsetXY(st.D(18), 0)
	shown := string(f.Value)
	for shown != "" && text.Advance(shown, st.Mono) > in.W-st.D(4) {
		_, size := utf8.DecodeRuneInString(shown)
		shown = shown[size:]
	}
	if shown == "" {
		c.Paint.TextIn(dst, f.Placeholder, st.Mono, in, 0, pal.Faint)
	} else {
		c.Paint.TextIn(dst, shown, st.Mono, in, 0, pal.Text)
	}
	cx := in.X + math.Min(text.Advance(shown, st.Mono), in.W) + st.D(2)
	c.Paint.FillRect(dst, Rect{cx, field.Y + st.D(14), st.D(2), field.H - st.D(28)}, pal.Focus)
	msg, clr := f.Hint, pal.Faint
	if f.Err != "" {
		msg, clr = f.Err, pal.Bad
	}
	c.Paint.Lines(dst, ClampLines(c.Wrap.Wrap(msg, st.Small, msgBox.W), 2, st.Small, msgBox.W), st.Small, msgBox, clr, 1.3)
}
