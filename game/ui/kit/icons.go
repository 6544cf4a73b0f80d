package kit

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// iconPen draws one icon on a 24 x 24 grid scaled into a square box.
type iconPen struct {
	p     *Painter
	dst   *ebiten.Image
	x, y  float64 // top-left of the box
	k     float64 // device pixels per grid unit
	width float64 // stroke width in device pixels
	clr   color.RGBA
}

func (ip *iconPen) pt(gx, gy float64) (float32, float32) {
	return float32(ip.x + gx*ip.k), float32(ip.y + gy*ip.k)
}

func (ip *iconPen) path(build func(path *vector.Path, pt func(x, y float64) (float32, float32))) *vector.Path {
	var path vector.Path
	build(&path, ip.pt)
	return &path
}

// curves is a closed outline of cubic Bézier segments from (gx, gy), each
// segment {c1x, c1y, c2x, c2y, x, y} in icon grid units.
func (ip *iconPen) curves(gx, gy float64, segs ...[6]float64) *vector.Path {
	return ip.path(func(pa *vector.Path, pt func(x, y float64) (float32, float32)) {
		pa.MoveTo(pt(gx, gy))
		for _, c := range segs {
			c1x, c1y := pt(c[0], c[1])
			c2x, c2y := pt(c[2], c[3])
			ex, ey := pt(c[4], c[5])
			pa.CubicTo(c1x, c1y, c2x, c2y, ex, ey)
		}
		pa.Close()
	})
}

func (ip *iconPen) strokeP(path *vector.Path) { ip.p.Stroke(ip.dst, path, ip.width, ip.clr) }
func (ip *iconPen) fillP(path *vector.Path)   { ip.p.Fill(ip.dst, path, ip.clr) }

func (ip *iconPen) poly(closed bool, pts ...float64) {
	var path vector.Path
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := ip.pt(pts[i], pts[i+1])
		if i == 0 {
			path.MoveTo(x, y)
		} else {
			path.LineTo(x, y)
		}
	}
	if closed {
		path.Close()
	}
	ip.strokeP(&path)
}

func (ip *iconPen) fillPoly(pts ...float64) {
	var path vector.Path
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := ip.pt(pts[i], pts[i+1])
		if i == 0 {
			path.MoveTo(x, y)
		} else {
			path.LineTo(x, y)
		}
	}
	path.Close()
	ip.fillP(&path)
}

func (ip *iconPen) circle(gx, gy, r float64) {
	var path vector.Path
	x, y := ip.pt(gx, gy)
	path.Arc(x, y, float32(r*ip.k), 0, 2*math.Pi, vector.Clockwise)
	path.Close()
	ip.strokeP(&path)
}

func (ip *iconPen) dot(gx, gy, r float64) {
	var path vector.Path
	x, y := ip.pt(gx, gy)
	path.Arc(x, y, float32(r*ip.k), 0, 2*math.Pi, vector.Clockwise)
	path.Close()
	ip.fillP(&path)
}

func (ip *iconPen) arc(gx, gy, r, a0, a1 float64) {
	var path vector.Path
	x, y := ip.pt(gx, gy)
	path.Arc(x, y, float32(r*ip.k), float32(a0), float32(a1), vector.Clockwise)
	ip.strokeP(&path)
}

func (ip *iconPen) roundBox(gx, gy, w, h, r float64) {
	var path vector.Path
	x, y := ip.pt(gx, gy)
	RoundRectPath(&path, Rect{float64(x), float64(y), w * ip.k, h * ip.k}, r*ip.k)
	ip.strokeP(&path)
}

// DrawIcon draws the named stat or card icon centred in box (a square is
// taken from its middle). Unknown names get a neutral diamond, so an
// author's typo never leaves a hole in the HUD. Each icon is drawn once
// per size and colour into a tile.
func DrawIcon(p *Painter, dst *ebiten.Image, name string, box Rect, clr color.RGBA) {
	size := int(math.Round(math.Min(box.W, box.H)))
	if size < 2 {
		return
	}
	pad := 2
	n := size + 2*pad
	t := p.Tile(TileKey{Kind: tileIcon, Size: size, Clr: clr, Name: name}, n, n, func(img *ebiten.Image) {
		drawIconShapes(p, img, name, float64(pad), float64(size), clr)
	})
	x := math.Round(box.X + (box.W-float64(size))/2)
	y := math.Round(box.Y + (box.H-float64(size))/2)
	Blit(dst, t, t.Bounds(), x-float64(pad), y-float64(pad))
}

