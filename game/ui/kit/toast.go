package kit

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Toast is a short notice at the bottom left of the window, over the
// screen: good news for 3 seconds, a problem for 6.
type Toast struct {
	Msg   string
	Bad   bool
	Until time.Time
}

// Say shows msg from now on.
func (t *Toast) Say(now time.Time, msg string, bad bool) {
	t.Msg, t.Bad = msg, bad
	d := 3 * time.Second
	if bad {
		d = 6 * time.Second
	}
	t.Until = now.Add(d)
}

// Tick clears the notice once its time is up and reports whether one was
// showing (the frame must be drawn again).
func (t *Toast) Tick(now time.Time) bool {
	if t.Msg == "" {
		return false
	}
	if !now.Before(t.Until) {
		t.Msg = ""
	}
	return true
}

// Draw draws the notice, if any. Its text is recorded as an overlay.
func (t *Toast) Draw(c *Context, dst *ebiten.Image) {
	if t.Msg == "" {
		return
	}
	st := c.Style()
	// Bottom left, clear of the primary buttons, which sit at the right.
	maxW := math.Min(math.Max(c.W-st.D(380), c.W*0.5), st.D(700))
	ls := c.Wrap.Wrap(t.Msg, st.Small, maxW-st.D(32))
	ls = ClampLines(ls, 3, st.Small, maxW-st.D(32))
	w := 0.0
	for _, l := range ls {
		w = math.Max(w, text.Advance(l, st.Small))
	}
	h := TextHeight(len(ls), st.Small, 1.2) + st.D(18)
	r := Rect{st.D(20), c.H - h - st.D(14), w + st.D(32), h}
	clr := st.Pal.Good
	if t.Bad {
		clr = st.Pal.Warn
	}
	c.Paint.Round(dst, r, st.D(8), st.Pal.Raised)
	c.Paint.RoundStroke(dst, r, st.D(8), st.D(1.5), clr)
	c.Paint.Overlay = true
	c.Paint.Lines(dst, ls, st.Small, r.InsetXY(st.D(16), st.D(9)), st.Pal.Text, 1.2)
	c.Paint.Overlay = false
}
