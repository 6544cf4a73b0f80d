package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// endingScreen explains how the run ended: the outcome and its category,
// charts of the key stats over the months, the decisions that mattered
// most, the outcome axes every path shares, and the run code.
type endingScreen struct {
	// run is the finished run shown: the game's own, or one replayed from
	// the history (then back is the screen Esc returns to).
	run  *sim.Run
	back Screen
	// work is the decisions that mattered (and the record), computed in
	// the background; decisions is nil until it is in.
	work      *endingWork
	decisions []decision
	// actions are what the platform offers to do with the run code.
	actions []runAction
	nav     kit.Focus
	scroll  kit.Scroll
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

// newEnding shows the ending of the game's run.
func newEnding(c *Context) *endingScreen { return newPastEnding(c.run, nil) }

// newPastEnding shows the ending of a run replayed from the history; Esc
// goes back to back.
func newPastEnding(run *sim.Run, back Screen) *endingScreen {
	return &endingScreen{run: run, back: back, code: run.Code(), actions: runActions(), whatif: &whatIfPanel{code: run.Code()}}
}

// Name implements Screen.
func (e *endingScreen) Name() string { return "ending" }

// Enter implements Screen: the decisions that mattered and the what-if are
// worked out in the background (once per run).
func (e *endingScreen) Enter(c *Context) {
	if e.shown.IsZero() {
		e.shown = c.Now
	}
	if e.work == nil {
		e.work = c.analyse(e.run, e.back == nil, c.Now)
	}
	e.poll(c)
}

// Leave implements Screen: the what-if stops, unless the player only looks
// at the compare screen and comes back.
func (e *endingScreen) Leave(_ *Context, next Screen) {
	if cp, ok := next.(*compareScreen); ok && cp.back == Screen(e) {
		return
	}
	e.whatif.stop()
}

// poll takes the background work's results when they come in.
func (e *endingScreen) poll(c *Context) {
	if e.decisions != nil || !e.work.done() {
		return
	}
	res := e.work.res
	e.decisions = keyDecisions(res)
	if e.decisions == nil {
		e.decisions = []decision{}
	}
	e.whatif.start(c, e.run, topByImpact(res.kds, whatIfDecisions))
}

// Targets implements Screen: the three buttons at the foot, and the run
// code's actions when they are in view.
func (e *endingScreen) Targets(c *Context) []kit.Target {
	l := e.layout(c)
	var out []kit.Target
	for i, label := range endingButtons {
		if i < len(l.buttons) {
			out = append(out, kit.Target{Label: label, R: l.buttons[i], Enabled: true})
		}
	}
	for i, act := range e.actions {
		if i >= len(l.actions) {
			break
		}
		// Buttons in the scrolled content count only when in view, as
		// the screen draws and hit-tests them.
		if r := l.actions[i].Offset(l.view.X, l.view.Y-e.scroll.Off); r.Within(l.view, 0) {
			out = append(out, kit.Target{Label: act.label, Key: strings.ToUpper(string(act.key)), R: r, Enabled: true})
		}
	}
	return out
}

// endingButtons label the buttons at the foot of the ending.
var endingButtons = []string{"Play this path again", "Choose another path", "Title"}

// endingGuard is how long Enter is ignored after the ending appears.
const endingGuard = 800 * time.Millisecond

// keyDecisions returns the decisions that mattered most: those whose
// options the typical player's estimate told furthest apart, or when none
// did, the months that moved most.
func keyDecisions(res *endingResult) []decision {
	var out []decision
	for _, kd := range res.kds {
		d := decision{month: kd.Month, title: kd.Title, picked: kd.Picked}
		if kd.Best >= 0 && kd.Best != kd.PickedOption && kd.Best < len(kd.Options) {
			d.favoured = kd.Options[kd.Best]
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		out = res.fallback
	}
	return out
}

// topByImpact keeps the n decisions of kds (in month order) with the
// widest spread, in month order: what sim.KeyDecisions(run, n) returns,
// without replaying the run again.
func topByImpact(kds []sim.KeyDecision, n int) []sim.KeyDecision {
	if len(kds) <= n {
		return kds
	}
	by := append([]sim.KeyDecision(nil), kds...)
	sort.SliceStable(by, func(i, j int) bool { return by[i].Impact > by[j].Impact })
	by = by[:n]
	sort.SliceStable(by, func(i, j int) bool { return by[i].Month < by[j].Month })
	return by
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
	view, foot kit.Rect
	buttons    []kit.Rect
	content    float64
	// content coordinates
	textY     float64
	textLines []string
	// phasesY is where the timeline of the phases lived goes (format 2).
	phasesY  float64
	phases   phaseStrip
	chartsY  float64
	charts   []kit.Rect
	lowerY   float64
	decR     kit.Rect
	decLines [][]string
	axesR    kit.Rect
	codeR    kit.Rect
	// actions are the platform's buttons for the run code (copy, save),
	// content coordinates.
	actions []kit.Rect
}

func layEnding(b kit.Rect, st *kit.Style, w *kit.Wrapper, run *sim.Run, ds []decision, nActions int) endingLayout {
	var l endingLayout
	sc := run.Scenario()
	body := b.InsetXY(st.D(28), st.D(20))
	l.foot, body = body.CutBottom(st.D(48))
	_, l.view = body.CutBottom(st.D(12))
	bw := math.Min(st.D(220), (l.foot.W-2*st.D(12))/3)
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, kit.Rect{X: l.foot.Right() - float64(3-i)*bw - float64(2-i)*st.D(12), Y: l.foot.Y, W: bw, H: l.foot.H})
	}
	inner := l.view.W - st.D(16)
	y := 0.0
	y += a11yBadgeH(st) + st.D(10) + kit.LineH(st.Title) + st.D(8)
	l.textY = y
	end := run.Ending()
	l.textLines = w.Wrap(end.Text, st.Body, math.Min(inner, st.D(900)))
	y += kit.TextHeight(len(l.textLines), st.Body, 1.4) + st.D(22)
	if stints := run.Stints(); len(stints) > 0 {
		l.phasesY = y
		l.phases = layPhaseStrip(st, stints, run.Played(), math.Min(inner, st.D(900)))
		y += l.phases.h + st.D(22)
	}
	// Charts: small multiples of the charted stats.
	cs := chartStats(sc)
	cols := 2
	if inner/st.U >= 1000 {
		cols = 3
	}
	if len(cs) <= 2 {
		cols = max(len(cs), 1)
	}
	l.chartsY = y
	y += kit.LineH(st.Label) + st.D(10)
	gap := st.D(14)
	cw := (inner - gap*float64(cols-1)) / float64(cols)
	ch := st.D(132)
	for i := range cs {
		r := kit.Rect{X: float64(i%cols) * (cw + gap), Y: y + float64(i/cols)*(ch+gap), W: cw, H: ch}
		l.charts = append(l.charts, r)
	}
	rowsN := (len(cs) + cols - 1) / cols
	y += float64(rowsN)*(ch+gap) + st.D(10)
	// Decisions and axes side by side (stacked when narrow).
	l.lowerY = y
	half := (inner - gap) / 2
	decW, axW := half, half
	stacked := inner/st.U < 800
	if stacked {
		decW, axW = inner, inner
	}
	dy := st.D(18) + kit.LineH(st.Label) + st.D(10)
	for _, d := range ds {
		ls := w.Wrap(decisionText(d), st.Small, decW-st.D(36))
		l.decLines = append(l.decLines, ls)
		dy += kit.LineH(st.BodyBold) + st.D(2) + kit.TextHeight(len(ls), st.Small, 1.25) + st.D(12)
	}
	if len(ds) == 0 {
		dy += kit.LineH(st.Small) * 1.25
	}
	dy += st.D(8)
	axH := st.D(18) + kit.LineH(st.Label) + st.D(10) + float64(len(sim.AxisNames))*(kit.LineH(st.BodyBold)+st.D(14)) + st.D(8)
	if stacked {
		l.decR = kit.Rect{X: 0, Y: y, W: decW, H: dy}
		y += dy + gap
		l.axesR = kit.Rect{X: 0, Y: y, W: axW, H: axH}
		y += axH + gap
	} else {
		hh := math.Max(dy, axH)
		l.decR = kit.Rect{X: 0, Y: y, W: decW, H: hh}
		l.axesR = kit.Rect{X: decW + gap, Y: y, W: axW, H: hh}
		y += hh + gap
	}
	l.codeR = kit.Rect{X: 0, Y: y, W: inner, H: st.D(18) + kit.LineH(st.Label) + st.D(8) + kit.LineH(st.Mono) + st.D(8) + kit.LineH(st.Small)*2.6 + st.D(16)}
	if nActions > 0 {
		ay := l.codeR.Bottom() - st.D(8)
		aw := math.Min(st.D(200), (inner-st.D(36)-float64(nActions-1)*st.D(10))/float64(nActions))
		for i := 0; i < nActions; i++ {
			l.actions = append(l.actions, kit.Rect{X: st.D(18) + float64(i)*(aw+st.D(10)), Y: ay, W: aw, H: st.D(40)})
		}
		l.codeR.H += st.D(40) + st.D(10)
	}
	y += l.codeR.H
	l.content = y + st.D(8)
	return l
}

