package ui

import (
	"math"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// typeInto applies a tick's typing to a text field: runes accepted by
// keep (which may also transform them) are appended up to limit, and
// Backspace erases the last one. It reports whether the text changed, so
// the caller can clear a stale error.
func typeInto(buf []rune, in Input, limit int, keep func(rune) (rune, bool)) ([]rune, bool) {
	changed := false
	for _, r := range in.Runes {
		if len(buf) >= limit {
			break
		}
		if k, ok := keep(r); ok {
			buf = append(buf, k)
			changed = true
		}
	}
	if in.Erase && len(buf) > 0 {
		buf = buf[:len(buf)-1]
		changed = true
	}
	return buf, changed
}

// drawField draws a one-line text field with its caret, showing the end of
// a value too long to fit, and under it the hint or, when set, the error.
func (a *app) drawField(dst *ebiten.Image, field, msgBox Rect, value []rune, placeholder, hint, err string) {
	st := a.style()
	pal := st.pal
	a.paint.round(dst, field, st.d(10), pal.Sunken)
	a.paint.roundStroke(dst, field, st.d(10), st.d(2), pal.Focus)
	in := field.InsetXY(st.d(18), 0)
	shown := string(value)
	for shown != "" && text.Advance(shown, st.mono) > in.W-st.d(4) {
		_, size := utf8.DecodeRuneInString(shown)
		shown = shown[size:]
	}
	if shown == "" {
		a.paint.textIn(dst, placeholder, st.mono, in, 0, pal.Faint)
	} else {
		a.paint.textIn(dst, shown, st.mono, in, 0, pal.Text)
	}
	cx := in.X + math.Min(text.Advance(shown, st.mono), in.W) + st.d(2)
	a.paint.rect(dst, Rect{cx, field.Y + st.d(14), st.d(2), field.H - st.d(28)}, pal.Focus)
	msg, clr := hint, pal.Faint
	if err != "" {
		msg, clr = err, pal.Bad
	}
	a.paint.lines(dst, clampLines(a.wrap.wrap(msg, st.small, msgBox.W), 2, st.small, msgBox.W), st.small, msgBox, clr, 1.3)
}
