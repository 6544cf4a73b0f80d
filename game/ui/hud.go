package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// hudStats returns the stats the HUD lists: visible ones, without those a
// system panel already shows (runway, ladder level and rating).
func hudStats(sc *scenario.Scenario) []int {
	var out []int
	for i, s := range sc.Stats {
		if s.Hidden {
			continue
		}
		if sc.Funding != nil && s.Icon == "runway" && s.Unit == scenario.Months {
			continue
		}
		if ld := sc.Ladder; ld != nil && (i == ld.Level || i == ld.Rating) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// statBar says whether a stat has a meaningful bar and how full it is.
func statBar(s *scenario.Stat, v float64) (bool, float64) {
	if !s.Bounded || s.Max <= s.Min || s.Max-s.Min > 1000 {
		return false, 0
	}
	switch s.Unit {
	case scenario.Plain, scenario.Percent, scenario.Fraction:
		return true, kit.Clamp01((v - s.Min) / (s.Max - s.Min))
	}
	return false, 0
}

// healthColour colours a bar by how good its fill is for the player:
// green when comfortable, blue in the middle, amber when low, red when
// critical (reversed for stats where lower is better).
func healthColour(pal kit.Palette, better int, frac float64) color.RGBA {
	if better < 0 {
		frac = 1 - frac
	} else if better == 0 {
		return pal.Focus
	}
	switch {
	case frac < 0.1:
		return pal.Bad
	case frac < 0.25:
		return pal.Warn
	case frac < 0.6:
		return pal.Focus
	}
	return pal.Good
}

// statRowHeight is a HUD row's height: with a bar, or compact.
func statRowHeight(st *kit.Style, compact bool) float64 {
	if compact {
		return kit.LineH(st.Label) + st.D(5)
	}
	return kit.LineH(st.BodyBold) + st.D(14)
}

// statsHead is the height of the stats panel's heading and padding.
func statsHead(st *kit.Style) float64 { return st.D(16) + kit.LineH(st.Label) + st.D(8) }

// statsHeight is the height of the stats panel for n stats.
func statsHeight(st *kit.Style, n int, compact bool) float64 {
	return statsHead(st) + float64(n)*statRowHeight(st, compact) + st.D(12)
}

// statsView is the scrolling area of the stats panel's rows.
func statsView(st *kit.Style, r kit.Rect) kit.Rect {
	return kit.Rect{X: r.X + st.D(6), Y: r.Y + statsHead(st), W: r.W - st.D(12), H: r.H - statsHead(st) - st.D(8)}
}

// statRows returns the rectangle of each stat row, scrolled by off.
func statRows(st *kit.Style, r kit.Rect, n int, compact bool, off float64) []kit.Rect {
	v := statsView(st, r)
	rh := statRowHeight(st, compact)
	out := make([]kit.Rect, n)
	for i := range out {
		out[i] = kit.Rect{X: r.X + st.D(14), Y: v.Y + float64(i)*rh - off, W: r.W - st.D(28), H: rh}
	}
	return out
}

// drawStats draws the HUD: each stat with its icon, label, value and a bar
// when its range means something. Rows scroll when the panel is short.
func (c *Context) drawStats(dst *ebiten.Image, r kit.Rect, run *sim.Run, stats []int, compact bool, hover int, off float64) {
	st := c.Style()
	pal := st.Pal
	sc := run.Scenario()
	kit.Panel(c.Context, dst, r)
	in := r.InsetXY(st.D(14), st.D(16))
	c.Paint.Text(dst, "YOUR SITUATION", st.Label, in.X, in.Y, pal.Muted, in)
	view := statsView(st, r)
	clip := kit.ClipTo(dst, view)
	valFace, labelFace := st.BodyBold, st.Small
	if compact {
		valFace, labelFace = st.Label, st.Small
	}
	for i, row := range statRows(st, r, len(stats), compact, off) {
		if row.Bottom() < view.Y || row.Y > view.Bottom() {
			continue
		}
		s := &sc.Stats[stats[i]]
		v := run.Value(stats[i])
		if i == hover {
			c.Paint.Round(clip, row.InsetXY(-st.D(6), 0), st.D(6), pal.Raised)
		}
		lh := kit.LineH(valFace)
		ih := math.Min(st.D(18), lh)
		lineY := row.Y + st.D(3)
		if compact {
			lineY = row.Y + (row.H-lh)/2
		}
		kit.DrawIcon(c.Paint, clip, s.Icon, kit.Rect{X: row.X, Y: lineY + (lh-ih)/2, W: ih, H: ih}, pal.Icon)
		val := sim.FormatValue(v, s.Unit)
		vw := kit.TextWidth(val, valFace)
		labelBox := kit.Rect{X: row.X + ih + st.D(8), Y: lineY, W: row.W - ih - st.D(8) - vw - st.D(8), H: lh}
		label := kit.Ellipsize(s.Label, labelFace, labelBox.W)
		c.Paint.TextCut(clip, label, labelFace, labelBox.X, lineY+(lh-kit.LineH(labelFace))/2, pal.Text, view)
		c.Paint.TextCut(clip, val, valFace, row.Right()-vw, lineY, pal.Text, view)
		if ok, frac := statBar(s, v); ok && !compact {
			bar := kit.Rect{X: labelBox.X, Y: lineY + lh + st.D(2), W: row.Right() - labelBox.X, H: st.D(4)}
			kit.Meter(c.Context, clip, bar, frac, healthColour(pal, s.Better, frac))
		}
	}
	content := float64(len(stats)) * statRowHeight(st, compact)
	kit.FadeEdges(c.Context, clip, view, content, off, pal.Panel)
	kit.Scrollbar(c.Context, dst, view, r.Right()-st.D(9), 0, content, off)
}

// runwayMonths is the months of cash left at the current net burn, or
// +Inf when revenue covers the burn.
func runwayMonths(run *sim.Run) float64 {
	f := run.Scenario().Funding
	cash, burn, rev := run.Value(f.Cash), run.Value(f.Burn), run.Value(f.Revenue)
	if rev >= burn {
		return math.Inf(1)
	}
	return math.Max(cash, 0) / (burn - rev)
}

// runwayColour turns amber under six months and red under three.
func runwayColour(pal kit.Palette, months float64) color.RGBA {
	switch {
	case months < 3:
		return pal.Bad
	case months < 6:
		return pal.Warn
	}
	return pal.Good
}

// runwayHeight is the height of the runway gauge panel; compact drops
// the scale under the gauge and uses a smaller figure.
func runwayHeight(st *kit.Style, raising, compact bool) float64 {
	// These sums follow drawRunway line by line.
	h := st.D(16) + kit.LineH(st.Label) + st.D(6) + kit.LineH(st.Title) + st.D(10) + st.D(10) + st.D(8) + kit.LineH(st.Tiny) + st.D(8) + kit.LineH(st.Small) + st.D(16)
	if compact {
		h = st.D(14) + kit.LineH(st.Heading) + st.D(8) + st.D(10) + st.D(8) + kit.LineH(st.Small) + st.D(14)
	}
	if raising {
		h += kit.LineH(st.Small) + st.D(4)
	}
	return h
}

// drawRunway draws the runway gauge: months of cash left on a scale to
// 24, with red and amber zones.
func (c *Context) drawRunway(dst *ebiten.Image, r kit.Rect, run *sim.Run, compact bool) {
	st := c.Style()
	pal := st.Pal
	sc := run.Scenario()
	f := sc.Funding
	kit.Panel(c.Context, dst, r)
	in := r.InsetXY(st.D(14), st.D(16))
	months := runwayMonths(run)
	clr := runwayColour(pal, months)
	big := "Profitable"
	if !math.IsInf(months, 1) {
		big = fmt.Sprintf("%.1f months", months)
	}
	y := in.Y
	if compact {
		in = r.InsetXY(st.D(14), st.D(14))
		y = in.Y
		bw := kit.TextWidth(big, st.Heading)
		kit.DrawIcon(c.Paint, dst, "runway", kit.Rect{X: in.X, Y: y + (kit.LineH(st.Heading)-st.D(16))/2, W: st.D(16), H: st.D(16)}, pal.Muted)
		c.Paint.TextIn(dst, "RUNWAY", st.Label, kit.Rect{X: in.X + st.D(22), Y: y, W: in.W - bw - st.D(30), H: kit.LineH(st.Heading)}, 0, pal.Muted)
		c.Paint.Text(dst, big, st.Heading, in.Right()-bw, y, clr, in)
		y += kit.LineH(st.Heading) + st.D(8)
	} else {
		kit.DrawIcon(c.Paint, dst, "runway", kit.Rect{X: in.X, Y: y - st.D(1), W: st.D(16), H: st.D(16)}, pal.Muted)
		c.Paint.Text(dst, "RUNWAY", st.Label, in.X+st.D(22), y, pal.Muted, in)
		y += kit.LineH(st.Label) + st.D(6)
		c.Paint.Text(dst, kit.Ellipsize(big, st.Title, in.W), st.Title, in.X, y, clr, in)
		y += kit.LineH(st.Title) + st.D(10)
	}
	const scale = 24.0
	g := kit.Rect{X: in.X, Y: y, W: in.W, H: st.D(10)}
	c.Paint.Round(dst, g, g.H/2, pal.Sunken)
	zone := func(from, to float64, zc color.RGBA) {
		x0, x1 := g.X+g.W*from/scale, g.X+g.W*to/scale
		c.Paint.FillRect(dst, kit.Rect{X: x0, Y: g.Y + g.H*0.35, W: x1 - x0, H: g.H * 0.3}, kit.Alpha(zc, 0.55))
	}
	zone(0, 3, pal.Bad)
	zone(3, 6, pal.Warn)
	frac := 1.0
	if !math.IsInf(months, 1) {
		frac = kit.Clamp01(months / scale)
	}
	c.Paint.Round(dst, kit.Rect{X: g.X, Y: g.Y, W: math.Max(g.W*frac, g.H), H: g.H}, g.H/2, clr)
	mx := g.X + g.W*frac
	c.Paint.Circle(dst, math.Min(math.Max(mx, g.X+g.H/2), g.Right()-g.H/2), g.Y+g.H/2, g.H*0.85, clr)
	c.Paint.Ring(dst, math.Min(math.Max(mx, g.X+g.H/2), g.Right()-g.H/2), g.Y+g.H/2, g.H*0.85, st.D(2), pal.Panel)
	y += g.H + st.D(8)
	if !compact {
		// The scale: the red and amber zones end at 3 and 6 months.
		for _, t := range []float64{0, 3, 6, 12, 24} {
			lbl := fmt.Sprintf("%.0f", t)
			if t == 24 {
				lbl = "24+ mo"
			}
			w := kit.TextWidth(lbl, st.Tiny)
			x := g.X + g.W*t/scale - w/2
			x = math.Min(math.Max(x, g.X), g.Right()-w)
			c.Paint.Text(dst, lbl, st.Tiny, x, y, pal.Faint, in)
		}
		y += kit.LineH(st.Tiny) + st.D(8)
	}
	net := run.Value(f.Burn) - run.Value(f.Revenue)
	line := fmt.Sprintf("Cash %s · net burn %s/mo", sim.FormatValue(run.Value(f.Cash), scenario.Money), sim.FormatValue(math.Max(net, 0), scenario.Money))
	if net <= 0 {
		line = fmt.Sprintf("Cash %s · revenue covers the burn", sim.FormatValue(run.Value(f.Cash), scenario.Money))
	}
	c.Paint.Text(dst, kit.Ellipsize(line, st.Small, in.W), st.Small, in.X, y, pal.Muted, in)
	y += kit.LineH(st.Small) + st.D(4)
	if round, m := run.Raising(); round >= 0 {
		rd := &f.Rounds[round]
		c.Paint.Text(dst, kit.Ellipsize(fmt.Sprintf("Raising the %s: month %d of about %d", rd.Label, m+1, rd.Months), st.Small, in.W), st.Small, in.X, y, pal.Accent, in)
	}
}

// ladderHeight is the height the ladder panel wants for n levels.
func ladderHeight(st *kit.Style, n int, rung float64) float64 {
	return st.D(16) + kit.LineH(st.Label) + st.D(10) + float64(n)*rung + st.D(8) + 3*kit.LineH(st.Small)*1.25 + st.D(14)
}

// ladderRung is the spacing of rungs: roomy, or tight when space is short.
func ladderRung(st *kit.Style, tight bool) float64 {
	if tight {
		return math.Max(kit.LineH(st.Small), st.D(17))
	}
	return kit.LineH(st.Small) + st.D(10)
}

// lastRatingLabel names the last calibration rating, or "".
func lastRatingLabel(run *sim.Run) string {
	ld := run.Scenario().Ladder
	last := int(run.Builtin(scenario.VarLastRating))
	if last <= 0 || last > len(ld.Ratings) {
		return ""
	}
	return ld.Ratings[len(ld.Ratings)-last].Label
}

// nextCalibration is the number of months until the next calibration.
func nextCalibration(ld *scenario.Ladder, month int) int {
	if month <= ld.First {
		return ld.First - month
	}
	return (ld.Every - (month-ld.First)%ld.Every) % ld.Every
}

// drawLadder draws the promotion ladder: each level a rung, yours marked,
// with time in level, the last rating and the next calibration.
func (c *Context) drawLadder(dst *ebiten.Image, r kit.Rect, run *sim.Run, rung float64) {
	st := c.Style()
	pal := st.Pal
	sc := run.Scenario()
	ld := sc.Ladder
	kit.Panel(c.Context, dst, r)
	in := r.InsetXY(st.D(14), st.D(16))
	y := in.Y
	kit.DrawIcon(c.Paint, dst, "level", kit.Rect{X: in.X, Y: y - st.D(1), W: st.D(16), H: st.D(16)}, pal.Muted)
	c.Paint.Text(dst, "PROMOTION LADDER", st.Label, in.X+st.D(22), y, pal.Muted, in)
	y += kit.LineH(st.Label) + st.D(10)
	lvl := int(math.Round(run.Value(ld.Level)))
	lvl = min(max(lvl, 0), len(ld.Levels)-1)
	n := len(ld.Levels)
	railX0, railX1 := in.X+st.D(4), in.X+st.D(30)
	top, bottom := y+rung*0.5, y+rung*(float64(n)-0.5)
	c.Paint.Line(dst, railX0, top-rung*0.4, railX0, bottom+rung*0.4, st.D(2.5), pal.Border)
	c.Paint.Line(dst, railX1, top-rung*0.4, railX1, bottom+rung*0.4, st.D(2.5), pal.Border)
	for i := 0; i < n; i++ {
		level := n - 1 - i // the top rung is the highest level
		cy := y + rung*(float64(i)+0.5)
		clr, txt := pal.Faint, pal.Muted
		if level < lvl {
			clr = pal.Muted
		}
		if level == lvl {
			clr, txt = pal.Accent, pal.Text
		}
		c.Paint.Line(dst, railX0, cy, railX1, cy, st.D(2.5), clr)
		label := ld.Levels[level].Title
		box := kit.Rect{X: railX1 + st.D(12), Y: cy - kit.LineH(st.Small)/2, W: in.Right() - railX1 - st.D(12), H: kit.LineH(st.Small)}
		face := st.Small
		if level == lvl {
			c.Paint.Circle(dst, (railX0+railX1)/2, cy, st.D(5.5), pal.Accent)
			pay := sim.FormatValue(ld.Levels[level].Pay, scenario.Money) + "/mo"
			pw := kit.TextWidth(pay, st.Small)
			if box.W-pw-st.D(8) > kit.TextWidth(label, face)*0.6 {
				c.Paint.Text(dst, pay, st.Small, box.Right()-pw, box.Y, pal.Muted, box)
				box.W -= pw + st.D(8)
			}
		}
		c.Paint.TextIn(dst, label, face, box, 0, txt)
	}
	y += float64(n)*rung + st.D(8)
	mil := int(run.Builtin(scenario.VarMonthsInLevel))
	line1 := fmt.Sprintf("%d %s in level", mil, words.Plural(mil, "month", "months"))
	if max := ld.Levels[lvl].MaxMonths; max > 0 {
		line1 += fmt.Sprintf(" · up or out at %d", max)
	}
	c.Paint.Text(dst, kit.Ellipsize(line1, st.Small, in.W), st.Small, in.X, y, pal.Muted, in)
	y += kit.LineH(st.Small) * 1.25
	line2 := "No rating yet"
	if l := lastRatingLabel(run); l != "" {
		line2 = "Last rating: " + l
	}
	c.Paint.Text(dst, kit.Ellipsize(line2, st.Small, in.W), st.Small, in.X, y, pal.Muted, in)
	y += kit.LineH(st.Small) * 1.25
	line3 := "Calibration at the end of this month"
	if nc := nextCalibration(ld, run.Month()); nc > 0 {
		line3 = fmt.Sprintf("Next calibration in %d %s", nc, words.Plural(nc, "month", "months"))
	}
	c.Paint.Text(dst, kit.Ellipsize(line3, st.Small, in.W), st.Small, in.X, y, pal.Muted, in)
}

// fightHeight is the height of the resource-fight view for n teams.
// A preview (before the pick) ends with a line saying what it shows.
func fightHeight(st *kit.Style, n int, preview bool) float64 {
	h := kit.LineH(st.Label) + st.D(8) + st.D(14) + st.D(10) + float64(n)*(kit.LineH(st.Small)+st.D(6))
	if preview {
		h += st.D(2) + kit.LineH(st.Tiny)
	}
	return h
}

// drawFight shows who contests the pool: each team's share of the
// expected split (before luck and before the player's option).
func (c *Context) drawFight(dst *ebiten.Image, r kit.Rect, teams []sim.Team, pool string, halves int, shares bool) {
	st := c.Style()
	pal := st.Pal
	y := r.Y
	head := "AT STAKE: " + pool
	c.Paint.Text(dst, kit.Ellipsize(head, st.Label, r.W), st.Label, r.X, y, pal.Accent, r)
	y += kit.LineH(st.Label) + st.D(8)
	share := make([]float64, len(teams))
	total := 0.0
	for i, t := range teams {
		if shares {
			share[i] = t.Share
		} else {
			share[i] = powHalf(t.Effort, halves)
		}
		total += share[i]
	}
	if !shares && total > 0 {
		for i := range share {
			share[i] /= total
		}
	}
	bar := kit.Rect{X: r.X, Y: y, W: r.W, H: st.D(14)}
	c.Paint.Round(dst, bar, st.D(4), pal.Sunken)
	x := bar.X
	for i := range teams {
		w := bar.W * share[i]
		clr := pal.Series[(i+1)%len(pal.Series)]
		if teams[i].You {
			clr = pal.Accent
		}
		if w > st.D(1) {
			c.Paint.FillRect(dst, kit.Rect{X: x, Y: bar.Y, W: w - st.D(1), H: bar.H}, clr)
		}
		x += w
	}
	y += bar.H + st.D(10)
	for i, t := range teams {
		tc := pal.Series[(i+1)%len(pal.Series)]
		if t.You {
			tc = pal.Accent
		}
		c.Paint.Round(dst, kit.Rect{X: r.X, Y: y + kit.LineH(st.Small)/2 - st.D(5), W: st.D(10), H: st.D(10)}, st.D(2), tc)
		pct := fmt.Sprintf("%.0f%%", share[i]*100)
		eff := fmt.Sprintf("effort %.0f", t.Effort)
		pw := kit.TextWidth(pct, st.Small)
		ew := kit.TextWidth(eff, st.Small)
		name := kit.Rect{X: r.X + st.D(18), Y: y, W: r.W - st.D(18) - pw - ew - st.D(24), H: kit.LineH(st.Small)}
		clr := pal.Text
		if !t.You {
			clr = pal.Muted
		}
		c.Paint.TextIn(dst, t.Name, st.Small, name, 0, clr)
		c.Paint.Text(dst, eff, st.Small, r.Right()-pw-ew-st.D(12), y, pal.Faint, r)
		c.Paint.Text(dst, pct, st.Small, r.Right()-pw, y, clr, r)
		y += kit.LineH(st.Small) + st.D(6)
	}
	if !shares {
		note := "Expected split before your choice and luck; effort wins share."
		c.Paint.Text(dst, kit.Ellipsize(note, st.Tiny, r.W), st.Tiny, r.X, y+st.D(2), pal.Faint, r)
	}
}

// powHalf is x^(h/2), the contest's weight of an effort.
func powHalf(x float64, h int) float64 {
	if h <= 0 {
		h = 2
	}
	return math.Pow(math.Max(x, 0), float64(h)/2)
}
