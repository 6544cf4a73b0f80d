package kit

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Painter draws shapes and text. It owns its scratch buffers and the white
// texture triangles are drawn with, so nothing lives in package variables.
type Painter struct {
	white *ebiten.Image
	vs    []ebiten.Vertex
	is    []uint16
	// Rec, when set (tests), records every piece of text drawn with the
	// box it was meant to stay inside.
	Rec *[]DrawnText
	// tiles caches the anti-aliased shapes.
	tiles map[TileKey]*ebiten.Image
	// Overlay marks what is drawn now as an overlay, for the recorder.
	Overlay bool
}

// DrawnText is one piece of text as drawn, for layout checks.
type DrawnText struct {
	Text      string
	Box, Clip Rect
	// Overlay text (notices) is drawn over the screen on purpose.
	Overlay bool
}

// NewPainter makes a painter. It needs the graphics driver (call it from
// the game loop or after ebiten.RunGame started).
func NewPainter() *Painter {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return &Painter{white: img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), tiles: map[TileKey]*ebiten.Image{}}
}

func (p *Painter) drawVertices(dst *ebiten.Image, clr color.RGBA, fillAll bool) {
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

// Fill fills a path, anti-aliased. It is costly: use it for tiles and
// for the few shapes that are drawn once (charts, the title's backdrop).
func (p *Painter) Fill(dst *ebiten.Image, path *vector.Path, clr color.RGBA) {
	p.fillAA(dst, path, clr)
}

// Stroke strokes a path with round joins and caps, anti-aliased.
func (p *Painter) Stroke(dst *ebiten.Image, path *vector.Path, width float64, clr color.RGBA) {
	p.strokeAA(dst, path, width, clr)
}

func (p *Painter) fillAA(dst *ebiten.Image, path *vector.Path, clr color.RGBA) {
	p.vs, p.is = path.AppendVerticesAndIndicesForFilling(p.vs[:0], p.is[:0])
	p.drawVertices(dst, clr, false)
}

func (p *Painter) strokeAA(dst *ebiten.Image, path *vector.Path, width float64, clr color.RGBA) {
	p.vs, p.is = path.AppendVerticesAndIndicesForStroke(p.vs[:0], p.is[:0], &vector.StrokeOptions{
		Width: float32(width), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
	p.drawVertices(dst, clr, true)
}

// FillRect fills an axis-aligned rectangle.
func (p *Painter) FillRect(dst *ebiten.Image, r Rect, clr color.RGBA) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	vector.DrawFilledRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), clr, false)
}

