package ui

// Drawing the compare screen: the columns' heads, a row per path with a
// cell per axis, the legend, the selected run and the empty state.

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// Draw implements Screen.
func (cp *compareScreen) Draw(c *Context, dst *ebiten.Image) {
	cp.takeBaselines(c)
	st := c.Style()
	pal := st.Pal
	l := cp.layout(c)
	cp.scroll.Clamp(l.view, l.content)
	c.Paint.Text(dst, kit.Ellipsize("Compare your paths", st.Title, l.header.W), st.Title, l.header.X, l.header.Y, pal.Text, l.header)
	if len(cp.paths) == 0 {
		c.Paint.Text(dst, kit.Ellipsize("Every run you finish is kept, so the paths can be set side by side.", st.Small, l.sub.W), st.Small, l.sub.X, l.sub.Y, pal.Muted, l.sub)
	} else {
		c.Paint.Text(dst, kit.Ellipsize(cp.cmp.Headline(), st.Label, l.sub.W), st.Label, l.sub.X, l.sub.Y, pal.Accent, l.sub)
		if l.status.W > st.D(40) {
			stx := kit.Ellipsize(cp.status(c), st.Small, l.status.W)
			c.Paint.Text(dst, stx, st.Small, l.status.Right()-kit.TextWidth(stx, st.Small), l.status.Y+(l.status.H-kit.LineH(st.Small))/2, pal.Muted, l.status)
		}
	}
	if len(cp.paths) == 0 {
		cp.drawEmpty(c, dst, l)
	} else {
		if l.pages > 1 {
			kit.Button{Label: "‹"}.Draw(c.Context, dst, l.pager[0], false)
			kit.Button{Label: "›"}.Draw(c.Context, dst, l.pager[1], false)
			c.Paint.TextIn(dst, fmt.Sprintf("%d of %d", cp.page+1, l.pages), st.Small, l.pagerLabel, 0.5, pal.Muted)
		}
		cp.drawLegend(c, dst, l.legend)
		for k, axis := range l.axes {
			cp.drawHead(c, dst, l.heads[k], axis, l.lines)
		}
		clip := kit.ClipTo(dst, l.view)
		for i := range cp.paths {
			r := cp.rowRect(l, i)
			if r.Overlaps(l.view) {
				cp.drawRow(c, clip, l, i)
			}
		}
		kit.FadeEdges(c.Context, clip, l.view, l.content, cp.scroll.Off, pal.Bg)
		kit.Scrollbar(c.Context, dst, l.view, l.view.Right()-st.D(4), 0, l.content, cp.scroll.Off)
		cp.drawInfo(c, dst, l.info, l.pages > 1)
	}
	for i, r := range l.buttons {
		focused := cp.btn.I == i && (cp.onButtons || len(cp.paths) == 0)
		cp.button(i).Draw(c.Context, dst, r, focused)
	}
}

// status counts the runs and says where the bots are.
func (cp *compareScreen) status(c *Context) string {
	s := fmt.Sprintf("%d %s · bots: %d runs a path", cp.n, words.Plural(cp.n, "run", "runs"), baselineRuns)
	switch {
	case cp.blErr != "":
		s = fmt.Sprintf("%d %s · bots: %s", cp.n, words.Plural(cp.n, "run", "runs"), cp.blErr)
	case !cp.baselinesDone() && cp.blTotal > 0:
		s = fmt.Sprintf("%d %s · bots playing %d of %d…", cp.n, words.Plural(cp.n, "run", "runs"), min(cp.blGot+1, cp.blTotal), cp.blTotal)
	}
	return s
}

// drawLegend explains the marks, drawn as they appear in the plots.
func (cp *compareScreen) drawLegend(c *Context, dst *ebiten.Image, r kit.Rect) {
	st := c.Style()
	pal := st.Pal
	lh := kit.LineH(st.Tiny) + st.D(3)
	y := r.Y + st.D(2)
	gx := r.X + st.D(4)
	tx := r.X + st.D(30)
	row := func(label string, glyph func(cx, cy float64)) {
		glyph(gx+st.D(10), y+kit.LineH(st.Tiny)/2)
		c.Paint.Text(dst, kit.Ellipsize(label, st.Tiny, r.Right()-tx), st.Tiny, tx, y, pal.Muted, r)
		y += lh
	}
	clr := pal.Text
	row("one of your runs", func(cx, cy float64) { c.Paint.Circle(dst, cx, cy, st.D(3), kit.Alpha(clr, 0.8)) })
	row("middle half, | median", func(cx, cy float64) {
		c.Paint.FillRect(dst, kit.Rect{X: cx - st.D(9), Y: cy - st.D(5), W: st.D(18), H: st.D(10)}, kit.Alpha(pal.Muted, 0.35))
		c.Paint.FillRect(dst, kit.Rect{X: cx - st.D(1), Y: cy - st.D(6), W: st.D(2), H: st.D(12)}, pal.Text)
	})
	row("your best run", func(cx, cy float64) { c.Paint.Ring(dst, cx, cy, st.D(5), st.D(2), pal.Good) })
	row("your worst run", func(cx, cy float64) { c.Paint.Ring(dst, cx, cy, st.D(5), st.D(2), pal.Bad) })
	row("typical player", func(cx, cy float64) {
		c.Paint.FillRect(dst, kit.Rect{X: cx - st.D(10), Y: cy - st.D(3), W: st.D(20), H: st.D(6)}, kit.Alpha(pal.Muted, 0.75))
	})
	if y+kit.LineH(st.Tiny) <= r.Bottom() {
		row("random picks", func(cx, cy float64) {
			c.Paint.FillRect(dst, kit.Rect{X: cx - st.D(10), Y: cy - st.D(2), W: st.D(20), H: st.D(4)}, kit.Alpha(pal.Faint, 0.8))
		})
	}
}

