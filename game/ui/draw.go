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
	// tiles caches the anti-aliased shapes.
	tiles map[tileKey]*ebiten.Image
	// overlay marks what is drawn now as an overlay, for the recorder.
	overlay bool
}

// drawnText is one piece of text as drawn, for layout checks.
type drawnText struct {
	Text      string
	Box, Clip Rect
	// Overlay text (notices) is drawn over the screen on purpose.
	Overlay bool
}

func newPainter() *painter {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return &painter{white: img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), tiles: map[tileKey]*ebiten.Image{}}
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

// fill fills a path, anti-aliased. It is costly: use it for tiles and
// for the few shapes that are drawn once (charts, the title's backdrop).
func (p *painter) fill(dst *ebiten.Image, path *vector.Path, clr color.RGBA) {
	p.fillAA(dst, path, clr)
}

// stroke strokes a path with round joins and caps, anti-aliased.
func (p *painter) stroke(dst *ebiten.Image, path *vector.Path, width float64, clr color.RGBA) {
	p.strokeAA(dst, path, width, clr)
}

func (p *painter) fillAA(dst *ebiten.Image, path *vector.Path, clr color.RGBA) {
	p.vs, p.is = path.AppendVerticesAndIndicesForFilling(p.vs[:0], p.is[:0])
	p.drawVertices(dst, clr, false)
}

func (p *painter) strokeAA(dst *ebiten.Image, path *vector.Path, width float64, clr color.RGBA) {
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

// Anti-aliased triangles are costly in Ebitengine (each draw goes through
// a double-size offscreen buffer), and with software rendering a frame of
// them takes most of a second. So curved shapes are drawn once into small
// tiles (a disc, a ring, an icon) and the screen is assembled from tiles
// and plain rectangles, which batch into a few draw calls.

type tileKind int

const (
	tileDisc tileKind = iota
	tileRing
	tileIcon
	tileScene
)

type tileKey struct {
	kind  tileKind
	size  int // diameter or side in pixels
	width int // ring width in pixels
	clr   color.RGBA
	name  string
}

// maxTiles bounds the cache; it is emptied when full (sizes change when
// the window is resized or the text size is changed).
const maxTiles = 800

// tile returns the cached tile for k, drawing it the first time.
func (p *painter) tile(k tileKey, w, h int, draw func(img *ebiten.Image)) *ebiten.Image {
	if img, ok := p.tiles[k]; ok {
		return img
	}
	if len(p.tiles) >= maxTiles {
		for key, img := range p.tiles {
			img.Deallocate()
			delete(p.tiles, key)
		}
	}
	img := ebiten.NewImage(max(w, 1), max(h, 1))
	draw(img)
	p.tiles[k] = img
	return img
}

// blit draws src (or its part sr) with its top-left at (x, y).
func blit(dst, src *ebiten.Image, sr image.Rectangle, x, y float64) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(x, y)
	dst.DrawImage(src.SubImage(sr).(*ebiten.Image), op)
}

// disc returns a tile of a filled circle of diameter d.
func (p *painter) disc(d int, clr color.RGBA) *ebiten.Image {
	return p.tile(tileKey{kind: tileDisc, size: d, clr: clr}, d, d, func(img *ebiten.Image) {
		var path vector.Path
		r := float32(d) / 2
		path.Arc(r, r, r, 0, 2*math.Pi, vector.Clockwise)
		path.Close()
		p.fillAA(img, &path, clr)
	})
}

// ringTile returns a tile of a circle outline of diameter d and width w,
// the stroke inside the diameter.
func (p *painter) ringTile(d, w int, clr color.RGBA) *ebiten.Image {
	return p.tile(tileKey{kind: tileRing, size: d, width: w, clr: clr}, d, d, func(img *ebiten.Image) {
		var path vector.Path
		r := float32(d) / 2
		path.Arc(r, r, r-float32(w)/2, 0, 2*math.Pi, vector.Clockwise)
		path.Close()
		p.strokeAA(img, &path, float64(w), clr)
	})
}

// snap rounds a rectangle to whole pixels.
func snap(r Rect) (x0, y0, x1, y1 float64) {
	return math.Round(r.X), math.Round(r.Y), math.Round(r.Right()), math.Round(r.Bottom())
}

// round fills a rounded rectangle: four corners from a disc tile and
// three plain rectangles.
func (p *painter) round(dst *ebiten.Image, r Rect, rad float64, clr color.RGBA) {
	x0, y0, x1, y1 := snap(r)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	R := min(int(math.Round(rad)), int(math.Min(w, h))/2)
	if R < 1 {
		p.rect(dst, Rect{x0, y0, w, h}, clr)
		return
	}
	fr := float64(R)
	d := p.disc(2*R, clr)
	blit(dst, d, image.Rect(0, 0, R, R), x0, y0)
	blit(dst, d, image.Rect(R, 0, 2*R, R), x1-fr, y0)
	blit(dst, d, image.Rect(0, R, R, 2*R), x0, y1-fr)
	blit(dst, d, image.Rect(R, R, 2*R, 2*R), x1-fr, y1-fr)
	p.rect(dst, Rect{x0 + fr, y0, w - 2*fr, fr}, clr)
	p.rect(dst, Rect{x0, y0 + fr, w, h - 2*fr}, clr)
	p.rect(dst, Rect{x0 + fr, y1 - fr, w - 2*fr, fr}, clr)
}