// a11yBadgeH is the height of the category badge.
func a11yBadgeH(st *kit.Style) float64 { return kit.LineH(st.Small) + st.D(6) }

func decisionText(d decision) string {
	s := fmt.Sprintf("You chose “%s”.", d.picked)
	if d.favoured != "" {
		s += fmt.Sprintf(" A typical player would have gone for “%s”.", d.favoured)
	} else {
		s += " It was the choice a typical player favours."
	}
	return s
}

func (e *endingScreen) layout(c *Context) endingLayout {
	l := layEnding(c.Bounds(), c.Style(), c.Wrap, e.run, e.decisions, len(e.actions))
	e.whatif.place(c, &l, c.Style())
	return l
}

// Update implements Screen.
func (e *endingScreen) Update(c *Context, in kit.Input) (next Screen, err error) {
	e.poll(c)
	st := c.Style()
	l := e.layout(c)
	if in.Back {
		if e.back != nil {
			return e.back, nil
		}
		return newTitle(c), nil
	}
	if in.Down && !in.Moved {
		e.scroll.Off += kit.LineH(st.Body) * 3
	}
	if in.Up && !in.Moved {
		e.scroll.Off -= kit.LineH(st.Body) * 3
	}
	e.scroll.Update(in, l.view, l.content, kit.LineH(st.Body))
	for i, act := range e.actions {
		hit := in.Click && l.view.Contains(in.Cursor) && l.actions[i].Offset(l.view.X, l.view.Y-e.scroll.Off).Contains(in.Cursor)
		for _, r := range in.Runes {
			if unicode.ToLower(r) == act.key {
				hit = true
			}
		}
		if hit {
			msg, err := act.do(e.run, c.Now)
			if err != nil {
				c.say(err.Error(), true)
			} else {
				c.say(msg, false)
			}
			return e, nil
		}
	}
	if s := e.whatif.update(c, in, l.view, l.view.X, l.view.Y-e.scroll.Off, e); s != nil {
		return s, nil
	}
	nin := in
	nin.Up, nin.Down = false, false
	if in.Now.Sub(e.shown) < endingGuard {
		nin.Confirm, nin.Space = false, false
	}
	switch e.nav.Update(nin, l.buttons, nil, 3) {
	case 0:
		// Play again: a past run's path too, with its session's luck; the
		// new run is the game's.
		sc := e.run.Scenario()
		c.session = e.run.Session()
		if err := c.startRun(sc); err != nil {
			c.say("Could not start: "+err.Error(), true)
			return e, nil
		}
		return newMonth(c), nil
	case 1:
		return newChoose(c), nil
	case 2:
		return newTitle(c), nil
	}
	return e, nil
}