// drawHead draws a column's title, its takeaway and its scale.
func (cp *compareScreen) drawHead(c *Context, dst *ebiten.Image, r kit.Rect, axis, lines int) {
	st := c.Style()
	pal := st.Pal
	c.Paint.Text(dst, kit.Ellipsize(history.AxisTitle(axis), st.BodyBold, r.W), st.BodyBold, r.X, r.Y, pal.Text, r)
	y := r.Y + kit.LineH(st.BodyBold) + st.D(4)
	ls := kit.ClampLines(c.Wrap.Wrap(cp.cmp.Takeaway(axis), st.Small, r.W), lines, st.Small, r.W)
	for _, ln := range ls {
		c.Paint.Text(dst, ln, st.Small, r.X, y, pal.Muted, r)
		y += kit.LineH(st.Small) * 1.15
	}
	lo, hi := cp.cmp.Scale(axis)
	ty := r.Bottom() - kit.LineH(st.Tiny)
	los, his := history.FormatAxis(axis, lo), history.FormatAxis(axis, hi)
	c.Paint.FillRect(dst, kit.Rect{X: r.X, Y: ty - st.D(3), W: r.W, H: st.D(1)}, pal.Border)
	c.Paint.Text(dst, los, st.Tiny, r.X, ty, pal.Faint, r)
	c.Paint.Text(dst, his, st.Tiny, r.Right()-kit.TextWidth(his, st.Tiny), ty, pal.Faint, r)
}

// drawRow draws one path: its name and counts, then a cell per axis.
func (cp *compareScreen) drawRow(c *Context, dst *ebiten.Image, l compareLayout, i int) {
	st := c.Style()
	pal := st.Pal
	p := cp.paths[i]
	r := cp.rowRect(l, i)
	view := l.view
	tc := trackColour(pal, p.Track)
	selected := i == cp.row && !cp.onButtons
	bg := pal.Panel
	if selected {
		bg = pal.Raised
	}
	card := kit.Rect{X: r.X, Y: r.Y + st.D(3), W: r.W - st.D(10), H: r.H - st.D(6)}
	c.Paint.Round(dst, card, st.D(10), bg)
	c.Paint.RoundStroke(dst, card, st.D(10), st.D(1), pal.Border)
	c.Paint.FillRect(dst, kit.Rect{X: card.X, Y: card.Y + st.D(10), W: st.D(4), H: card.H - st.D(20)}, tc)
	// The path's name, its track and count, and how its runs ended.
	in := kit.Rect{X: r.X + st.D(16), Y: r.Y + st.D(cmpPad), W: l.labelW - st.D(28), H: r.H - 2*st.D(cmpPad)}
	y := in.Y
	title := kit.ClampLines(c.Wrap.Wrap(p.Title, st.Label, in.W), 2, st.Label, in.W)
	for _, ln := range title {
		c.Paint.TextCut(dst, ln, st.Label, in.X, y, pal.Text, view)
		y += kit.LineH(st.Label)
	}
	if len(title) < 2 {
		y += kit.LineH(st.Label)
	}
	track := p.Track
	if track == "" {
		track = "your scenario"
	}
	sub := fmt.Sprintf("%s · %d %s", track, p.Summary.Count, words.Plural(p.Summary.Count, "run", "runs"))
	if p.sc == nil {
		sub += " · not loaded"
	}
	c.Paint.TextCut(dst, kit.Ellipsize(sub, st.Small, in.W), st.Small, in.X, y, tc, view)
	y += kit.LineH(st.Small) + st.D(10)
	bar := kit.Rect{X: in.X, Y: y, W: in.W, H: st.D(8)}
	x := bar.X
	for _, cc := range p.Summary.Categories {
		if cc.Count == 0 {
			continue
		}
		w := bar.W * cc.Share
		c.Paint.FillRect(dst, kit.Rect{X: x, Y: bar.Y, W: math.Max(w-st.D(1), st.D(1)), H: bar.H}, categoryColour(pal, scenario.Category(cc.Category)))
		x += w
	}
	y = bar.Bottom() + st.D(6)
	c.Paint.TextCut(dst, kit.Ellipsize(history.CategoryLine(p.Summary), st.Tiny, in.W), st.Tiny, in.X, y, pal.Muted, view)
	for k, axis := range l.axes {
		cp.drawCell(c, dst, l, cp.cellRect(c, l, i, k), p, axis, selected)
	}
}

