package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// panel draws a raised card.
func (a *app) panel(dst *ebiten.Image, r Rect) {
	st := a.style()
	a.paint.round(dst, r, st.d(10), st.pal.Panel)
	w := st.d(1)
	if a.settings.HighContrast {
		w = st.d(2)
	}
	a.paint.roundStroke(dst, r, st.d(10), w, st.pal.Border)
}

// focusRing outlines the focused control, outside r.
func (a *app) focusRing(dst *ebiten.Image, r Rect, rad float64) {
	st := a.style()
	g := st.d(3)
	a.paint.roundStroke(dst, Rect{r.X - g, r.Y - g, r.W + 2*g, r.H + 2*g}, rad+g, st.d(2.5), st.pal.Focus)
}

// button draws a button: a rounded box with a centred label and an
// optional key hint at its right.
func (a *app) button(dst *ebiten.Image, r Rect, label, key string, focused, enabled, primary bool) {
	st := a.style()
	pal := st.pal
	bg, fg := pal.Raised, pal.Text
	switch {
	case !enabled:
		bg, fg = pal.Sunken, pal.Faint
	case primary:
		bg, fg = pal.Accent, pal.AccentText
	}
	rad := st.d(8)
	a.paint.round(dst, r, rad, bg)
	if a.settings.HighContrast || !primary {
		a.paint.roundStroke(dst, r, rad, st.d(1), mix(pal.Border, fg, 0.25))
	}
	inner := r.InsetXY(st.d(14), 0)
	if key != "" {
		kw := a.keycapWidth(key)
		kr := Rect{inner.Right() - kw, r.Y + (r.H-st.d(22))/2, kw, st.d(22)}
		a.keycap(dst, kr, key, primary && enabled)
		inner.W -= kw + st.d(8)
	}
	a.paint.textIn(dst, label, st.bodyBold, inner, 0.5, fg)
	if focused {
		a.focusRing(dst, r, rad)
	}
}

func (a *app) keycapWidth(key string) float64 {
	st := a.style()
	return math.Max(text.Advance(key, st.label)+st.d(12), st.d(22))
}

// keycap draws a key label such as "1" or "Esc".
func (a *app) keycap(dst *ebiten.Image, r Rect, key string, onAccent bool) {
	st := a.style()
	pal := st.pal
	bg, fg := pal.Sunken, pal.Muted
	if onAccent {
		bg, fg = alpha(pal.AccentText, 0.18), pal.AccentText
	}
	a.paint.round(dst, r, st.d(5), bg)
	a.paint.roundStroke(dst, r, st.d(5), st.d(1), mix(pal.Border, fg, 0.3))
	a.paint.textIn(dst, key, st.label, r, 0.5, fg)
}

// chip draws a small rounded label and returns its width.
func (a *app) chip(dst *ebiten.Image, x, y float64, label string, clr color.RGBA, clip Rect) float64 {
	st := a.style()
	w := text.Advance(label, st.small) + st.d(16)
	h := lineH(st.small) + st.d(6)
	r := Rect{x, y, w, h}
	a.paint.round(dst, r, h/2, alpha(clr, 0.16))
	a.paint.roundStroke(dst, r, h/2, st.d(1), alpha(clr, 0.7))
	a.paint.text(dst, label, st.small, x+st.d(8), y+st.d(3), clr, clip)
	return w
}

func (a *app) chipWidth(label string) float64 {
	st := a.style()
	return text.Advance(label, st.small) + st.d(16)
}

func (a *app) chipHeight() float64 {
	st := a.style()
	return lineH(st.small) + st.d(6)
}

// meter draws a horizontal bar filled to frac.
func (a *app) meter(dst *ebiten.Image, r Rect, frac float64, clr color.RGBA) {
	st := a.style()
	a.paint.round(dst, r, r.H/2, st.pal.Sunken)
	if a.settings.HighContrast {
		a.paint.roundStroke(dst, r, r.H/2, st.d(1), st.pal.Faint)
	}
	if f := clamp01(frac); f > 0 {
		a.paint.round(dst, Rect{r.X, r.Y, math.Max(r.W*f, r.H), r.H}, r.H/2, clr)
	}
}

// header draws a screen's title bar: a title, a line under it, and hints
// at the right. It returns the area below.
func (a *app) header(dst *ebiten.Image, r Rect, title, sub string) {
	st := a.style()
	a.paint.text(dst, ellipsize(title, st.title, r.W), st.title, r.X, r.Y, st.pal.Text, r)
	if sub != "" {
		a.paint.text(dst, ellipsize(sub, st.small, r.W), st.small, r.X, r.Y+lineH(st.title)+st.d(2), st.pal.Muted, r)
	}
}

// headerHeight is the height header needs.
func headerHeight(st *style, sub bool) float64 {
	h := lineH(st.title)
	if sub {
		h += st.d(2) + lineH(st.small)
	}
	return h
}

// drawToast shows the current notice at the bottom of the screen.
func (a *app) drawToast(dst *ebiten.Image) {
	if a.toast == "" {
		return
	}
	st := a.style()
	// Bottom left, clear of the primary buttons, which sit at the right.
	maxW := math.Min(math.Max(a.w-st.d(380), a.w*0.5), st.d(700))
	ls := a.wrap.wrap(a.toast, st.small, maxW-st.d(32))
	ls = clampLines(ls, 3, st.small, maxW-st.d(32))
	w := 0.0
	for _, l := range ls {
		w = math.Max(w, text.Advance(l, st.small))
	}
	h := textHeight(len(ls), st.small, 1.2) + st.d(18)
	r := Rect{st.d(20), a.h - h - st.d(14), w + st.d(32), h}
	clr := st.pal.Good
	if a.toastBad {
		clr = st.pal.Warn
	}
	a.paint.round(dst, r, st.d(8), st.pal.Raised)
	a.paint.roundStroke(dst, r, st.d(8), st.d(1.5), clr)
	a.paint.overlay = true
	a.paint.lines(dst, ls, st.small, r.InsetXY(st.d(16), st.d(9)), st.pal.Text, 1.2)
	a.paint.overlay = false
}

