package kit

import (
	"image"
	"math"
)

// Point is a position in device pixels.
type Point struct{ X, Y float64 }

// Rect is a rectangle in device pixels. Layout functions build them from
// the window size; drawing and hit-testing read the same values.
type Rect struct{ X, Y, W, H float64 }

// Right is the x just past the rectangle.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom is the y just past the rectangle.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Contains reports whether p lies inside r.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X < r.X+r.W && p.Y >= r.Y && p.Y < r.Y+r.H
}

// Inset shrinks r by d on every side.
func (r Rect) Inset(d float64) Rect { return r.InsetXY(d, d) }

// InsetXY shrinks r by dx left and right and dy top and bottom.
func (r Rect) InsetXY(dx, dy float64) Rect {
	w, h := math.Max(r.W-2*dx, 0), math.Max(r.H-2*dy, 0)
	return Rect{r.X + dx, r.Y + dy, w, h}
}

// CutTop splits off the top h of r (h is clamped to r's height).
func (r Rect) CutTop(h float64) (top, rest Rect) {
	h = math.Min(math.Max(h, 0), r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// CutBottom splits off the bottom h of r.
func (r Rect) CutBottom(h float64) (bottom, rest Rect) {
	h = math.Min(math.Max(h, 0), r.H)
	return Rect{r.X, r.Bottom() - h, r.W, h}, Rect{r.X, r.Y, r.W, r.H - h}
}

// CutLeft splits off the left w of r.
func (r Rect) CutLeft(w float64) (left, rest Rect) {
	w = math.Min(math.Max(w, 0), r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// CutRight splits off the right w of r.
func (r Rect) CutRight(w float64) (right, rest Rect) {
	w = math.Min(math.Max(w, 0), r.W)
	return Rect{r.Right() - w, r.Y, w, r.H}, Rect{r.X, r.Y, r.W - w, r.H}
}

// Offset moves r by (dx, dy).
func (r Rect) Offset(dx, dy float64) Rect { return Rect{r.X + dx, r.Y + dy, r.W, r.H} }

// Overlaps reports whether two rectangles share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Within reports whether r lies inside o, allowing slack for rounding.
func (r Rect) Within(o Rect, slack float64) bool {
	return r.X >= o.X-slack && r.Y >= o.Y-slack && r.Right() <= o.Right()+slack && r.Bottom() <= o.Bottom()+slack
}

// Image returns the integer rectangle covering r.
func (r Rect) Image() image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
}

// Columns splits r into n columns separated by gap.
func (r Rect) Columns(n int, gap float64) []Rect {
	if n < 1 {
		n = 1
	}
	w := (r.W - gap*float64(n-1)) / float64(n)
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H}
	}
	return out
}

// Clamp01 limits x to 0..1.
func Clamp01(x float64) float64 { return math.Min(math.Max(x, 0), 1) }

// Lerp interpolates from a to b.
func Lerp(a, b, t float64) float64 { return a + (b-a)*t }