// Draw implements Screen.
func (e *endingScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	run := e.run
	sc := run.Scenario()
	end := run.Ending()
	l := e.layout(c)
	e.scroll.Clamp(l.view, l.content)
	clip := kit.ClipTo(dst, l.view)
	ox, oy := l.view.X, l.view.Y-e.scroll.Off
	view := l.view
	cc := categoryColour(pal, end.Category)
	badge := string(end.Category)
	if badge != "" {
		badge = string(badge[0]-32) + badge[1:]
	}
	if oy >= view.Y {
		x := kit.Chip(c.Context, clip, ox, oy, badge, cc, view)
		c.Paint.Text(clip, kit.Ellipsize(fmt.Sprintf("%s · %d months", sc.Title, run.Played()), st.Small, view.W-x-st.D(12)), st.Small, ox+x+st.D(12), oy+st.D(3), pal.Muted, view)
	}
	c.Paint.TextCut(clip, kit.Ellipsize(end.Title, st.Title, view.W-st.D(16)), st.Title, ox, oy+a11yBadgeH(st)+st.D(10), pal.Text, view)
	y := oy + l.textY
	for _, ln := range l.textLines {
		c.Paint.TextCut(clip, ln, st.Body, ox, y, pal.Text, view)
		y += kit.LineH(st.Body) * 1.4
	}
	if len(l.phases.stints) > 0 {
		c.drawPhaseStrip(clip, l.phases, ox, oy+l.phasesY, view)
	}
	c.Paint.TextCut(clip, "THE MONTHS", st.Label, ox, oy+l.chartsY, pal.Muted, view)
	series := run.Series()
	for i, si := range chartStats(sc) {
		r := l.charts[i].Offset(ox, oy)
		if !r.Overlaps(view) {
			continue
		}
		e.drawChart(c, clip, r, view, sc, si, series, pal.Series[i%len(pal.Series)])
	}
	e.drawDecisions(c, clip, l.decR.Offset(ox, oy), view, l)
	e.drawAxes(c, clip, l.axesR.Offset(ox, oy), view)
	e.whatif.draw(c, clip, view, ox, oy)
	e.drawCode(c, clip, l.codeR.Offset(ox, oy), view)
	for i, act := range e.actions {
		r := l.actions[i].Offset(ox, oy)
		if r.Within(view, 0) {
			kit.Button{Label: act.label, Key: strings.ToUpper(string(act.key))}.Draw(c.Context, clip, r, false)
		}
	}
	kit.FadeEdges(c.Context, clip, view, l.content, e.scroll.Off, pal.Bg)
	kit.Scrollbar(c.Context, dst, view, view.Right()-st.D(4), 0, l.content, e.scroll.Off)
	hint := kit.Rect{X: l.foot.X, Y: l.foot.Y, W: l.buttons[0].X - l.foot.X - st.D(12), H: l.foot.H}
	if e.scroll.Off+view.H < l.content-st.D(40) && hint.W >= kit.TextWidth("↓ scroll for more", st.Small) {
		c.Paint.TextIn(dst, "↓ scroll for more", st.Small, hint, 0, pal.Faint)
	}
	for i, r := range l.buttons {
		kit.Button{Label: endingButtons[i], Primary: i == 0}.Draw(c.Context, dst, r, e.nav.I == i)
	}
}
