package ui

// The compare screen's layout: the rectangles of its rows, columns, plots
// and dots, shared by hit-testing, drawing and the screen's targets.

import (
	"math"

	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// compareLayout places the compare screen. Rows are in the coordinates
// of view, scrolled; everything else is on screen.
type compareLayout struct {
	header, sub kit.Rect
	status      kit.Rect   // the runs and the bots, right of the title
	lines       int        // lines of takeaway in a column's head
	pager       []kit.Rect // previous and next page of axes, when paginated
	pagerLabel  kit.Rect
	legend      kit.Rect
	heads       []kit.Rect // one per visible axis: title, takeaway, scale
	axes        []int      // the visible axes
	pages       int
	view        kit.Rect
	labelW      float64
	cols        []kit.Rect // x and width of each visible axis' cells
	rowH, plotH float64
	content     float64
	foot, info  kit.Rect
	buttons     []kit.Rect
	// empty state
	empty kit.Rect
}

// compare geometry, in design units.
const (
	cmpLabelW = 196
	cmpMinCol = 150
	cmpColGap = 12
	cmpPad    = 9
)

// cmpPlotH is the least height of a cell's plot: the player's strip and
// the two bot bars under it (cmpBotsH).
func cmpPlotH(st *kit.Style) float64 { return st.D(20) + cmpBotsH(st) }

func cmpBotsH(st *kit.Style) float64 { return st.D(5 + 6 + 4 + 4 + 3) }

// cmpTextH is the height of a cell's numbers.
func cmpTextH(st *kit.Style) float64 { return st.D(4) + kit.LineH(st.Small) + 2*kit.LineH(st.Tiny) }

// cmpRowH is the least height of a row.
func cmpRowH(st *kit.Style) float64 {
	cell := st.D(cmpPad) + cmpPlotH(st) + cmpTextH(st) + st.D(cmpPad)
	head := st.D(cmpPad) + 2*kit.LineH(st.Label) + kit.LineH(st.Small) + st.D(6) + st.D(8) + st.D(4) + kit.LineH(st.Tiny) + st.D(cmpPad)
	return math.Max(cell, head)
}

// cmpHeadH is the height of a column's head with n lines of takeaway.
func cmpHeadH(st *kit.Style, n int) float64 {
	return kit.LineH(st.BodyBold) + st.D(4) + kit.TextHeight(n, st.Small, 1.15) + st.D(6) + kit.LineH(st.Tiny)
}

func layCompare(b kit.Rect, st *kit.Style, nPaths, page int) compareLayout {
	var l compareLayout
	body := b.InsetXY(st.D(28), st.D(20))
	l.foot, body = body.CutBottom(st.D(48))
	_, body = body.CutBottom(st.D(10))
	bw := math.Min(st.D(170), math.Max(l.foot.W*0.16, st.D(118)))
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, kit.Rect{X: l.foot.Right() - float64(3-i)*bw - float64(2-i)*st.D(12), Y: l.foot.Y, W: bw, H: l.foot.H})
	}
	l.info = kit.Rect{X: l.foot.X, Y: l.foot.Y - st.D(3), W: l.buttons[0].X - l.foot.X - st.D(16), H: l.foot.H + st.D(6)}
	l.header, body = body.CutTop(kit.LineH(st.Title))
	l.sub, body = body.CutTop(st.D(4) + kit.LineH(st.Label))
	l.sub.Y += st.D(4)
	l.sub.H -= st.D(4)
	_, body = body.CutTop(st.D(10))
	if nPaths == 0 {
		l.empty = body
		return l
	}
	l.labelW = st.D(cmpLabelW)
	avail := body.W - l.labelW
	n := int((avail + st.D(cmpColGap)) / (st.D(cmpMinCol) + st.D(cmpColGap)))
	n = max(1, min(n, len(sim.AxisNames)))
	l.pages = (len(sim.AxisNames) + n - 1) / n
	page = max(0, min(page, l.pages-1))
	for i := page * n; i < min((page+1)*n, len(sim.AxisNames)); i++ {
		l.axes = append(l.axes, i)
	}
	cw := (avail - float64(n)*st.D(cmpColGap)) / float64(n)
	// Four lines of takeaway, or three when that lets every row fit.
	l.lines = 4
	fits := func(n int) bool { return body.H-cmpHeadH(st, n)-st.D(4) >= float64(nPaths)*cmpRowH(st) }
	if !fits(4) && fits(3) {
		l.lines = 3
	}
	headH := cmpHeadH(st, l.lines)
	head, rest := body.CutTop(headH)
	l.legend = kit.Rect{X: head.X, Y: head.Y, W: l.labelW - st.D(cmpColGap), H: headH}
	for k := range l.axes {
		x := body.X + l.labelW + float64(k)*(cw+st.D(cmpColGap))
		l.heads = append(l.heads, kit.Rect{X: x, Y: head.Y, W: cw, H: headH})
		l.cols = append(l.cols, kit.Rect{X: x, Y: 0, W: cw, H: 0})
	}
	_, l.view = rest.CutTop(st.D(4))
	// Rows grow into spare height (the strips spread out), up to a third.
	base := cmpRowH(st)
	l.rowH = math.Max(base, math.Min(base*4/3, l.view.H/float64(nPaths)))
	l.plotH = cmpPlotH(st) + l.rowH - base
	l.content = float64(nPaths) * l.rowH
	right := l.header.Right()
	if l.pages > 1 {
		pw := st.D(34)
		lw := st.D(56)
		y := l.header.Y + (l.header.H-pw)/2
		next := kit.Rect{X: right - pw, Y: y, W: pw, H: pw}
		l.pagerLabel = kit.Rect{X: next.X - st.D(4) - lw, Y: y, W: lw, H: pw}
		prev := kit.Rect{X: l.pagerLabel.X - st.D(4) - pw, Y: y, W: pw, H: pw}
		l.pager = []kit.Rect{prev, next}
		right = prev.X - st.D(14)
	}
	tw := kit.TextWidth("Compare your paths", st.Title) + st.D(24)
	l.status = kit.Rect{X: l.header.X + tw, Y: l.header.Y, W: math.Max(right-l.header.X-tw, 0), H: l.header.H}
	l.header.W = math.Min(l.header.W, tw)
	return l
}

