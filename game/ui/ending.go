package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// endingScreen explains how the run ended: the outcome and its category,
// charts of the key stats over the months, the decisions that mattered
// most, the outcome axes every path shares, and the run code.
type endingScreen struct {
	a         *app
	decisions []decision
	// actions are what the platform offers to do with the run code.
	actions []runAction
	nav     nav
	scroll  scroller
	code    string
	// shown is when the screen appeared: Enter is ignored for a moment,
	// so keys pressed to get through the last month do not skip it.
	shown time.Time
	// whatif plays on from the other choices of the key decisions.
	whatif *whatIfPanel
}

// decision is one decision that mattered, as the ending lists it.
type decision struct {
	month          int
	title, picked  string
	favoured, note string
}

func newEnding(a *app) *endingScreen {
	e := &endingScreen{a: a, code: a.run.Code(), actions: runActions(), shown: a.now}
	e.decisions = keyDecisions(a.run, 4)
	e.whatif = newWhatIf(a, a.run)
	e.nav.focus = 0
	return e
}

// endingGuard is how long Enter is ignored after the ending appears.
const endingGuard = 800 * time.Millisecond

// keyDecisions returns the decisions that mattered most: those whose
// options the typical player's estimate told furthest apart.
func keyDecisions(run *sim.Run, n int) []decision {
	var out []decision
	for _, kd := range sim.KeyDecisions(run, n) {
		d := decision{month: kd.Month, title: kd.Title, picked: kd.Picked}
		if kd.Best >= 0 && kd.Best != kd.PickedOption && kd.Best < len(kd.Options) {
			d.favoured = kd.Options[kd.Best]
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		out = biggestMonths(run, n)
	}
	return out
}

// biggestMonths is the fallback: the decisions of the months in which the
// charted stats moved most (relative to each stat's range over the run).
func biggestMonths(run *sim.Run, n int) []decision {
	st := run.State()
	sc := run.Scenario()
	if len(st.Series) < 2 {
		return nil
	}
	type scored struct {
		step  int
		score float64
	}
	var ss []scored
	for k := range st.Steps {
		if k+1 >= len(st.Series) {
			break
		}
		score := 0.0
		for i := range sc.Stats {
			if sc.Stats[i].Hidden {
				continue
			}
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, row := range st.Series {
				lo, hi = math.Min(lo, row[i]), math.Max(hi, row[i])
			}
			if hi > lo {
				score += math.Abs(st.Series[k+1][i]-st.Series[k][i]) / (hi - lo)
			}
		}
		ss = append(ss, scored{k, score})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].score > ss[j].score })
	if len(ss) > n {
		ss = ss[:n]
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].step < ss[j].step })
	// Replay the run to name each card and choice.
	want := map[int]bool{}
	for _, s := range ss {
		want[s.step] = true
	}
	var out []decision
	re := sim.New(sc, st.Seed, sim.Options{})
	for k, step := range st.Steps {
		if want[k] {
			card := re.Card()
			d := decision{month: step.Month, title: card.Title, picked: fmt.Sprintf("choice %d", step.Pick+1)}
			for _, c := range card.Choices {
				if c.Index == step.Pick {
					d.picked = c.Label
				}
			}
			out = append(out, d)
		}
		if re.PickIndex(step.Pick) != nil {
			break
		}
	}
	return out
}

