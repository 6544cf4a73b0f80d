package ui

// Drawing the ending's panels: the charts of the months, the decisions
// that mattered, the outcome axes and the run code.

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// drawChart draws one stat over the months as a line with a soft fill.
func (e *endingScreen) drawChart(c *Context, dst *ebiten.Image, r, view kit.Rect, sc *scenario.Scenario, si int, series [][]float64, clr color.RGBA) {
	st := c.Style()
	pal := st.Pal
	s := &sc.Stats[si]
	c.Paint.Round(dst, r, st.D(10), pal.Panel)
	c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), pal.Border)
	in := r.InsetXY(st.D(14), st.D(12))
	last := 0.0
	if len(series) > 0 {
		last = series[len(series)-1][si]
	}
	val := sim.FormatValue(last, s.Unit)
	vw := kit.TextWidth(val, st.BodyBold)
	c.Paint.TextCut(dst, kit.Ellipsize(s.Label, st.Small, in.W-vw-st.D(8)), st.Small, in.X, in.Y+st.D(2), pal.Muted, view)
	c.Paint.TextCut(dst, val, st.BodyBold, in.Right()-vw, in.Y, pal.Text, view)
	plot := kit.Rect{X: in.X, Y: in.Y + kit.LineH(st.BodyBold) + st.D(8), W: in.W, H: in.H - kit.LineH(st.BodyBold) - st.D(8) - kit.LineH(st.Tiny) - st.D(4)}
	if len(series) < 2 || plot.H <= 0 {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range series {
		lo, hi = math.Min(lo, row[si]), math.Max(hi, row[si])
	}
	flat := hi-lo < 1e-9
	if lo > 0 && s.Bounded && s.Min == 0 && hi-lo < hi*0.5 {
		lo = 0 // small wiggles of a large value read better against zero
	}
	if hi-lo < 1e-9 {
		hi, lo = hi+1, lo-1
	}
	// The plot is drawn once into a tile: its anti-aliased line and fill
	// are the costly part of the screen.
	pw, ph := int(math.Round(plot.W)), int(math.Round(plot.H))
	pad := int(math.Ceil(st.D(5)))
	key := kit.TileKey{Kind: kit.TileScene, Size: pw, Width: ph, Clr: clr, Name: fmt.Sprintf("chart:%s:%d:%v", e.code, si, pal.Panel)}
	t := c.Paint.Tile(key, pw+2*pad, ph+2*pad, func(img *ebiten.Image) {
		o := float64(pad)
		px := func(i int) float64 { return o + float64(pw)*float64(i)/float64(len(series)-1) }
		py := func(v float64) float64 { return o + float64(ph) - float64(ph)*(v-lo)/(hi-lo) }
		bottom := o + float64(ph)
		// Grid: the baseline, and the zero line when the range crosses it.
		c.Paint.FillRect(img, kit.Rect{X: o, Y: bottom, W: float64(pw), H: st.D(1)}, pal.Border)
		if lo < 0 && hi > 0 {
			c.Paint.FillRect(img, kit.Rect{X: o, Y: math.Round(py(0)), W: float64(pw), H: st.D(1)}, kit.Alpha(pal.Bad, 0.6))
		}
		var area, line vector.Path
		area.MoveTo(float32(px(0)), float32(bottom))
		for i, row := range series {
			x, y := float32(px(i)), float32(py(row[si]))
			area.LineTo(x, y)
			if i == 0 {
				line.MoveTo(x, y)
			} else {
				line.LineTo(x, y)
			}
		}
		area.LineTo(float32(px(len(series)-1)), float32(bottom))
		area.Close()
		c.Paint.Fill(img, &area, kit.Mix(pal.Panel, clr, 0.16))
		c.Paint.Stroke(img, &line, st.D(2), clr)
		c.Paint.Circle(img, px(len(series)-1), py(last), st.D(3.5), clr)
	})
	kit.Blit(dst, t, t.Bounds(), math.Round(plot.X)-float64(pad), math.Round(plot.Y)-float64(pad))
	ty := plot.Bottom() + st.D(4)
	c.Paint.TextCut(dst, "month 1", st.Tiny, plot.X, ty, pal.Faint, view)
	endLbl := fmt.Sprintf("month %d", len(series)-1)
	c.Paint.TextCut(dst, endLbl, st.Tiny, plot.Right()-kit.TextWidth(endLbl, st.Tiny), ty, pal.Faint, view)
	rng := fmt.Sprintf("%s to %s", sim.FormatValue(lo, s.Unit), sim.FormatValue(hi, s.Unit))
	if flat {
		rng = "no change"
	}
	rw := kit.TextWidth(rng, st.Tiny)
	if plot.W > rw+st.D(150) {
		c.Paint.TextCut(dst, rng, st.Tiny, plot.X+(plot.W-rw)/2, ty, pal.Faint, view)
	}
}

