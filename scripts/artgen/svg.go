package main

import (
	"fmt"
	"strings"
)

// canvas builds one SVG document: shapes of our own drawn in the game's
// dusk palette, and Fluent Emoji glyphs placed on them.
type canvas struct {
	w, h  float64
	icons *iconSet
	sb    strings.Builder
	n     int // glyphs placed, for unique id prefixes
	err   error
}

func newCanvas(icons *iconSet, w, h float64) *canvas {
	c := &canvas{w: w, h: h, icons: icons}
	fmt.Fprintf(&c.sb, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g">`, w, h, w, h)
	return c
}

func (c *canvas) raw(format string, args ...any) { fmt.Fprintf(&c.sb, format, args...) }

func (c *canvas) rect(x, y, w, h, r float64, fill string) {
	c.raw(`<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>`, x, y, w, h, r, fill)
}

func (c *canvas) circle(cx, cy, r float64, fill string) {
	c.raw(`<circle cx="%g" cy="%g" r="%g" fill="%s"/>`, cx, cy, r, fill)
}

func (c *canvas) ellipse(cx, cy, rx, ry float64, fill string) {
	c.raw(`<ellipse cx="%g" cy="%g" rx="%g" ry="%g" fill="%s"/>`, cx, cy, rx, ry, fill)
}

func (c *canvas) ring(cx, cy, r, width float64, stroke string) {
	c.raw(`<circle cx="%g" cy="%g" r="%g" fill="none" stroke="%s" stroke-width="%g"/>`, cx, cy, r, stroke, width)
}

// poly fills the polygon through the points x0 y0 x1 y1 ...
func (c *canvas) poly(fill string, pts ...float64) {
	var b strings.Builder
	for i := 0; i+1 < len(pts); i += 2 {
		fmt.Fprintf(&b, "%g,%g ", pts[i], pts[i+1])
	}
	c.raw(`<polygon points="%s" fill="%s"/>`, strings.TrimSpace(b.String()), fill)
}

func (c *canvas) line(x0, y0, x1, y1, width float64, stroke string) {
	c.raw(`<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="%g" stroke-linecap="round"/>`, x0, y0, x1, y1, stroke, width)
}

// moon draws a crescent moon: a disc with a bite taken out by a mask, so
// it sits on any sky.
func (c *canvas) moon(cx, cy, r float64) {
	c.n++
	id := fmt.Sprintf("moon%d", c.n)
	c.raw(`<mask id="%s"><circle cx="%g" cy="%g" r="%g" fill="#fff"/><circle cx="%g" cy="%g" r="%g" fill="#000"/></mask>`,
		id, cx, cy, r, cx+r*0.45, cy-r*0.3, r*0.85)
	c.raw(`<circle cx="%g" cy="%g" r="%g" fill="#d9e4ec" mask="url(#%s)"/>`, cx, cy, r, id)
}

// group wraps what draw adds in a group with an opacity (1 = opaque).
func (c *canvas) group(opacity float64, draw func()) {
	c.raw(`<g opacity="%g">`, opacity)
	draw()
	c.raw(`</g>`)
}

// clipRound clips everything drawn by draw to a rounded rectangle the size
// of the canvas, so the picture sits on any background with soft corners.
func (c *canvas) clipRound(r float64, draw func()) {
	c.raw(`<defs><clipPath id="frame"><rect width="%g" height="%g" rx="%g"/></clipPath></defs><g clip-path="url(#frame)">`, c.w, c.h, r)
	draw()
	c.raw(`</g>`)
}

// emoji places a glyph of size s (its height) with its bottom centre at
// (cx, bottom); flip mirrors it so people can face each other.
func (c *canvas) emoji(name string, cx, bottom, s float64, flip bool) {
	ic, err := c.icons.get(name)
	if err != nil {
		if c.err == nil {
			c.err = err
		}
		return
	}
	if ic.hFlip {
		flip = !flip
	}
	c.n++
	w := s * float64(ic.w) / float64(ic.h)
	x, y := cx-w/2, bottom-s
	tr := fmt.Sprintf("translate(%g %g) scale(%g)", x, y, s/float64(ic.h))
	if flip {
		tr = fmt.Sprintf("translate(%g %g) scale(%g %g)", x+w, y, -s/float64(ic.h), s/float64(ic.h))
	}
	c.raw(`<g transform="%s">%s</g>`, tr, scopeIDs(ic.body, fmt.Sprintf("e%d-", c.n)))
}

// shadow is the soft ellipse under something standing on the floor.
func (c *canvas) shadow(cx, y, rx float64) {
	c.raw(`<ellipse cx="%g" cy="%g" rx="%g" ry="%g" fill="#000000" fill-opacity="0.2"/>`, cx, y, rx, rx*0.1)
}

func (c *canvas) svg() (string, error) {
	if c.err != nil {
		return "", c.err
	}
	return c.sb.String() + `</svg>`, nil
}