// chartStats returns the stats drawn on the ending's charts.
func chartStats(sc *scenario.Scenario) []int {
	var out []int
	for i, s := range sc.Stats {
		if s.Chart {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		for i, s := range sc.Stats {
			if !s.Hidden && len(out) < 4 {
				out = append(out, i)
			}
		}
	}
	return out
}

type endingLayout struct {
	view, foot Rect
	buttons    []Rect
	content    float64
	// content coordinates
	textY     float64
	textLines []string
	chartsY   float64
	charts    []Rect
	lowerY    float64
	decR      Rect
	decLines  [][]string
	axesR     Rect
	codeR     Rect
	// actions are the platform's buttons for the run code (copy, save),
	// content coordinates.
	actions []Rect
}

func layEnding(b Rect, st *style, w *wrapper, run *sim.Run, ds []decision, nActions int) endingLayout {
	var l endingLayout
	sc := run.Scenario()
	body := b.InsetXY(st.d(28), st.d(20))
	l.foot, body = body.CutBottom(st.d(48))
	_, l.view = body.CutBottom(st.d(12))
	bw := math.Min(st.d(220), (l.foot.W-2*st.d(12))/3)
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, Rect{l.foot.Right() - float64(3-i)*bw - float64(2-i)*st.d(12), l.foot.Y, bw, l.foot.H})
	}
	inner := l.view.W - st.d(16)
	y := 0.0
	y += a11yBadgeH(st) + st.d(10) + lineH(st.title) + st.d(8)
	l.textY = y
	end := run.Ending()
	l.textLines = w.wrap(end.Text, st.body, math.Min(inner, st.d(900)))
	y += textHeight(len(l.textLines), st.body, 1.4) + st.d(22)
	// Charts: small multiples of the charted stats.
	cs := chartStats(sc)
	cols := 2
	if inner/st.u >= 1000 {
		cols = 3
	}
	if len(cs) <= 2 {
		cols = max(len(cs), 1)
	}
	l.chartsY = y
	y += lineH(st.label) + st.d(10)
	gap := st.d(14)
	cw := (inner - gap*float64(cols-1)) / float64(cols)
	ch := st.d(132)
	for i := range cs {
		r := Rect{float64(i%cols) * (cw + gap), y + float64(i/cols)*(ch+gap), cw, ch}
		l.charts = append(l.charts, r)
	}
	rowsN := (len(cs) + cols - 1) / cols
	y += float64(rowsN)*(ch+gap) + st.d(10)
	// Decisions and axes side by side (stacked when narrow).
	l.lowerY = y
	half := (inner - gap) / 2
	decW, axW := half, half
	stacked := inner/st.u < 800
	if stacked {
		decW, axW = inner, inner
	}
	dy := st.d(18) + lineH(st.label) + st.d(10)
	for _, d := range ds {
		ls := w.wrap(decisionText(d), st.small, decW-st.d(36))
		l.decLines = append(l.decLines, ls)
		dy += lineH(st.bodyBold) + st.d(2) + textHeight(len(ls), st.small, 1.25) + st.d(12)
	}
	if len(ds) == 0 {
		dy += lineH(st.small) * 1.25
	}
	dy += st.d(8)
	axH := st.d(18) + lineH(st.label) + st.d(10) + float64(len(sim.AxisNames))*(lineH(st.bodyBold)+st.d(14)) + st.d(8)
	if stacked {
		l.decR = Rect{0, y, decW, dy}
		y += dy + gap
		l.axesR = Rect{0, y, axW, axH}
		y += axH + gap
	} else {
		hh := math.Max(dy, axH)
		l.decR = Rect{0, y, decW, hh}
		l.axesR = Rect{decW + gap, y, axW, hh}
		y += hh + gap
	}
	l.codeR = Rect{0, y, inner, st.d(18) + lineH(st.label) + st.d(8) + lineH(st.mono) + st.d(8) + lineH(st.small)*2.6 + st.d(16)}
	if nActions > 0 {
		ay := l.codeR.Bottom() - st.d(8)
		aw := math.Min(st.d(200), (inner-st.d(36)-float64(nActions-1)*st.d(10))/float64(nActions))
		for i := 0; i < nActions; i++ {
			l.actions = append(l.actions, Rect{st.d(18) + float64(i)*(aw+st.d(10)), ay, aw, st.d(40)})
		}
		l.codeR.H += st.d(40) + st.d(10)
	}
	y += l.codeR.H
	l.content = y + st.d(8)
	return l
}

// a11yBadgeH is the height of the category badge.
func a11yBadgeH(st *style) float64 { return lineH(st.small) + st.d(6) }

func decisionText(d decision) string {
	s := fmt.Sprintf("You chose “%s”.", d.picked)
	if d.favoured != "" {
		s += fmt.Sprintf(" A typical player would have gone for “%s”.", d.favoured)
	} else {
		s += " It was the choice a typical player favours."
	}
	return s
}

// categoryColour colours an ending's category.
func categoryColour(pal Palette, c scenario.Category) color.RGBA {
	switch c {
	case scenario.Thrived, scenario.Good:
		return pal.Good
	case scenario.Survived:
		return pal.Focus
	case scenario.Struggled:
		return pal.Warn
	}
	return pal.Bad
}

func (e *endingScreen) layout() endingLayout {
	l := layEnding(e.a.bounds(), e.a.style(), e.a.wrap, e.a.run, e.decisions, len(e.actions))
	e.whatif.place(&l, e.a.style())
	return l
}