// drawIconShapes draws an icon with vector paths at (at, at), size wide.
func drawIconShapes(p *Painter, dst *ebiten.Image, name string, at, size float64, clr color.RGBA) {
	ip := &iconPen{p: p, dst: dst, x: at, y: at, k: size / 24, clr: clr}
	ip.width = math.Max(size/12, 1.2)
	switch name {
	case "cash":
		ip.roundBox(2, 6, 20, 12, 2)
		ip.circle(12, 12, 3)
		ip.dot(5.5, 12, 1)
		ip.dot(18.5, 12, 1)
	case "burn":
		ip.strokeP(ip.curves(12, 22,
			[6]float64{4, 21, 4, 12, 8.5, 8},
			[6]float64{9, 11, 10, 12, 11, 12},
			[6]float64{10, 8, 12, 4, 14, 2},
			[6]float64{15, 7, 20, 10, 20, 15},
			[6]float64{20, 19, 16.5, 22, 12, 22},
		))
	case "revenue":
		ip.poly(false, 3, 19, 9, 13, 13, 16, 21, 7)
		ip.poly(false, 15, 7, 21, 7, 21, 13)
	case "runway":
		ip.poly(true, 8, 3, 16, 3, 21, 21, 3, 21)
		ip.poly(false, 12, 6, 12, 8.5)
		ip.poly(false, 12, 11.5, 12, 14)
		ip.poly(false, 12, 17, 12, 19)
	case "traction":
		ip.poly(false, 3, 21, 21, 21)
		ip.roundBox(4.5, 14, 3.5, 5, 0.5)
		ip.roundBox(10.25, 10, 3.5, 9, 0.5)
		ip.roundBox(16, 5, 3.5, 14, 0.5)
	case "morale":
		ip.circle(12, 12, 9.5)
		ip.dot(8.8, 9.5, 1.3)
		ip.dot(15.2, 9.5, 1.3)
		ip.arc(12, 12, 5.2, 0.2*math.Pi, 0.8*math.Pi)
	case "equity":
		ip.circle(12, 12, 9)
		ip.fillP(ip.path(func(pa *vector.Path, pt func(x, y float64) (float32, float32)) {
			cx, cy := pt(12, 12)
			pa.MoveTo(cx, cy)
			x, y := pt(12, 3)
			pa.LineTo(x, y)
			pa.Arc(cx, cy, float32(9*ip.k), -math.Pi/2, 0, vector.Clockwise)
			pa.Close()
		}))
	case "level":
		ip.poly(false, 3, 20, 8, 20, 8, 14, 14, 14, 14, 8, 20, 8, 20, 3)
		ip.poly(false, 3, 21.5, 21, 21.5)
	case "rating", "star":
		pts := make([]float64, 0, 20)
		for i := 0; i < 10; i++ {
			r := 10.0
			if i%2 == 1 {
				r = 4.2
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			pts = append(pts, 12+r*math.Cos(a), 12.8+r*math.Sin(a))
		}
		ip.poly(true, pts...)
	case "impact":
		ip.circle(12, 12, 9.5)
		ip.circle(12, 12, 5.5)
		ip.dot(12, 12, 2)
	case "visibility":
		ip.strokeP(ip.curves(2, 12,
			[6]float64{6, 5, 18, 5, 22, 12},
			[6]float64{18, 19, 6, 19, 2, 12},
		))
		ip.circle(12, 12, 3.3)
		ip.dot(12, 12, 1.2)
	case "politics":
		// Two speech bubbles: the currency of a big company.
		ip.roundBox(2, 3, 13, 9, 2.5)
		ip.poly(false, 5, 12, 5, 15.5, 8.5, 12)
		ip.roundBox(9, 10, 13, 9, 2.5)
		ip.poly(false, 19, 19, 19, 22, 15.5, 19)
	case "headcount":
		ip.circle(12, 7.5, 4)
		ip.arc(12, 21, 8, math.Pi, 2*math.Pi)
	case "team":
		ip.circle(12, 7, 3.3)
		ip.arc(12, 18.5, 6, math.Pi, 2*math.Pi)
		ip.circle(5, 9.5, 2.5)
		ip.arc(5, 19, 4.2, math.Pi*1.1, math.Pi*1.6)
		ip.circle(19, 9.5, 2.5)
		ip.arc(19, 19, 4.2, math.Pi*1.4, math.Pi*1.9)
	case "budget":
		ip.roundBox(2.5, 6, 19, 14, 2.5)
		ip.poly(false, 4, 6, 16, 2.5, 17.5, 6)
		ip.roundBox(14, 11, 7.5, 4.5, 1.5)
		ip.dot(17, 13.25, 0.9)
	case "skills":
		ip.poly(true, 13.5, 2, 5, 13.5, 11.5, 13.5, 10, 22, 19, 10, 12.5, 10)
	case "wellbeing":
		ip.strokeP(ip.curves(12, 20.5,
			[6]float64{3, 14, 1, 8, 6.5, 5},
			[6]float64{9.5, 3.5, 11.5, 5.5, 12, 7.5},
			[6]float64{12.5, 5.5, 14.5, 3.5, 17.5, 5},
			[6]float64{23, 8, 21, 14, 12, 20.5},
		))
	case "savings":
		for i := 0; i < 3; i++ {
			y := 17.0 - float64(i)*4.5
			ip.roundBox(4, y, 16, 4.5, 2.2)
		}
		ip.poly(false, 12, 2.5, 12, 7)
	case "autonomy":
		ip.circle(12, 12, 9.5)
		ip.fillPoly(12, 5, 14.3, 12, 12, 19, 9.7, 12)
		ip.dot(12, 12, 1.2)
	case "research":
		ip.poly(false, 9, 2.5, 15, 2.5)
		ip.poly(false, 10, 2.5, 10, 9, 4, 19.5, 5, 21.5, 19, 21.5, 20, 19.5, 14, 9, 14, 2.5)
		ip.poly(false, 7, 15, 17, 15)
	case "reputation":
		ip.circle(12, 9, 6.5)
		ip.poly(false, 8, 14, 6, 22, 9.5, 20, 11, 22.5)
		ip.poly(false, 16, 14, 18, 22, 14.5, 20, 13, 22.5)
		ip.dot(12, 9, 2)
	case "clock", "time":
		ip.circle(12, 12, 9.5)
		ip.poly(false, 12, 6.5, 12, 12, 16, 14)
	case "chart", "valuation":
		ip.poly(false, 3, 3, 3, 21, 21, 21)
		ip.poly(false, 6.5, 16, 10.5, 11, 14, 13.5, 20, 6)
	case "calendar":
		ip.roundBox(3, 5, 18, 16, 2)
		ip.poly(false, 3, 10, 21, 10)
		ip.poly(false, 8, 3, 8, 7)
		ip.poly(false, 16, 3, 16, 7)
	case "lock":
		ip.roundBox(5, 10.5, 14, 11, 2)
		ip.arc(12, 10.5, 4.5, math.Pi, 2*math.Pi)
		ip.poly(false, 7.5, 10.5, 7.5, 9.5)
		ip.poly(false, 16.5, 10.5, 16.5, 9.5)
	case "dice":
		ip.roundBox(3, 3, 18, 18, 4)
		ip.dot(8, 8, 1.5)
		ip.dot(16, 16, 1.5)
		ip.dot(12, 12, 1.5)
		ip.dot(16, 8, 1.5)
		ip.dot(8, 16, 1.5)
	case "flag":
		ip.poly(false, 5, 22, 5, 3)
		ip.poly(true, 5, 3.5, 19, 3.5, 15.5, 8, 19, 12.5, 5, 12.5)
	default:
		ip.poly(true, 12, 3, 21, 12, 12, 21, 3, 12)
		ip.dot(12, 12, 2)
	}
}