// nav is keyboard and pointer focus over a list of controls.
type nav struct {
	focus int
}

// update applies the input to the focus: hovering focuses, clicking
// activates, arrows (a grid of cols columns) and Tab move, Enter and Space
// activate. It returns the index activated, or -1.
func (n *nav) update(in Input, rects []Rect, enabled []bool, cols int) int {
	count := len(rects)
	if count == 0 {
		return -1
	}
	ok := func(i int) bool { return i >= 0 && i < count && (enabled == nil || enabled[i]) }
	if n.focus < 0 || n.focus >= count {
		n.focus = 0
	}
	hit := -1
	for i, r := range rects {
		if r.Contains(in.Cursor) {
			hit = i
		}
	}
	if in.Moved && ok(hit) {
		n.focus = hit
	}
	if in.Click && hit >= 0 {
		if ok(hit) {
			n.focus = hit
			return hit
		}
		return -1
	}
	if cols < 1 {
		cols = 1
	}
	step := func(d int) {
		for i := n.focus + d; i >= 0 && i < count; i += d {
			if ok(i) {
				n.focus = i
				return
			}
		}
	}
	switch {
	case in.Down:
		step(cols)
	case in.Up:
		step(-cols)
	case in.Right && cols > 1, in.Next:
		step(1)
	case in.Left && cols > 1, in.Prev:
		step(-1)
	}
	if !ok(n.focus) {
		step(1)
	}
	if (in.Confirm || in.Space) && ok(n.focus) {
		return n.focus
	}
	return -1
}

// scroller keeps the offset of a scrolling area.
type scroller struct {
	off float64
}

// update scrolls by the wheel (when the pointer is over view) and by the
// page keys, and keeps the offset in range.
func (s *scroller) update(in Input, view Rect, content, line float64) {
	if in.Wheel != 0 && view.Contains(in.Cursor) {
		s.off -= in.Wheel * line * 3
	}
	switch {
	case in.PageDown:
		s.off += view.H * 0.9
	case in.PageUp:
		s.off -= view.H * 0.9
	case in.Home:
		s.off = 0
	case in.End:
		s.off = content
	}
	s.clamp(view, content)
}

func (s *scroller) clamp(view Rect, content float64) {
	s.off = math.Max(0, math.Min(s.off, content-view.H))
}

// show scrolls so that the span y..y+h (content coordinates) is visible.
func (s *scroller) show(view Rect, content, y, h float64) {
	if y < s.off {
		s.off = y
	}
	if y+h > s.off+view.H {
		s.off = y + h - view.H
	}
	s.clamp(view, content)
}

// scrollbar draws the position of a scrolled view, when it scrolls: a
// thin track at x (usually just inside the view's right edge), inset
// from the view's top and bottom by inset.
func (a *app) scrollbar(dst *ebiten.Image, view Rect, x, inset, content, off float64) {
	if content <= view.H+0.5 {
		return
	}
	st := a.style()
	track := Rect{x, view.Y + inset, st.d(4), view.H - 2*inset}
	view = track
	a.paint.round(dst, track, track.W/2, alpha(st.pal.Border, 0.6))
	h := math.Max(view.H*view.H/content, st.d(24))
	y := view.Y + (view.H-h)*off/(content-view.H)
	a.paint.round(dst, Rect{track.X, y, track.W, h}, track.W/2, st.pal.Muted)
}

// clipTo returns the part of dst inside r: drawing there is cut at r's
// edges, in dst's coordinates.
func clipTo(dst *ebiten.Image, r Rect) *ebiten.Image {
	return dst.SubImage(r.Image().Intersect(dst.Bounds())).(*ebiten.Image)
}

// iconBadge draws an icon on a soft circle.
func (a *app) iconBadge(dst *ebiten.Image, name string, r Rect, clr color.RGBA) {
	a.paint.circle(dst, r.X+r.W/2, r.Y+r.H/2, math.Min(r.W, r.H)/2, alpha(clr, 0.16))
	drawIcon(a.paint, dst, name, r.Inset(math.Min(r.W, r.H)*0.22), clr)
}

// fadeEdges softens the top and bottom of a scrolled view where more
// content lies beyond, so a cut line reads as "scroll for more".
func (a *app) fadeEdges(dst *ebiten.Image, view Rect, content, off float64, bg color.RGBA) {
	st := a.style()
	h := st.d(28)
	const steps = 10
	edge := func(i int) float64 { return math.Round(h * float64(i) / steps) }
	for i := 0; i < steps; i++ {
		t := float64(i+1) / steps
		c := alpha(bg, t*t*0.95)
		y0, y1 := edge(i), edge(i+1)
		if off+view.H < content-0.5 {
			a.paint.rect(dst, Rect{view.X, math.Round(view.Bottom()-h) + y0, view.W, y1 - y0}, c)
		}
		if off > 0.5 {
			a.paint.rect(dst, Rect{view.X, math.Round(view.Y+h) - y1, view.W, y1 - y0}, c)
		}
	}
}