// drawCell draws one path on one axis: the dots, the box, the bots'
// bars and the numbers.
func (cp *compareScreen) drawCell(c *Context, dst *ebiten.Image, l compareLayout, cell kit.Rect, p *comparePath, axis int, selected bool) {
	st := c.Style()
	pal := st.Pal
	tc := trackColour(pal, p.Track)
	s := p.Summary.Axes[axis]
	lo, hi := cp.cmp.Scale(axis)
	view := l.view
	plot := plotRect(st, l, cell)
	inner := plot.InsetXY(st.D(5), 0)
	px := func(v float64) float64 { return inner.X + inner.W*kit.Clamp01((v-lo)/(hi-lo)) }
	sh := stripH(st, plot)
	cy := plot.Y + sh/2
	// The player's runs: whiskers, box, median, dots.
	if s.Count > 0 {
		c.Paint.FillRect(dst, kit.Rect{X: px(s.Min), Y: cy - st.D(0.5), W: math.Max(px(s.Max)-px(s.Min), 1), H: st.D(1)}, kit.Alpha(tc, 0.55))
		bh := sh - st.D(2)
		box := kit.Rect{X: px(s.Q1), Y: cy - bh/2, W: math.Max(px(s.Q3)-px(s.Q1), st.D(2)), H: bh}
		c.Paint.FillRect(dst, box, kit.Alpha(tc, 0.28))
		c.Paint.RoundStroke(dst, box, 0, st.D(1), kit.Alpha(tc, 0.9))
		for _, j := range p.Order {
			d := dotAt(st, plot, p, j, axis, lo, hi)
			c.Paint.Circle(dst, d.X, d.Y, st.D(2.4), kit.Alpha(tc, 0.7))
		}
		c.Paint.FillRect(dst, kit.Rect{X: px(s.Median) - st.D(1.25), Y: cy - bh/2 - st.D(2), W: st.D(2.5), H: bh + st.D(4)}, pal.Text)
		mark := func(j int, clr color.RGBA, rad float64) {
			if j < 0 || j >= len(p.Records) {
				return
			}
			d := dotAt(st, plot, p, j, axis, lo, hi)
			c.Paint.Ring(dst, d.X, d.Y, rad, st.D(2), clr)
		}
		mark(p.Summary.Worst, pal.Bad, st.D(5))
		mark(p.Summary.Best, pal.Good, st.D(5))
		if selected && cp.sel >= 0 && cp.sel < len(p.Order) {
			j := p.Order[cp.sel]
			d := dotAt(st, plot, p, j, axis, lo, hi)
			c.Paint.Circle(dst, d.X, d.Y, st.D(3.2), pal.Text)
			mark(j, pal.Focus, st.D(7))
		}
	}
	// The bots: typical, then random picks.
	by := plot.Y + sh + st.D(5)
	for bi, bot := range history.BaselineBots {
		h := st.D(6)
		clr := kit.Alpha(pal.Muted, 0.75)
		if bi > 0 {
			h, clr = st.D(4), kit.Alpha(pal.Faint, 0.8)
		}
		b := p.Baselines[bot]
		if b == nil || len(b.Summary.Axes) <= axis || b.Summary.Axes[axis].Count == 0 {
			if p.sc != nil {
				c.Paint.FillRect(dst, kit.Rect{X: inner.X, Y: by, W: inner.W, H: h}, kit.Alpha(pal.Sunken, 0.9))
			}
		} else {
			bs := b.Summary.Axes[axis]
			c.Paint.FillRect(dst, kit.Rect{X: px(bs.Min), Y: by + h/2 - st.D(0.5), W: math.Max(px(bs.Max)-px(bs.Min), 1), H: st.D(1)}, clr)
			c.Paint.FillRect(dst, kit.Rect{X: px(bs.Q1), Y: by, W: math.Max(px(bs.Q3)-px(bs.Q1), st.D(2)), H: h}, clr)
			c.Paint.FillRect(dst, kit.Rect{X: px(bs.Median) - st.D(1), Y: by - st.D(2), W: st.D(2), H: h + st.D(4)}, pal.Text)
		}
		by += h + st.D(4)
	}
	// The numbers.
	y := plot.Bottom() + st.D(4)
	if s.Count == 0 {
		return
	}
	med := "median " + history.FormatAxis(axis, s.Median)
	c.Paint.TextCut(dst, kit.Ellipsize(med, st.Small, cell.W), st.Small, cell.X, y, pal.Text, view)
	y += kit.LineH(st.Small)
	c.Paint.TextCut(dst, kit.Ellipsize("Q1–Q3 "+history.FormatRange(axis, s.Q1, s.Q3), st.Tiny, cell.W), st.Tiny, cell.X, y, pal.Muted, view)
	y += kit.LineH(st.Tiny)
	c.Paint.TextCut(dst, kit.Ellipsize("min–max "+history.FormatRange(axis, s.Min, s.Max), st.Tiny, cell.W), st.Tiny, cell.X, y, pal.Muted, view)
}

