package kit

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Panel draws a raised card.
func Panel(c *Context, dst *ebiten.Image, r Rect) {
	st := c.Style()
	c.Paint.Round(dst, r, st.D(10), st.Pal.Panel)
	w := st.D(1)
	if st.HighContrast {
		w = st.D(2)
	}
	c.Paint.RoundStroke(dst, r, st.D(10), w, st.Pal.Border)
}

// Card draws a flat card: a rounded panel-coloured box with a border.
func Card(c *Context, dst *ebiten.Image, r Rect, bg color.RGBA) {
	st := c.Style()
	c.Paint.Round(dst, r, st.D(10), bg)
	c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), st.Pal.Border)
}

// FocusRing outlines the focused control, outside r.
func FocusRing(c *Context, dst *ebiten.Image, r Rect, rad float64) {
	st := c.Style()
	g := st.D(3)
	c.Paint.RoundStroke(dst, Rect{r.X - g, r.Y - g, r.W + 2*g, r.H + 2*g}, rad+g, st.D(2.5), st.Pal.Focus)
}

// Button is a rounded box with a centred label and an optional key hint
// at its right. Screens hold their buttons by value.
type Button struct {
	Label string
	// Key is the key hint drawn at the right ("Esc", "Enter", "E").
	Key      string
	Primary  bool
	Disabled bool
}

// Draw draws the button into r.
func (b Button) Draw(c *Context, dst *ebiten.Image, r Rect, focused bool) {
	st := c.Style()
	pal := st.Pal
	bg, fg := pal.Raised, pal.Text
	switch {
	case b.Disabled:
		bg, fg = pal.Sunken, pal.Faint
	case b.Primary:
		bg, fg = pal.Accent, pal.AccentText
	}
	rad := st.D(8)
	c.Paint.Round(dst, r, rad, bg)
	if st.HighContrast || !b.Primary {
		c.Paint.RoundStroke(dst, r, rad, st.D(1), Mix(pal.Border, fg, 0.25))
	}
	inner := r.InsetXY(st.D(14), 0)
	if b.Key != "" {
		kw := KeycapWidth(st, b.Key)
		kr := Rect{inner.Right() - kw, r.Y + (r.H-st.D(22))/2, kw, st.D(22)}
		Keycap(c, dst, kr, b.Key, b.Primary && !b.Disabled)
		inner.W -= kw + st.D(8)
	}
	c.Paint.TextIn(dst, b.Label, st.BodyBold, inner, 0.5, fg)
	if focused {
		FocusRing(c, dst, r, rad)
	}
}

// Target is the button as a target at r.
func (b Button) Target(r Rect) Target {
	return Target{Label: b.Label, Key: b.Key, R: r, Enabled: !b.Disabled}
}

// KeycapWidth is the width of a key label.
func KeycapWidth(st *Style, key string) float64 {
	return math.Max(text.Advance(key, st.Label)+st.D(12), st.D(22))
}

// Keycap draws a key label such as "1" or "Esc".
func Keycap(c *Context, dst *ebiten.Image, r Rect, key string, onAccent bool) {
	st := c.Style()
	pal := st.Pal
	bg, fg := pal.Sunken, pal.Muted
	if onAccent {
		bg, fg = Alpha(pal.AccentText, 0.18), pal.AccentText
	}
	c.Paint.Round(dst, r, st.D(5), bg)
	c.Paint.RoundStroke(dst, r, st.D(5), st.D(1), Mix(pal.Border, fg, 0.3))
	c.Paint.TextIn(dst, key, st.Label, r, 0.5, fg)
}

// Chip draws a small rounded label with its top-left at (x, y) and
// returns its width.
func Chip(c *Context, dst *ebiten.Image, x, y float64, label string, clr color.RGBA, clip Rect) float64 {
	st := c.Style()
	w := ChipWidth(st, label)
	h := ChipHeight(st)
	r := Rect{x, y, w, h}
	c.Paint.Round(dst, r, h/2, Alpha(clr, 0.16))
	c.Paint.RoundStroke(dst, r, h/2, st.D(1), Alpha(clr, 0.7))
	c.Paint.Text(dst, label, st.Small, x+st.D(8), y+st.D(3), clr, clip)
	return w
}

// ChipWidth is the width of a chip.
func ChipWidth(st *Style, label string) float64 { return text.Advance(label, st.Small) + st.D(16) }

// ChipHeight is the height of a chip.
func ChipHeight(st *Style) float64 { return LineH(st.Small) + st.D(6) }

// Meter draws a horizontal bar filled to frac.
func Meter(c *Context, dst *ebiten.Image, r Rect, frac float64, clr color.RGBA) {
	st := c.Style()
	c.Paint.Round(dst, r, r.H/2, st.Pal.Sunken)
	if st.HighContrast {
		c.Paint.RoundStroke(dst, r, r.H/2, st.D(1), st.Pal.Faint)
	}
	if f := Clamp01(frac); f > 0 {
		c.Paint.Round(dst, Rect{r.X, r.Y, math.Max(r.W*f, r.H), r.H}, r.H/2, clr)
	}
}

// Header is a screen's title and the line under it.
type Header struct {
	Title, Sub string
}

// Draw draws the header at the top of r.
func (h Header) Draw(c *Context, dst *ebiten.Image, r Rect) {
	st := c.Style()
	c.Paint.Text(dst, Ellipsize(h.Title, st.Title, r.W), st.Title, r.X, r.Y, st.Pal.Text, r)
	if h.Sub != "" {
		c.Paint.Text(dst, Ellipsize(h.Sub, st.Small, r.W), st.Small, r.X, r.Y+LineH(st.Title)+st.D(2), st.Pal.Muted, r)
	}
}

// HeaderHeight is the height a header needs, with or without its line.
func HeaderHeight(st *Style, sub bool) float64 {
	h := LineH(st.Title)
	if sub {
		h += st.D(2) + LineH(st.Small)
	}
	return h
}

// ClipTo returns the part of dst inside r: drawing there is cut at r's
// edges, in dst's coordinates.
func ClipTo(dst *ebiten.Image, r Rect) *ebiten.Image {
	return dst.SubImage(r.Image().Intersect(dst.Bounds())).(*ebiten.Image)
}

// IconBadge draws an icon on a soft circle.
func IconBadge(c *Context, dst *ebiten.Image, name string, r Rect, clr color.RGBA) {
	c.Paint.Circle(dst, r.X+r.W/2, r.Y+r.H/2, math.Min(r.W, r.H)/2, Alpha(clr, 0.16))
	DrawIcon(c.Paint, dst, name, r.Inset(math.Min(r.W, r.H)*0.22), clr)
}

// Swatch draws a small rounded square of colour beside a legend's line of
// face f starting at y.
func Swatch(c *Context, dst *ebiten.Image, x, y float64, f text.Face, clr color.RGBA) {
	st := c.Style()
	sw := st.D(10)
	c.Paint.Round(dst, Rect{x, y + LineH(f)/2 - sw/2, sw, sw}, st.D(2), clr)
}