func (cp *compareScreen) layout(c *Context) compareLayout {
	l := layCompare(c.Bounds(), c.Style(), len(cp.paths), cp.page)
	if l.pages > 0 {
		cp.page = max(0, min(cp.page, l.pages-1))
	}
	return l
}

// rowRect is row i on screen (scrolled).
func (cp *compareScreen) rowRect(l compareLayout, i int) kit.Rect {
	return kit.Rect{X: l.view.X, Y: l.view.Y + float64(i)*l.rowH - cp.scroll.Off, W: l.view.W, H: l.rowH}
}

// cellRect is the cell of row i and visible column k on screen.
func (cp *compareScreen) cellRect(c *Context, l compareLayout, i, k int) kit.Rect {
	r := cp.rowRect(l, i)
	return kit.Rect{X: l.cols[k].X, Y: r.Y, W: l.cols[k].W, H: r.H}
}

// plotRect is the plot inside a cell: the player's strip and the bots.
func plotRect(st *kit.Style, l compareLayout, cell kit.Rect) kit.Rect {
	return kit.Rect{X: cell.X, Y: cell.Y + st.D(cmpPad), W: cell.W, H: l.plotH}
}

// stripH is the height of the player's strip at the top of a plot.
func stripH(st *kit.Style, plot kit.Rect) float64 { return plot.H - cmpBotsH(st) }

// dotAt is where run j of path p sits in a plot, for an axis.
func dotAt(st *kit.Style, plot kit.Rect, p *comparePath, j, axis int, lo, hi float64) kit.Point {
	v := p.Records[j].Outcome().Axis(axis)
	inner := plot.InsetXY(st.D(5), 0)
	x := inner.X + inner.W*kit.Clamp01((v-lo)/(hi-lo))
	sh := stripH(st, plot)
	y := plot.Y + sh/2 + p.jit[j]*(sh/2-st.D(3))
	return kit.Point{X: x, Y: y}
}

// runAt finds the run under the pointer: the nearest dot within reach.
func (cp *compareScreen) runAt(c *Context, l compareLayout, pt kit.Point) (row, sel int, ok bool) {
	st := c.Style()
	if !l.view.Contains(pt) {
		return 0, 0, false
	}
	best := st.D(8) * st.D(8)
	for i, p := range cp.paths {
		rr := cp.rowRect(l, i)
		if pt.Y < rr.Y || pt.Y >= rr.Bottom() {
			continue
		}
		for k, axis := range l.axes {
			plot := plotRect(st, l, cp.cellRect(c, l, i, k))
			if !plot.InsetXY(-st.D(4), -st.D(4)).Contains(pt) {
				continue
			}
			lo, hi := cp.cmp.Scale(axis)
			for s, j := range p.Order {
				d := dotAt(st, plot, p, j, axis, lo, hi)
				if dd := (d.X-pt.X)*(d.X-pt.X) + (d.Y-pt.Y)*(d.Y-pt.Y); dd <= best {
					best, row, sel, ok = dd, i, s, true
				}
			}
		}
	}
	return row, sel, ok
}