// drawInfo describes the selected run beside the buttons.
func (cp *compareScreen) drawInfo(c *Context, dst *ebiten.Image, r kit.Rect, paged bool) {
	st := c.Style()
	pal := st.Pal
	p, rec := cp.selected()
	if rec == nil {
		return
	}
	j := p.Order[cp.sel]
	tag := ""
	switch j {
	case p.Summary.Best:
		tag = " · your best"
	case p.Summary.Worst:
		tag = " · your worst"
	}
	line1 := fmt.Sprintf("%s, run %d of %d%s", p.Title, j+1, len(p.Records), tag)
	ending := rec.EndingTitle
	if ending == "" {
		ending = rec.Ending
	}
	parts := []string{fmt.Sprintf("“%s” (%s)", ending, rec.Category), history.FormatAxis(0, rec.Wealth)}
	if rec.JobTitle != "" {
		parts = append(parts, rec.JobTitle)
	}
	hint := "← → other runs · ↑ ↓ other paths · Enter or a click shows its ending"
	if paged {
		hint = "PgDn or ›: more axes · ← → runs · ↑ ↓ paths · Enter: its ending"
	}
	hintClr := pal.Faint
	if ph := phaseTimesText(p.sc, rec); ph != "" {
		// Where a career that changed employer went, in place of the
		// keys (the other runs show them).
		hint, hintClr = fmt.Sprintf("%d months: %s", rec.Months, ph), pal.Muted
	} else {
		parts = append(parts, fmt.Sprintf("%d months", rec.Months))
	}
	line2 := strings.Join(parts, " · ")
	th := kit.LineH(st.Label) + kit.LineH(st.Small) + kit.LineH(st.Tiny)
	y := r.Y + (r.H-th)/2
	c.Paint.Text(dst, kit.Ellipsize(line1, st.Label, r.W), st.Label, r.X, y, pal.Text, r)
	y += kit.LineH(st.Label)
	c.Paint.Text(dst, kit.Ellipsize(line2, st.Small, r.W), st.Small, r.X, y, pal.Muted, r)
	y += kit.LineH(st.Small)
	c.Paint.Text(dst, kit.Ellipsize(hint, st.Tiny, r.W), st.Tiny, r.X, y, hintClr, r)
}

// drawEmpty explains the screen before any run has finished.
func (cp *compareScreen) drawEmpty(c *Context, dst *ebiten.Image, l compareLayout) {
	st := c.Style()
	pal := st.Pal
	w := math.Min(l.empty.W, st.D(720))
	msg := "One run is an anecdote: the trade-offs show in the spread of many. Every run you finish is kept here, and your paths are set side by side on the same scales: wealth, level, skills, wellbeing, autonomy and time, next to bots that played the same paths.\n\nPlay a startup path and a corporate path a few times each, then come back. You can also import a history exported on another machine."
	ls := c.Wrap.Wrap(msg, st.Body, w-st.D(48))
	h := st.D(48) + st.D(60) + kit.TextHeight(len(ls), st.Body, 1.3)
	in := kit.Rect{X: l.empty.X, Y: l.empty.Y, W: w, H: math.Min(l.empty.H, h)}
	kit.Panel(c.Context, dst, in)
	box := in.Inset(st.D(24))
	kit.IconBadge(c.Context, dst, "chart", kit.Rect{X: box.X, Y: box.Y, W: st.D(44), H: st.D(44)}, pal.Accent)
	tx := box.X + st.D(60)
	c.Paint.Text(dst, kit.Ellipsize("No finished runs yet", st.Heading, box.Right()-tx), st.Heading, tx, box.Y+st.D(8), pal.Text, box)
	y := box.Y + st.D(60)
	for _, ln := range ls {
		if y+kit.LineH(st.Body) > box.Bottom() {
			break
		}
		c.Paint.Text(dst, ln, st.Body, box.X, y, pal.Muted, box)
		y += kit.LineH(st.Body) * 1.3
	}
}
