package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
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
		return true, clamp01((v - s.Min) / (s.Max - s.Min))
	}
	return false, 0
}

// healthColour colours a bar by how good its fill is for the player:
// green when comfortable, blue in the middle, amber when low, red when
// critical (reversed for stats where lower is better).
func healthColour(pal Palette, better int, frac float64) color.RGBA {
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
func statRowHeight(st *style, compact bool) float64 {
	if compact {
		return lineH(st.label) + st.d(5)
	}
	return lineH(st.bodyBold) + st.d(14)
}

// statsHead is the height of the stats panel's heading and padding.
func statsHead(st *style) float64 { return st.d(16) + lineH(st.label) + st.d(8) }

// statsHeight is the height of the stats panel for n stats.
func statsHeight(st *style, n int, compact bool) float64 {
	return statsHead(st) + float64(n)*statRowHeight(st, compact) + st.d(12)
}

// statsView is the scrolling area of the stats panel's rows.
func statsView(st *style, r Rect) Rect {
	return Rect{r.X + st.d(6), r.Y + statsHead(st), r.W - st.d(12), r.H - statsHead(st) - st.d(8)}
}

// statRows returns the rectangle of each stat row, scrolled by off.
func statRows(st *style, r Rect, n int, compact bool, off float64) []Rect {
	v := statsView(st, r)
	rh := statRowHeight(st, compact)
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + st.d(14), v.Y + float64(i)*rh - off, r.W - st.d(28), rh}
	}
	return out
}

