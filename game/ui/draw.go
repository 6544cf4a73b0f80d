package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// painter draws shapes and text. It owns its scratch buffers and the white
// texture triangles are drawn with, so nothing lives in package variables.
type painter struct {
	white *ebiten.Image
	vs    []ebiten.Vertex
	is    []uint16
	// rec, when set (tests), records every piece of text drawn with the
	// box it was meant to stay inside.
	rec *[]drawnText
}

// drawnText is one piece of text as drawn, for layout checks.
type drawnText struct {
	Text      string
	Box, Clip Rect
}

func newPainter() *painter {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return &painter{white: img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)}
}

func (p *painter) drawVertices(dst *ebiten.Image, clr color.RGBA, fillAll bool) {
	r, g, b, a := clr.RGBA()
	for i := range p.vs {
		v := &p.vs[i]
		v.SrcX, v.SrcY = 1, 1
		v.ColorR, v.ColorG, v.ColorB, v.ColorA = float32(r)/0xffff, float32(g)/0xffff, float32(b)/0xffff, float32(a)/0xffff
	}
	op := &ebiten.DrawTrianglesOptions{AntiAlias: true, ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha}
	if fillAll {
		op.FillRule = ebiten.FillRuleFillAll
	} else {
		op.FillRule = ebiten.FillRuleNonZero
	}
	dst.DrawTriangles(p.vs, p.is, p.white, op)
}

// fill fills a path.
func (p *painter) fill(dst *ebiten.Image, path *vector.Path, clr color.RGBA) {
	p.vs, p.is = path.AppendVerticesAndIndicesForFilling(p.vs[:0], p.is[:0])
	p.drawVertices(dst, clr, false)
}

// stroke strokes a path with round joins and caps.
func (p *painter) stroke(dst *ebiten.Image, path *vector.Path, width float64, clr color.RGBA) {
	p.vs, p.is = path.AppendVerticesAndIndicesForStroke(p.vs[:0], p.is[:0], &vector.StrokeOptions{
		Width: float32(width), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
	p.drawVertices(dst, clr, true)
}

// rect fills an axis-aligned rectangle.
func (p *painter) rect(dst *ebiten.Image, r Rect, clr color.RGBA) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	vector.DrawFilledRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), clr, false)
}

func roundRectPath(path *vector.Path, r Rect, rad float64) {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	x, y, w, h, c := float32(r.X), float32(r.Y), float32(r.W), float32(r.H), float32(rad)
	if c <= 0.5 {
		path.MoveTo(x, y)
		path.LineTo(x+w, y)
		path.LineTo(x+w, y+h)
		path.LineTo(x, y+h)
		path.Close()
		return
	}
	path.MoveTo(x+c, y)
	path.LineTo(x+w-c, y)
	path.ArcTo(x+w, y, x+w, y+c, c)
	path.LineTo(x+w, y+h-c)
	path.ArcTo(x+w, y+h, x+w-c, y+h, c)
	path.LineTo(x+c, y+h)
	path.ArcTo(x, y+h, x, y+h-c, c)
	path.LineTo(x, y+c)
	path.ArcTo(x, y, x+c, y, c)
	path.Close()
}

// round fills a rounded rectangle.
func (p *painter) round(dst *ebiten.Image, r Rect, rad float64, clr color.RGBA) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	var path vector.Path
	roundRectPath(&path, r, rad)
	p.fill(dst, &path, clr)
}

// roundStroke outlines a rounded rectangle, the stroke inside r.
func (p *painter) roundStroke(dst *ebiten.Image, r Rect, rad, width float64, clr color.RGBA) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	var path vector.Path
	roundRectPath(&path, r.Inset(width/2), math.Max(rad-width/2, 0))
	p.stroke(dst, &path, width, clr)
}

// line strokes a segment.
func (p *painter) line(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.RGBA) {
	var path vector.Path
	path.MoveTo(float32(x0), float32(y0))
	path.LineTo(float32(x1), float32(y1))
	p.stroke(dst, &path, width, clr)
}

// circle fills a circle.
func (p *painter) circle(dst *ebiten.Image, cx, cy, r float64, clr color.RGBA) {
	var path vector.Path
	path.Arc(float32(cx), float32(cy), float32(r), 0, 2*math.Pi, vector.Clockwise)
	path.Close()
	p.fill(dst, &path, clr)
}

// ring strokes a circle.
func (p *painter) ring(dst *ebiten.Image, cx, cy, r, width float64, clr color.RGBA) {
	var path vector.Path
	path.Arc(float32(cx), float32(cy), float32(r), 0, 2*math.Pi, vector.Clockwise)
	path.Close()
	p.stroke(dst, &path, width, clr)
}

// text draws one line with its top-left at (x, y). clip is the box the
// text must stay inside (recorded for layout checks; drawing is not cut).
func (p *painter) text(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, clr color.RGBA, clip Rect) float64 {
	if s == "" {
		return 0
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
	w := text.Advance(s, face)
	if p.rec != nil {
		*p.rec = append(*p.rec, drawnText{Text: s, Box: Rect{x, y, w, lineH(face)}, Clip: clip})
	}
	return w
}

// textCut draws one line into a scrolled view: dst is clipped to view,
// so a line half out of view is cut, and only lines wholly inside are
// recorded for layout checks.
func (p *painter) textCut(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, clr color.RGBA, view Rect) {
	h := lineH(face)
	if y+h < view.Y || y > view.Bottom() {
		return
	}
	if y >= view.Y && y+h <= view.Bottom() {
		p.text(dst, s, face, x, y, clr, Rect{view.X, view.Y, view.W, view.H})
		return
	}
	rec := p.rec
	p.rec = nil
	p.text(dst, s, face, x, y, clr, view)
	p.rec = rec
}

// textIn draws one line inside box, aligned by align (0 left, 0.5 centre,
// 1 right) and centred vertically, shortened with an ellipsis if too wide.
func (p *painter) textIn(dst *ebiten.Image, s string, face *text.GoTextFace, box Rect, align float64, clr color.RGBA) {
	s = ellipsize(s, face, box.W)
	w := text.Advance(s, face)
	h := lineH(face)
	p.text(dst, s, face, box.X+(box.W-w)*align, box.Y+(box.H-h)/2, clr, box)
}

// lines draws wrapped lines from the top of box and returns the height used.
func (p *painter) lines(dst *ebiten.Image, ls []string, face *text.GoTextFace, box Rect, clr color.RGBA, spacing float64) float64 {
	lh := lineH(face) * spacing
	y := box.Y
	for _, l := range ls {
		p.text(dst, l, face, box.X, y, clr, box)
		y += lh
	}
	return y - box.Y
}