// Update implements Screen.
func (e *endingScreen) Update(in Input) (next Screen, err error) {
	defer func() {
		if _, cmp := next.(*compareScreen); next != Screen(e) && !cmp {
			e.whatif.stop() // leaving: the what-if is no longer wanted
		}
	}()
	a := e.a
	st := a.style()
	l := e.layout()
	if in.Back {
		return newTitle(a), nil
	}
	if in.Down && !in.Moved {
		e.scroll.off += lineH(st.body) * 3
	}
	if in.Up && !in.Moved {
		e.scroll.off -= lineH(st.body) * 3
	}
	e.scroll.update(in, l.view, l.content, lineH(st.body))
	for i, act := range e.actions {
		hit := in.Click && l.view.Contains(in.Cursor) && l.actions[i].Offset(l.view.X, l.view.Y-e.scroll.off).Contains(in.Cursor)
		for _, r := range in.Runes {
			if unicode.ToLower(r) == act.key {
				hit = true
			}
		}
		if hit {
			msg, err := act.do(a, e.code)
			if err != nil {
				a.say(err.Error(), true)
			} else {
				a.say(msg, false)
			}
			return e, nil
		}
	}
	if s := e.whatif.update(in, l.view, l.view.X, l.view.Y-e.scroll.off, e); s != nil {
		return s, nil
	}
	nin := in
	nin.Up, nin.Down = false, false
	if in.Now.Sub(e.shown) < endingGuard {
		nin.Confirm, nin.Space = false, false
	}
	switch e.nav.update(nin, l.buttons, nil, 3) {
	case 0:
		sc := a.run.Scenario()
		a.session = a.run.State().Session
		if err := a.startRun(sc); err != nil {
			a.say("Could not start: "+err.Error(), true)
			return e, nil
		}
		return newMonth(a), nil
	case 1:
		return newChoose(a), nil
	case 2:
		return newTitle(a), nil
	}
	return e, nil
}

// Draw implements Screen.
func (e *endingScreen) Draw(dst *ebiten.Image) {
	a := e.a
	st := a.style()
	pal := st.pal
	run := a.run
	sc := run.Scenario()
	end := run.Ending()
	l := e.layout()
	e.scroll.clamp(l.view, l.content)
	clip := clipTo(dst, l.view)
	ox, oy := l.view.X, l.view.Y-e.scroll.off
	view := l.view
	cc := categoryColour(pal, end.Category)
	badge := string(end.Category)
	if badge != "" {
		badge = string(badge[0]-32) + badge[1:]
	}
	if oy >= view.Y {
		x := a.chip(clip, ox, oy, badge, cc, view)
		a.paint.text(clip, ellipsize(fmt.Sprintf("%s · %d months", sc.Title, len(run.State().Steps)), st.small, view.W-x-st.d(12)), st.small, ox+x+st.d(12), oy+st.d(3), pal.Muted, view)
	}
	a.paint.textCut(clip, ellipsize(end.Title, st.title, view.W-st.d(16)), st.title, ox, oy+a11yBadgeH(st)+st.d(10), pal.Text, view)
	y := oy + l.textY
	for _, ln := range l.textLines {
		a.paint.textCut(clip, ln, st.body, ox, y, pal.Text, view)
		y += lineH(st.body) * 1.4
	}
	a.paint.textCut(clip, "THE MONTHS", st.label, ox, oy+l.chartsY, pal.Muted, view)
	series := run.State().Series
	for i, si := range chartStats(sc) {
		r := l.charts[i].Offset(ox, oy)
		if !r.Overlaps(view) {
			continue
		}
		e.drawChart(clip, r, view, sc, si, series, pal.Series[i%len(pal.Series)])
	}
	e.drawDecisions(clip, l.decR.Offset(ox, oy), view, l)
	e.drawAxes(clip, l.axesR.Offset(ox, oy), view)
	e.whatif.draw(clip, view, ox, oy)
	e.drawCode(clip, l.codeR.Offset(ox, oy), view)
	for i, act := range e.actions {
		r := l.actions[i].Offset(ox, oy)
		if r.Within(view, 0) {
			a.button(clip, r, act.label, strings.ToUpper(string(act.key)), false, true, false)
		}
	}
	a.fadeEdges(clip, view, l.content, e.scroll.off, pal.Bg)
	a.scrollbar(dst, view, view.Right()-st.d(4), 0, l.content, e.scroll.off)
	hint := Rect{l.foot.X, l.foot.Y, l.buttons[0].X - l.foot.X - st.d(12), l.foot.H}
	if e.scroll.off+view.H < l.content-st.d(40) && hint.W >= textWidth("↓ scroll for more", st.small) {
		a.paint.textIn(dst, "↓ scroll for more", st.small, hint, 0, pal.Faint)
	}
	labels := []string{"Play this path again", "Choose another path", "Title"}
	for i, r := range l.buttons {
		a.button(dst, r, labels[i], "", e.nav.focus == i, true, i == 0)
	}
}

