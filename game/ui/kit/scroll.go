package kit

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Scroll keeps the offset of a scrolling area.
type Scroll struct {
	// Off is how far the content is scrolled, in device pixels.
	Off float64
}

// Update scrolls by the wheel (when the pointer is over view) and by the
// page keys, and keeps the offset in range.
func (s *Scroll) Update(in Input, view Rect, content, line float64) {
	if in.Wheel != 0 && view.Contains(in.Cursor) {
		s.Off -= in.Wheel * line * 3
	}
	switch {
	case in.PageDown:
		s.Off += view.H * 0.9
	case in.PageUp:
		s.Off -= view.H * 0.9
	case in.Home:
		s.Off = 0
	case in.End:
		s.Off = content
	}
	s.Clamp(view, content)
}

// Clamp keeps the offset in range.
func (s *Scroll) Clamp(view Rect, content float64) {
	s.Off = math.Max(0, math.Min(s.Off, content-view.H))
}

// Show scrolls so that the span y..y+h (content coordinates) is visible.
func (s *Scroll) Show(view Rect, content, y, h float64) {
	if y < s.Off {
		s.Off = y
	}
	if y+h > s.Off+view.H {
		s.Off = y + h - view.H
	}
	s.Clamp(view, content)
}

// Scrollbar draws the position of a scrolled view, when it scrolls: a
// thin track at x (usually just inside the view's right edge), inset
// from the view's top and bottom by inset.
func Scrollbar(c *Context, dst *ebiten.Image, view Rect, x, inset, content, off float64) {
	if content <= view.H+0.5 {
		return
	}
	st := c.Style()
	track := Rect{x, view.Y + inset, st.D(4), view.H - 2*inset}
	view = track
	c.Paint.Round(dst, track, track.W/2, Alpha(st.Pal.Border, 0.6))
	h := math.Max(view.H*view.H/content, st.D(24))
	y := view.Y + (view.H-h)*off/(content-view.H)
	c.Paint.Round(dst, Rect{track.X, y, track.W, h}, track.W/2, st.Pal.Muted)
}

// FadeEdges softens the top and bottom of a scrolled view where more
// content lies beyond, so a cut line reads as "scroll for more".
func FadeEdges(c *Context, dst *ebiten.Image, view Rect, content, off float64, bg color.RGBA) {
	st := c.Style()
	h := st.D(28)
	const steps = 10
	edge := func(i int) float64 { return math.Round(h * float64(i) / steps) }
	for i := 0; i < steps; i++ {
		t := float64(i+1) / steps
		clr := Alpha(bg, t*t*0.95)
		y0, y1 := edge(i), edge(i+1)
		if off+view.H < content-0.5 {
			c.Paint.FillRect(dst, Rect{view.X, math.Round(view.Bottom()-h) + y0, view.W, y1 - y0}, clr)
		}
		if off > 0.5 {
			c.Paint.FillRect(dst, Rect{view.X, math.Round(view.Y+h) - y1, view.W, y1 - y0}, clr)
		}
	}
}