// RoundRectPath adds a rounded rectangle to a path.
func RoundRectPath(path *vector.Path, r Rect, rad float64) {
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

// TileKind says what a tile holds.
type TileKind int

// Tile kinds: the kit's own shapes, and TileScene for a screen's drawings
// (a backdrop, a chart).
const (
	tileDisc TileKind = iota
	tileRing
	tileIcon
	TileScene
)

// TileKey names a cached tile.
type TileKey struct {
	Kind  TileKind
	Size  int // diameter or side in pixels
	Width int // ring width in pixels
	Clr   color.RGBA
	Name  string
}

// maxTiles bounds the cache; it is emptied when full (sizes change when
// the window is resized or the text size is changed).
const maxTiles = 800

// Tile returns the cached tile for k, drawing it the first time.
func (p *Painter) Tile(k TileKey, w, h int, draw func(img *ebiten.Image)) *ebiten.Image {
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

// Blit draws src (or its part sr) with its top-left at (x, y).
func Blit(dst, src *ebiten.Image, sr image.Rectangle, x, y float64) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(x, y)
	dst.DrawImage(src.SubImage(sr).(*ebiten.Image), op)
}

// disc returns a tile of a filled circle of diameter d.
func (p *Painter) disc(d int, clr color.RGBA) *ebiten.Image {
	return p.Tile(TileKey{Kind: tileDisc, Size: d, Clr: clr}, d, d, func(img *ebiten.Image) {
		var path vector.Path
		r := float32(d) / 2
		path.Arc(r, r, r, 0, 2*math.Pi, vector.Clockwise)
		path.Close()
		p.fillAA(img, &path, clr)
	})
}

// ringTile returns a tile of a circle outline of diameter d and width w,
// the stroke inside the diameter.
func (p *Painter) ringTile(d, w int, clr color.RGBA) *ebiten.Image {
	return p.Tile(TileKey{Kind: tileRing, Size: d, Width: w, Clr: clr}, d, d, func(img *ebiten.Image) {
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

// Round fills a rounded rectangle: four corners from a disc tile and
// three plain rectangles.
func (p *Painter) Round(dst *ebiten.Image, r Rect, rad float64, clr color.RGBA) {
	x0, y0, x1, y1 := snap(r)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	R := min(int(math.Round(rad)), int(math.Min(w, h))/2)
	if R < 1 {
		p.FillRect(dst, Rect{x0, y0, w, h}, clr)
		return
	}
	fr := float64(R)
	d := p.disc(2*R, clr)
	Blit(dst, d, image.Rect(0, 0, R, R), x0, y0)
	Blit(dst, d, image.Rect(R, 0, 2*R, R), x1-fr, y0)
	Blit(dst, d, image.Rect(0, R, R, 2*R), x0, y1-fr)
	Blit(dst, d, image.Rect(R, R, 2*R, 2*R), x1-fr, y1-fr)
	p.FillRect(dst, Rect{x0 + fr, y0, w - 2*fr, fr}, clr)
	p.FillRect(dst, Rect{x0, y0 + fr, w, h - 2*fr}, clr)
	p.FillRect(dst, Rect{x0 + fr, y1 - fr, w - 2*fr, fr}, clr)
}

// RoundStroke outlines a rounded rectangle, the stroke inside r.
func (p *Painter) RoundStroke(dst *ebiten.Image, r Rect, rad, width float64, clr color.RGBA) {
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
	Blit(dst, t, image.Rect(0, 0, R, R), x0, y0)
	Blit(dst, t, image.Rect(R, 0, 2*R, R), x1-fr, y0)
	Blit(dst, t, image.Rect(0, R, R, 2*R), x0, y1-fr)
	Blit(dst, t, image.Rect(R, R, 2*R, 2*R), x1-fr, y1-fr)
	p.FillRect(dst, Rect{x0 + fr, y0, w - 2*fr, sw}, clr)
	p.FillRect(dst, Rect{x0 + fr, y1 - sw, w - 2*fr, sw}, clr)
	p.FillRect(dst, Rect{x0, y0 + fr, sw, h - 2*fr}, clr)
	p.FillRect(dst, Rect{x1 - sw, y0 + fr, sw, h - 2*fr}, clr)
}

// Line strokes a segment; axis-aligned ones are plain rectangles.
func (p *Painter) Line(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.RGBA) {
	switch {
	case x0 == x1:
		p.FillRect(dst, Rect{math.Round(x0 - width/2), math.Min(y0, y1), math.Max(math.Round(width), 1), math.Abs(y1 - y0)}, clr)
		return
	case y0 == y1:
		p.FillRect(dst, Rect{math.Min(x0, x1), math.Round(y0 - width/2), math.Abs(x1 - x0), math.Max(math.Round(width), 1)}, clr)
		return
	}
	var path vector.Path
	path.MoveTo(float32(x0), float32(y0))
	path.LineTo(float32(x1), float32(y1))
	p.Stroke(dst, &path, width, clr)
}

// Circle fills a circle from a disc tile.
func (p *Painter) Circle(dst *ebiten.Image, cx, cy, r float64, clr color.RGBA) {
	d := int(math.Round(2 * r))
	if d < 1 {
		return
	}
	Blit(dst, p.disc(d, clr), image.Rect(0, 0, d, d), math.Round(cx-float64(d)/2), math.Round(cy-float64(d)/2))
}

// Ring strokes a circle from a ring tile (the stroke centred on r).
func (p *Painter) Ring(dst *ebiten.Image, cx, cy, r, width float64, clr color.RGBA) {
	w := int(math.Max(math.Round(width), 1))
	d := int(math.Round(2*r)) + w
	Blit(dst, p.ringTile(d, w, clr), image.Rect(0, 0, d, d), math.Round(cx-float64(d)/2), math.Round(cy-float64(d)/2))
}

// Text draws one line with its top-left at (x, y). clip is the box the
// text must stay inside (recorded for layout checks; drawing is not cut).
func (p *Painter) Text(dst *ebiten.Image, s string, face text.Face, x, y float64, clr color.RGBA, clip Rect) float64 {
	if s == "" {
		return 0
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
	w := text.Advance(s, face)
	if p.Rec != nil {
		*p.Rec = append(*p.Rec, DrawnText{Text: s, Box: Rect{x, y, w, LineH(face)}, Clip: clip, Overlay: p.Overlay})
	}
	return w
}

// TextCut draws one line into a scrolled view: dst is clipped to view,
// so a line half out of view is cut, and only lines wholly inside are
// recorded for layout checks.
func (p *Painter) TextCut(dst *ebiten.Image, s string, face text.Face, x, y float64, clr color.RGBA, view Rect) {
	h := LineH(face)
	if y+h < view.Y || y > view.Bottom() {
		return
	}
	if y >= view.Y && y+h <= view.Bottom() {
		p.Text(dst, s, face, x, y, clr, Rect{view.X, view.Y, view.W, view.H})
		return
	}
	rec := p.Rec
	p.Rec = nil
	p.Text(dst, s, face, x, y, clr, view)
	p.Rec = rec
}

// TextIn draws one line inside box, aligned by align (0 left, 0.5 centre,
// 1 right) and centred vertically, shortened with an ellipsis if too wide.
func (p *Painter) TextIn(dst *ebiten.Image, s string, face text.Face, box Rect, align float64, clr color.RGBA) {
	s = Ellipsize(s, face, box.W)
	w := text.Advance(s, face)
	h := LineH(face)
	p.Text(dst, s, face, box.X+(box.W-w)*align, box.Y+(box.H-h)/2, clr, box)
}

// Lines draws wrapped lines from the top of box and returns the height used.
func (p *Painter) Lines(dst *ebiten.Image, ls []string, face text.Face, box Rect, clr color.RGBA, spacing float64) float64 {
	lh := LineH(face) * spacing
	y := box.Y
	for _, l := range ls {
		p.Text(dst, l, face, box.X, y, clr, box)
		y += lh
	}
	return y - box.Y
}