// drawChart draws one stat over the months as a line with a soft fill.
func (e *endingScreen) drawChart(dst *ebiten.Image, r, view Rect, sc *scenario.Scenario, si int, series [][]float64, clr color.RGBA) {
	a := e.a
	st := a.style()
	pal := st.pal
	s := &sc.Stats[si]
	a.paint.round(dst, r, st.d(10), pal.Panel)
	a.paint.roundStroke(dst, r, st.d(10), st.d(1), pal.Border)
	in := r.InsetXY(st.d(14), st.d(12))
	last := 0.0
	if len(series) > 0 {
		last = series[len(series)-1][si]
	}
	val := sim.FormatValue(last, s.Unit)
	vw := textWidth(val, st.bodyBold)
	a.paint.textCut(dst, ellipsize(s.Label, st.small, in.W-vw-st.d(8)), st.small, in.X, in.Y+st.d(2), pal.Muted, view)
	a.paint.textCut(dst, val, st.bodyBold, in.Right()-vw, in.Y, pal.Text, view)
	plot := Rect{in.X, in.Y + lineH(st.bodyBold) + st.d(8), in.W, in.H - lineH(st.bodyBold) - st.d(8) - lineH(st.tiny) - st.d(4)}
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
	pad := int(math.Ceil(st.d(5)))
	key := tileKey{kind: tileScene, size: pw, width: ph, clr: clr, name: fmt.Sprintf("chart:%s:%d:%v", e.code, si, pal.Panel)}
	t := a.paint.tile(key, pw+2*pad, ph+2*pad, func(img *ebiten.Image) {
		o := float64(pad)
		px := func(i int) float64 { return o + float64(pw)*float64(i)/float64(len(series)-1) }
		py := func(v float64) float64 { return o + float64(ph) - float64(ph)*(v-lo)/(hi-lo) }
		bottom := o + float64(ph)
		// Grid: the baseline, and the zero line when the range crosses it.
		a.paint.rect(img, Rect{o, bottom, float64(pw), st.d(1)}, pal.Border)
		if lo < 0 && hi > 0 {
			a.paint.rect(img, Rect{o, math.Round(py(0)), float64(pw), st.d(1)}, alpha(pal.Bad, 0.6))
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
		a.paint.fill(img, &area, mix(pal.Panel, clr, 0.16))
		a.paint.stroke(img, &line, st.d(2), clr)
		a.paint.circle(img, px(len(series)-1), py(last), st.d(3.5), clr)
	})
	blit(dst, t, t.Bounds(), math.Round(plot.X)-float64(pad), math.Round(plot.Y)-float64(pad))
	ty := plot.Bottom() + st.d(4)
	a.paint.textCut(dst, "month 1", st.tiny, plot.X, ty, pal.Faint, view)
	endLbl := fmt.Sprintf("month %d", len(series)-1)
	a.paint.textCut(dst, endLbl, st.tiny, plot.Right()-textWidth(endLbl, st.tiny), ty, pal.Faint, view)
	rng := fmt.Sprintf("%s to %s", sim.FormatValue(lo, s.Unit), sim.FormatValue(hi, s.Unit))
	if flat {
		rng = "no change"
	}
	rw := textWidth(rng, st.tiny)
	if plot.W > rw+st.d(150) {
		a.paint.textCut(dst, rng, st.tiny, plot.X+(plot.W-rw)/2, ty, pal.Faint, view)
	}
}

func (e *endingScreen) drawDecisions(dst *ebiten.Image, r, view Rect, l endingLayout) {
	a := e.a
	st := a.style()
	pal := st.pal
	if r.Overlaps(view) {
		a.paint.round(dst, r, st.d(10), pal.Panel)
		a.paint.roundStroke(dst, r, st.d(10), st.d(1), pal.Border)
	}
	in := r.InsetXY(st.d(18), st.d(18))
	a.paint.textCut(dst, ellipsize("THE DECISIONS THAT MATTERED MOST", st.label, in.W), st.label, in.X, in.Y, pal.Muted, view)
	y := in.Y + lineH(st.label) + st.d(10)
	if len(e.decisions) == 0 {
		a.paint.textCut(dst, "No decision had options far enough apart to stand out.", st.small, in.X, y, pal.Faint, view)
	}
	for i, d := range e.decisions {
		month := fmt.Sprintf("Month %d", d.month)
		mw := textWidth(month, st.label)
		a.paint.textCut(dst, month, st.label, in.X, y+(lineH(st.bodyBold)-lineH(st.label))/2, pal.Accent, view)
		x := in.X + mw + st.d(10)
		a.paint.textCut(dst, ellipsize(d.title, st.bodyBold, in.Right()-x), st.bodyBold, x, y, pal.Text, view)
		y += lineH(st.bodyBold) + st.d(2)
		for _, ln := range l.decLines[i] {
			a.paint.textCut(dst, ln, st.small, in.X, y, pal.Muted, view)
			y += lineH(st.small) * 1.25
		}
		y += st.d(12)
	}
}

func (e *endingScreen) drawAxes(dst *ebiten.Image, r, view Rect) {
	a := e.a
	st := a.style()
	pal := st.pal
	o := a.run.Outcome()
	if r.Overlaps(view) {
		a.paint.round(dst, r, st.d(10), pal.Panel)
		a.paint.roundStroke(dst, r, st.d(10), st.d(1), pal.Border)
	}
	in := r.InsetXY(st.d(18), st.d(18))
	head := "WHERE YOU ENDED UP (THE SAME SCALES FOR EVERY PATH)"
	if textWidth(head, st.label) > in.W {
		head = ellipsize("WHERE YOU ENDED UP", st.label, in.W)
	}
	a.paint.textCut(dst, head, st.label, in.X, in.Y, pal.Muted, view)
	y := in.Y + lineH(st.label) + st.d(10)
	rowH := lineH(st.bodyBold) + st.d(14)
	labelW := st.d(96)
	type axisRow struct {
		label, val string
		frac       float64 // -1: a figure without a bar
	}
	names := map[string]string{"wealth": "Wealth", "level": "Level", "skills": "Skills", "wellbeing": "Wellbeing", "autonomy": "Autonomy", "months": "Time"}
	var rows []axisRow
	valW := 0.0
	for i, name := range sim.AxisNames {
		v := o.Axis(i)
		row := axisRow{label: names[name], frac: -1}
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
			valW = math.Max(valW, textWidth(row.val, st.bodyBold))
		}
		rows = append(rows, row)
	}
	// Every bar has the same length, so the scales compare at a glance.
	valW = math.Min(valW, in.W*0.45)
	barW := in.W - labelW - valW - st.d(12)
	for i, row := range rows {
		a.paint.textCut(dst, row.label, st.small, in.X, y+st.d(2), pal.Muted, view)
		vx := in.X + labelW
		if row.frac >= 0 && barW > st.d(40) {
			br := Rect{vx, y + lineH(st.bodyBold)/2 - st.d(3), barW, st.d(6)}
			if br.Within(view, 0) {
				a.meter(dst, br, row.frac, pal.Series[i%len(pal.Series)])
			}
			vx = br.Right() + st.d(12)
		}
		a.paint.textCut(dst, ellipsize(row.val, st.bodyBold, in.Right()-vx), st.bodyBold, vx, y, pal.Text, view)
		y += rowH
	}
}

func (e *endingScreen) drawCode(dst *ebiten.Image, r, view Rect) {
	a := e.a
	st := a.style()
	pal := st.pal
	if r.Overlaps(view) {
		a.paint.round(dst, r, st.d(10), pal.Sunken)
		a.paint.roundStroke(dst, r, st.d(10), st.d(1), pal.Border)
	}
	in := r.InsetXY(st.d(18), st.d(18))
	a.paint.textCut(dst, "RUN CODE", st.label, in.X, in.Y, pal.Muted, view)
	y := in.Y + lineH(st.label) + st.d(8)
	a.paint.textCut(dst, ellipsize(e.code, st.mono, in.W), st.mono, in.X, y, pal.Accent, view)
	y += lineH(st.mono) + st.d(8)
	note := "This code replays the run exactly: give it to your facilitator, or run careersim replay CODE. It is kept with your history."
	if s := a.run.State().Session; s != "" {
		note = "Session " + s + ". " + note
	}
	for _, ln := range clampLines(a.wrap.wrap(note, st.small, in.W), 2, st.small, in.W) {
		a.paint.textCut(dst, ln, st.small, in.X, y, pal.Muted, view)
		y += lineH(st.small) * 1.3
	}
}