func (e *endingScreen) drawDecisions(c *Context, dst *ebiten.Image, r, view kit.Rect, l endingLayout) {
	st := c.Style()
	pal := st.Pal
	if r.Overlaps(view) {
		c.Paint.Round(dst, r, st.D(10), pal.Panel)
		c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), pal.Border)
	}
	in := r.InsetXY(st.D(18), st.D(18))
	c.Paint.TextCut(dst, kit.Ellipsize("THE DECISIONS THAT MATTERED MOST", st.Label, in.W), st.Label, in.X, in.Y, pal.Muted, view)
	y := in.Y + kit.LineH(st.Label) + st.D(10)
	if len(e.decisions) == 0 {
		c.Paint.TextCut(dst, "No decision had options far enough apart to stand out.", st.Small, in.X, y, pal.Faint, view)
	}
	for i, d := range e.decisions {
		month := fmt.Sprintf("Month %d", d.month)
		mw := kit.TextWidth(month, st.Label)
		c.Paint.TextCut(dst, month, st.Label, in.X, y+(kit.LineH(st.BodyBold)-kit.LineH(st.Label))/2, pal.Accent, view)
		x := in.X + mw + st.D(10)
		c.Paint.TextCut(dst, kit.Ellipsize(d.title, st.BodyBold, in.Right()-x), st.BodyBold, x, y, pal.Text, view)
		y += kit.LineH(st.BodyBold) + st.D(2)
		for _, ln := range l.decLines[i] {
			c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Muted, view)
			y += kit.LineH(st.Small) * 1.25
		}
		y += st.D(12)
	}
}

func (e *endingScreen) drawAxes(c *Context, dst *ebiten.Image, r, view kit.Rect) {
	st := c.Style()
	pal := st.Pal
	o := e.run.Outcome()
	if r.Overlaps(view) {
		c.Paint.Round(dst, r, st.D(10), pal.Panel)
		c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), pal.Border)
	}
	in := r.InsetXY(st.D(18), st.D(18))
	head := "WHERE YOU ENDED UP (THE SAME SCALES FOR EVERY PATH)"
	if kit.TextWidth(head, st.Label) > in.W {
		head = kit.Ellipsize("WHERE YOU ENDED UP", st.Label, in.W)
	}
	c.Paint.TextCut(dst, head, st.Label, in.X, in.Y, pal.Muted, view)
	y := in.Y + kit.LineH(st.Label) + st.D(10)
	rowH := kit.LineH(st.BodyBold) + st.D(14)
	labelW := st.D(96)
	type axisRow struct {
		label, val string
		frac       float64 // -1: a figure without a bar
	}
	var rows []axisRow
	valW := 0.0
	for i, name := range sim.AxisNames {
		v := o.Axis(i)
		row := axisRow{label: history.AxisTitle(i), frac: -1}
		switch name {
		case "wealth":
			row.val = sim.FormatValue(v, scenario.Money)
		case "level":
			row.val = fmt.Sprintf("%.1f of 10", v)
			if o.Title != "" {
				row.val = fmt.Sprintf("%s (%.1f)", o.Title, v)
			}
			row.frac = v / 10
		case "months":
			row.val = fmt.Sprintf("%d months", int(v))
		default:
			row.val = fmt.Sprintf("%.0f", v)
			row.frac = v / 100
		}
		if row.frac >= 0 {
			valW = math.Max(valW, kit.TextWidth(row.val, st.BodyBold))
		}
		rows = append(rows, row)
	}
	// Every bar has the same length, so the scales compare at a glance.
	valW = math.Min(valW, in.W*0.45)
	barW := in.W - labelW - valW - st.D(12)
	for i, row := range rows {
		c.Paint.TextCut(dst, row.label, st.Small, in.X, y+st.D(2), pal.Muted, view)
		vx := in.X + labelW
		if row.frac >= 0 && barW > st.D(40) {
			br := kit.Rect{X: vx, Y: y + kit.LineH(st.BodyBold)/2 - st.D(3), W: barW, H: st.D(6)}
			if br.Within(view, 0) {
				kit.Meter(c.Context, dst, br, row.frac, pal.Series[i%len(pal.Series)])
			}
			vx = br.Right() + st.D(12)
		}
		c.Paint.TextCut(dst, kit.Ellipsize(row.val, st.BodyBold, in.Right()-vx), st.BodyBold, vx, y, pal.Text, view)
		y += rowH
	}
}

func (e *endingScreen) drawCode(c *Context, dst *ebiten.Image, r, view kit.Rect) {
	st := c.Style()
	pal := st.Pal
	if r.Overlaps(view) {
		c.Paint.Round(dst, r, st.D(10), pal.Sunken)
		c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), pal.Border)
	}
	in := r.InsetXY(st.D(18), st.D(18))
	c.Paint.TextCut(dst, "RUN CODE", st.Label, in.X, in.Y, pal.Muted, view)
	y := in.Y + kit.LineH(st.Label) + st.D(8)
	c.Paint.TextCut(dst, kit.Ellipsize(e.code, st.Mono, in.W), st.Mono, in.X, y, pal.Accent, view)
	y += kit.LineH(st.Mono) + st.D(8)
	note := "This code replays the run exactly: give it to your facilitator, or run careersim replay CODE. It is kept with your history."
	if s := e.run.Session(); s != "" {
		note = "Session " + s + ". " + note
	}
	for _, ln := range kit.ClampLines(c.Wrap.Wrap(note, st.Small, in.W), 2, st.Small, in.W) {
		c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Muted, view)
		y += kit.LineH(st.Small) * 1.3
	}
}