// drawStats draws the HUD: each stat with its icon, label, value and a bar
// when its range means something. Rows scroll when the panel is short.
func (a *app) drawStats(dst *ebiten.Image, r Rect, run *sim.Run, stats []int, compact bool, hover int, off float64) {
	st := a.style()
	pal := st.pal
	sc := run.Scenario()
	a.panel(dst, r)
	in := r.InsetXY(st.d(14), st.d(16))
	a.paint.text(dst, "YOUR SITUATION", st.label, in.X, in.Y, pal.Muted, in)
	view := statsView(st, r)
	clip := clipTo(dst, view)
	valFace, labelFace := st.bodyBold, st.small
	if compact {
		valFace, labelFace = st.label, st.small
	}
	for i, row := range statRows(st, r, len(stats), compact, off) {
		if row.Bottom() < view.Y || row.Y > view.Bottom() {
			continue
		}
		s := &sc.Stats[stats[i]]
		v := run.Value(stats[i])
		if i == hover {
			a.paint.round(clip, row.InsetXY(-st.d(6), 0), st.d(6), pal.Raised)
		}
		lh := lineH(valFace)
		ih := math.Min(st.d(18), lh)
		lineY := row.Y + st.d(3)
		if compact {
			lineY = row.Y + (row.H-lh)/2
		}
		drawIcon(a.paint, clip, s.Icon, Rect{row.X, lineY + (lh-ih)/2, ih, ih}, pal.Icon)
		val := sim.FormatValue(v, s.Unit)
		vw := textWidth(val, valFace)
		labelBox := Rect{row.X + ih + st.d(8), lineY, row.W - ih - st.d(8) - vw - st.d(8), lh}
		label := ellipsize(s.Label, labelFace, labelBox.W)
		a.paint.textCut(clip, label, labelFace, labelBox.X, lineY+(lh-lineH(labelFace))/2, pal.Text, view)
		a.paint.textCut(clip, val, valFace, row.Right()-vw, lineY, pal.Text, view)
		if ok, frac := statBar(s, v); ok && !compact {
			bar := Rect{labelBox.X, lineY + lh + st.d(2), row.Right() - labelBox.X, st.d(4)}
			a.meter(clip, bar, frac, healthColour(pal, s.Better, frac))
		}
	}
	content := float64(len(stats)) * statRowHeight(st, compact)
	a.fadeEdges(clip, view, content, off, pal.Panel)
	a.scrollbar(dst, view, r.Right()-st.d(9), 0, content, off)
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
func runwayColour(pal Palette, months float64) color.RGBA {
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
func runwayHeight(st *style, raising, compact bool) float64 {
	// These sums follow drawRunway line by line.
	h := st.d(16) + lineH(st.label) + st.d(6) + lineH(st.title) + st.d(10) + st.d(10) + st.d(8) + lineH(st.tiny) + st.d(8) + lineH(st.small) + st.d(16)
	if compact {
		h = st.d(14) + lineH(st.heading) + st.d(8) + st.d(10) + st.d(8) + lineH(st.small) + st.d(14)
	}
	if raising {
		h += lineH(st.small) + st.d(4)
	}
	return h
}

// drawRunway draws the runway gauge: months of cash left on a scale to
// 24, with red and amber zones.
func (a *app) drawRunway(dst *ebiten.Image, r Rect, run *sim.Run, compact bool) {
	st := a.style()
	pal := st.pal
	sc := run.Scenario()
	f := sc.Funding
	a.panel(dst, r)
	in := r.InsetXY(st.d(14), st.d(16))
	months := runwayMonths(run)
	clr := runwayColour(pal, months)
	big := "Profitable"
	if !math.IsInf(months, 1) {
		big = fmt.Sprintf("%.1f months", months)
	}
	y := in.Y
	if compact {
		in = r.InsetXY(st.d(14), st.d(14))
		y = in.Y
		bw := textWidth(big, st.heading)
		drawIcon(a.paint, dst, "runway", Rect{in.X, y + (lineH(st.heading)-st.d(16))/2, st.d(16), st.d(16)}, pal.Muted)
		a.paint.textIn(dst, "RUNWAY", st.label, Rect{in.X + st.d(22), y, in.W - bw - st.d(30), lineH(st.heading)}, 0, pal.Muted)
		a.paint.text(dst, big, st.heading, in.Right()-bw, y, clr, in)
		y += lineH(st.heading) + st.d(8)
	} else {
		drawIcon(a.paint, dst, "runway", Rect{in.X, y - st.d(1), st.d(16), st.d(16)}, pal.Muted)
		a.paint.text(dst, "RUNWAY", st.label, in.X+st.d(22), y, pal.Muted, in)
		y += lineH(st.label) + st.d(6)
		a.paint.text(dst, ellipsize(big, st.title, in.W), st.title, in.X, y, clr, in)
		y += lineH(st.title) + st.d(10)
	}
	const scale = 24.0
	g := Rect{in.X, y, in.W, st.d(10)}
	a.paint.round(dst, g, g.H/2, pal.Sunken)
	zone := func(from, to float64, c color.RGBA) {
		x0, x1 := g.X+g.W*from/scale, g.X+g.W*to/scale
		a.paint.rect(dst, Rect{x0, g.Y + g.H*0.35, x1 - x0, g.H * 0.3}, alpha(c, 0.55))
	}
	zone(0, 3, pal.Bad)
	zone(3, 6, pal.Warn)
	frac := 1.0
	if !math.IsInf(months, 1) {
		frac = clamp01(months / scale)
	}
	a.paint.round(dst, Rect{g.X, g.Y, math.Max(g.W*frac, g.H), g.H}, g.H/2, clr)
	mx := g.X + g.W*frac
	a.paint.circle(dst, math.Min(math.Max(mx, g.X+g.H/2), g.Right()-g.H/2), g.Y+g.H/2, g.H*0.85, clr)
	a.paint.ring(dst, math.Min(math.Max(mx, g.X+g.H/2), g.Right()-g.H/2), g.Y+g.H/2, g.H*0.85, st.d(2), pal.Panel)
	y += g.H + st.d(8)
	if !compact {
		// The scale: the red and amber zones end at 3 and 6 months.
		for _, t := range []float64{0, 3, 6, 12, 24} {
			lbl := fmt.Sprintf("%.0f", t)
			if t == 24 {
				lbl = "24+ mo"
			}
			w := textWidth(lbl, st.tiny)
			x := g.X + g.W*t/scale - w/2
			x = math.Min(math.Max(x, g.X), g.Right()-w)
			a.paint.text(dst, lbl, st.tiny, x, y, pal.Faint, in)
		}
		y += lineH(st.tiny) + st.d(8)
	}
	net := run.Value(f.Burn) - run.Value(f.Revenue)
	line := fmt.Sprintf("Cash %s · net burn %s/mo", sim.FormatValue(run.Value(f.Cash), scenario.Money), sim.FormatValue(math.Max(net, 0), scenario.Money))
	if net <= 0 {
		line = fmt.Sprintf("Cash %s · revenue covers the burn", sim.FormatValue(run.Value(f.Cash), scenario.Money))
	}
	a.paint.text(dst, ellipsize(line, st.small, in.W), st.small, in.X, y, pal.Muted, in)
	y += lineH(st.small) + st.d(4)
	if round, m := run.Raising(); round >= 0 {
		rd := &f.Rounds[round]
		a.paint.text(dst, ellipsize(fmt.Sprintf("Raising the %s: month %d of about %d", rd.Label, m+1, rd.Months), st.small, in.W), st.small, in.X, y, pal.Accent, in)
	}
}

// ladderHeight is the height the ladder panel wants for n levels.
func ladderHeight(st *style, n int, rung float64) float64 {
	return st.d(16) + lineH(st.label) + st.d(10) + float64(n)*rung + st.d(8) + 3*lineH(st.small)*1.25 + st.d(14)
}

// ladderRung is the spacing of rungs: roomy, or tight when space is short.
func ladderRung(st *style, tight bool) float64 {
	if tight {
		return math.Max(lineH(st.small), st.d(17))
	}
	return lineH(st.small) + st.d(10)
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
func (a *app) drawLadder(dst *ebiten.Image, r Rect, run *sim.Run, rung float64) {
	st := a.style()
	pal := st.pal
	sc := run.Scenario()
	ld := sc.Ladder
	a.panel(dst, r)
	in := r.InsetXY(st.d(14), st.d(16))
	y := in.Y
	drawIcon(a.paint, dst, "level", Rect{in.X, y - st.d(1), st.d(16), st.d(16)}, pal.Muted)
	a.paint.text(dst, "PROMOTION LADDER", st.label, in.X+st.d(22), y, pal.Muted, in)
	y += lineH(st.label) + st.d(10)
	lvl := int(math.Round(run.Value(ld.Level)))
	lvl = min(max(lvl, 0), len(ld.Levels)-1)
	n := len(ld.Levels)
	railX0, railX1 := in.X+st.d(4), in.X+st.d(30)
	top, bottom := y+rung*0.5, y+rung*(float64(n)-0.5)
	a.paint.line(dst, railX0, top-rung*0.4, railX0, bottom+rung*0.4, st.d(2.5), pal.Border)
	a.paint.line(dst, railX1, top-rung*0.4, railX1, bottom+rung*0.4, st.d(2.5), pal.Border)
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
		a.paint.line(dst, railX0, cy, railX1, cy, st.d(2.5), clr)
		label := ld.Levels[level].Title
		box := Rect{railX1 + st.d(12), cy - lineH(st.small)/2, in.Right() - railX1 - st.d(12), lineH(st.small)}
		face := st.small
		if level == lvl {
			a.paint.circle(dst, (railX0+railX1)/2, cy, st.d(5.5), pal.Accent)
			pay := sim.FormatValue(ld.Levels[level].Pay, scenario.Money) + "/mo"
			pw := textWidth(pay, st.small)
			if box.W-pw-st.d(8) > textWidth(label, face)*0.6 {
				a.paint.text(dst, pay, st.small, box.Right()-pw, box.Y, pal.Muted, box)
				box.W -= pw + st.d(8)
			}
		}
		a.paint.textIn(dst, label, face, box, 0, txt)
	}
	y += float64(n)*rung + st.d(8)
	mil := int(run.Builtin(scenario.VarMonthsInLevel))
	line1 := fmt.Sprintf("%d %s in level", mil, plural(mil, "month", "months"))
	if max := ld.Levels[lvl].MaxMonths; max > 0 {
		line1 += fmt.Sprintf(" · up or out at %d", max)
	}
	a.paint.text(dst, ellipsize(line1, st.small, in.W), st.small, in.X, y, pal.Muted, in)
	y += lineH(st.small) * 1.25
	line2 := "No rating yet"
	if l := lastRatingLabel(run); l != "" {
		line2 = "Last rating: " + l
	}
	a.paint.text(dst, ellipsize(line2, st.small, in.W), st.small, in.X, y, pal.Muted, in)
	y += lineH(st.small) * 1.25
	line3 := "Calibration at the end of this month"
	if nc := nextCalibration(ld, run.Month()); nc > 0 {
		line3 = fmt.Sprintf("Next calibration in %d %s", nc, plural(nc, "month", "months"))
	}
	a.paint.text(dst, ellipsize(line3, st.small, in.W), st.small, in.X, y, pal.Muted, in)
}

// fightHeight is the height of the resource-fight view for n teams.
// A preview (before the pick) ends with a line saying what it shows.
func fightHeight(st *style, n int, preview bool) float64 {
	h := lineH(st.label) + st.d(8) + st.d(14) + st.d(10) + float64(n)*(lineH(st.small)+st.d(6))
	if preview {
		h += st.d(2) + lineH(st.tiny)
	}
	return h
}

// drawFight shows who contests the pool: each team's share of the
// expected split (before luck and before the player's option).
func (a *app) drawFight(dst *ebiten.Image, r Rect, teams []sim.Team, pool string, halves int, shares bool) {
	st := a.style()
	pal := st.pal
	y := r.Y
	head := "AT STAKE: " + pool
	a.paint.text(dst, ellipsize(head, st.label, r.W), st.label, r.X, y, pal.Accent, r)
	y += lineH(st.label) + st.d(8)
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
	bar := Rect{r.X, y, r.W, st.d(14)}
	a.paint.round(dst, bar, st.d(4), pal.Sunken)
	x := bar.X
	for i := range teams {
		w := bar.W * share[i]
		c := pal.Series[(i+1)%len(pal.Series)]
		if teams[i].You {
			c = pal.Accent
		}
		if w > st.d(1) {
			a.paint.rect(dst, Rect{x, bar.Y, w - st.d(1), bar.H}, c)
		}
		x += w
	}
	y += bar.H + st.d(10)
	for i, t := range teams {
		c := pal.Series[(i+1)%len(pal.Series)]
		if t.You {
			c = pal.Accent
		}
		a.paint.round(dst, Rect{r.X, y + lineH(st.small)/2 - st.d(5), st.d(10), st.d(10)}, st.d(2), c)
		pct := fmt.Sprintf("%.0f%%", share[i]*100)
		eff := fmt.Sprintf("effort %.0f", t.Effort)
		pw := textWidth(pct, st.small)
		ew := textWidth(eff, st.small)
		name := Rect{r.X + st.d(18), y, r.W - st.d(18) - pw - ew - st.d(24), lineH(st.small)}
		clr := pal.Text
		if !t.You {
			clr = pal.Muted
		}
		a.paint.textIn(dst, t.Name, st.small, name, 0, clr)
		a.paint.text(dst, eff, st.small, r.Right()-pw-ew-st.d(12), y, pal.Faint, r)
		a.paint.text(dst, pct, st.small, r.Right()-pw, y, clr, r)
		y += lineH(st.small) + st.d(6)
	}
	if !shares {
		note := "Expected split before your choice and luck; effort wins share."
		a.paint.text(dst, ellipsize(note, st.tiny, r.W), st.tiny, r.X, y+st.d(2), pal.Faint, r)
	}
}

// powHalf is x^(h/2), the contest's weight of an effort.
func powHalf(x float64, h int) float64 {
	if h <= 0 {
		h = 2
	}
	return math.Pow(math.Max(x, 0), float64(h)/2)
}