// roundStroke outlines a rounded rectangle, the stroke inside r.
func (p *painter) roundStroke(dst *ebiten.Image, r Rect, rad, width float64, clr color.RGBA) {
	x0, y0, x1, y1 := snap(r)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	sw := math.Max(math.Round(width), 1)
	R := max(min(int(math.Round(rad)), int(math.Min(w, h))/2), int(sw))
	fr := float64(R)
	if 2*fr > w || 2*fr > h {
		return // too small to outline
	}
	t := p.ringTile(2*R, int(sw), clr)
	blit(dst, t, image.Rect(0, 0, R, R), x0, y0)
	blit(dst, t, image.Rect(R, 0, 2*R, R), x1-fr, y0)
	blit(dst, t, image.Rect(0, R, R, 2*R), x0, y1-fr)
	blit(dst, t, image.Rect(R, R, 2*R, 2*R), x1-fr, y1-fr)
	p.rect(dst, Rect{x0 + fr, y0, w - 2*fr, sw}, clr)
	p.rect(dst, Rect{x0 + fr, y1 - sw, w - 2*fr, sw}, clr)
	p.rect(dst, Rect{x0, y0 + fr, sw, h - 2*fr}, clr)
	p.rect(dst, Rect{x1 - sw, y0 + fr, sw, h - 2*fr}, clr)
}

// line strokes a segment; axis-aligned ones are plain rectangles.
func (p *painter) line(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.RGBA) {
	switch {
	case x0 == x1:
		p.rect(dst, Rect{math.Round(x0 - width/2), math.Min(y0, y1), math.Max(math.Round(width), 1), math.Abs(y1 - y0)}, clr)
		return
	case y0 == y1:
		p.rect(dst, Rect{math.Min(x0, x1), math.Round(y0 - width/2), math.Abs(x1 - x0), math.Max(math.Round(width), 1)}, clr)
		return
	}
	var path vector.Path
	path.MoveTo(float32(x0), float32(y0))
	path.LineTo(float32(x1), float32(y1))
	p.stroke(dst, &path, width, clr)
}

// circle fills a circle from a disc tile.
func (p *painter) circle(dst *ebiten.Image, cx, cy, r float64, clr color.RGBA) {
	d := int(math.Round(2 * r))
	if d < 1 {
		return
	}
	blit(dst, p.disc(d, clr), image.Rect(0, 0, d, d), math.Round(cx-float64(d)/2), math.Round(cy-float64(d)/2))
}

// ring strokes a circle from a ring tile (the stroke centred on r).
func (p *painter) ring(dst *ebiten.Image, cx, cy, r, width float64, clr color.RGBA) {
	w := int(math.Max(math.Round(width), 1))
	d := int(math.Round(2*r)) + w
	blit(dst, p.ringTile(d, w, clr), image.Rect(0, 0, d, d), math.Round(cx-float64(d)/2), math.Round(cy-float64(d)/2))
}

// text draws one line with its top-left at (x, y). clip is the box the
// text must stay inside (recorded for layout checks; drawing is not cut).
func (p *painter) text(dst *ebiten.Image, s string, face text.Face, x, y float64, clr color.RGBA, clip Rect) float64 {
	if s == "" {
		return 0
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
	w := text.Advance(s, face)
	if p.rec != nil {
		*p.rec = append(*p.rec, drawnText{Text: s, Box: Rect{x, y, w, lineH(face)}, Clip: clip, Overlay: p.overlay})
	}
	return w
}

// textCut draws one line into a scrolled view: dst is clipped to view,
// so a line half out of view is cut, and only lines wholly inside are
// recorded for layout checks.
func (p *painter) textCut(dst *ebiten.Image, s string, face text.Face, x, y float64, clr color.RGBA, view Rect) {
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
func (p *painter) textIn(dst *ebiten.Image, s string, face text.Face, box Rect, align float64, clr color.RGBA) {
	s = ellipsize(s, face, box.W)
	w := text.Advance(s, face)
	h := lineH(face)
	p.text(dst, s, face, box.X+(box.W-w)*align, box.Y+(box.H-h)/2, clr, box)
}

// lines draws wrapped lines from the top of box and returns the height used.
func (p *painter) lines(dst *ebiten.Image, ls []string, face text.Face, box Rect, clr color.RGBA, spacing float64) float64 {
	lh := lineH(face) * spacing
	y := box.Y
	for _, l := range ls {
		p.text(dst, l, face, box.X, y, clr, box)
		y += lh
	}
	return y - box.Y
}
