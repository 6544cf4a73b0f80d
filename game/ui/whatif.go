package ui

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
	"runwayladder/game/whatif"
)

// whatIfPanel is the ending's "what if you had chosen differently?": for
// the decisions that mattered most (the ending's own, sim.KeyDecisions),
// the run is replayed to that month, each other choice taken, and a
// typical player plays on many times with fresh luck. Each option shows
// how its runs ended (a bar per category) and their median wealth, beside
// what the choice made led to, and one sentence says what the best other
// choice would have changed. The analysis runs in the background; the
// panel shows its progress and never holds up the game.
type whatIfPanel struct {
	code string
	// kds are the decisions analysed, in month order; their option
	// counts fix the panel's height before the results are in.
	kds []sim.KeyDecision
	job *task[*whatif.Analysis]
	res *whatif.Analysis
	err string
	// took is how long the analysis took (0 when it came from the cache).
	took time.Duration
	// r is the panel in the ending's content coordinates (place sets it).
	r kit.Rect
	// compare is the panel's button to the compare screen (content
	// coordinates).
	compare kit.Rect
}

// whatIfDecisions is how many decisions the panel analyses.
const whatIfDecisions = 3

// whatIfOptions bounds the options shown per decision.
const whatIfOptions = 4

// whatIfCache keeps the last analysis, so coming back to the same ending
// shows it at once.
type whatIfCache struct {
	code string
	res  *whatif.Analysis
}

// start analyses kds, the decisions that mattered most of a finished run
// (in month order), in the background; a cached analysis of the same run
// shows at once.
func (w *whatIfPanel) start(c *Context, run *sim.Run, kds []sim.KeyDecision) {
	w.kds = kds
	if len(w.kds) == 0 || !run.Done() {
		return
	}
	if cached := c.hist.whatIf; cached != nil && cached.code == w.code {
		w.res = cached.res
		return
	}
	code, err := sim.ParseCode(w.code)
	if err != nil {
		w.err = err.Error()
		return
	}
	sc := run.Scenario()
	var steps []int
	for _, kd := range w.kds {
		steps = append(steps, kd.Step)
	}
	w.job = startTask(c.hist.tasks, func(ctx context.Context, progress func(done, total int)) (*whatif.Analysis, error) {
		return whatif.AnalyzeSteps(ctx, sc, code, steps, whatif.Config{Runs: whatIfRuns, Progress: progress})
	})
}

// poll takes the result when the analysis has ended (game goroutine).
func (w *whatIfPanel) poll(c *Context) {
	if w == nil || w.job == nil || w.res != nil || w.err != "" {
		return
	}
	res, err, ok := w.job.result()
	if !ok {
		return
	}
	w.took = w.job.took
	switch {
	case err == context.Canceled:
		w.err = "stopped"
	case err != nil:
		w.err = err.Error()
	default:
		w.res = res
		c.hist.whatIf = &whatIfCache{code: w.code, res: res}
	}
}

// stop cancels the analysis (the player left the ending).
func (w *whatIfPanel) stop() {
	if w != nil {
		w.job.stop()
	}
}

// done reports whether the panel has its results (or has none to get).
func (w *whatIfPanel) done(c *Context) bool {
	if w == nil {
		return true
	}
	w.poll(c)
	return w.res != nil || w.err != "" || len(w.kds) == 0
}

// optionCount is how many option rows decision k shows.
func (w *whatIfPanel) optionCount(k int) int {
	return min(len(w.kds[k].Options), whatIfOptions)
}

// whatIf geometry.
func wiRowH(st *kit.Style) float64 { return kit.LineH(st.Small) + st.D(8) }
func wiHeadH(st *kit.Style) float64 {
	return st.D(18) + kit.LineH(st.Label) + st.D(6) + kit.LineH(st.Small)*2.5 + st.D(4) + kit.LineH(st.Tiny) + st.D(14)
}

func wiDecisionH(st *kit.Style, n int) float64 {
	return kit.LineH(st.BodyBold) + st.D(6) + float64(n)*wiRowH(st) + st.D(4) + kit.TextHeight(2, st.Small, 1.25) + st.D(14)
}

// height is the panel's height: fixed by the decisions and their options
// before the results are in, so the ending does not jump when they come.
func (w *whatIfPanel) height(c *Context, st *kit.Style) float64 {
	if w == nil || len(w.kds) == 0 {
		return 0
	}
	h := wiHeadH(st)
	for k := range w.kds {
		h += wiDecisionH(st, w.optionCount(k))
	}
	return h + st.D(8)
}

// place puts the panel into the ending's layout, above the run code,
// moving the code panel and what follows down.
func (w *whatIfPanel) place(c *Context, l *endingLayout, st *kit.Style) {
	h := w.height(c, st)
	if h == 0 {
		return
	}
	gap := st.D(14)
	w.r = kit.Rect{X: 0, Y: l.codeR.Y, W: l.codeR.W, H: h}
	bw := math.Min(st.D(230), w.r.W*0.4)
	w.compare = kit.Rect{X: w.r.Right() - st.D(18) - bw, Y: w.r.Y + st.D(12), W: bw, H: st.D(40)}
	l.codeR.Y += h + gap
	for i := range l.actions {
		l.actions[i].Y += h + gap
	}
	l.content += h + gap
}

// update handles the panel's own input: its button to the compare
// screen, by click or by P. ox, oy place content coordinates on screen.
func (w *whatIfPanel) update(c *Context, in kit.Input, view kit.Rect, ox, oy float64, back Screen) Screen {
	if w == nil || w.r.H == 0 {
		return nil
	}
	w.poll(c)
	hit := in.Click && view.Contains(in.Cursor) && w.compare.Offset(ox, oy).Contains(in.Cursor)
	for _, r := range in.Runes {
		if r == 'p' || r == 'P' {
			hit = true
		}
	}
	if hit {
		// From a past ending, the compare screen it came from.
		if e, ok := back.(*endingScreen); ok && e.back != nil {
			if cp, ok := e.back.(*compareScreen); ok {
				return cp
			}
		}
		return newCompare(c, back)
	}
	return nil
}

// draw draws the panel; ox, oy place content coordinates on screen and
// view is the visible part of the ending.
func (w *whatIfPanel) draw(c *Context, dst *ebiten.Image, view kit.Rect, ox, oy float64) {
	if w == nil || w.r.H == 0 {
		return
	}
	w.poll(c)
	st := c.Style()
	pal := st.Pal
	r := w.r.Offset(ox, oy)
	if !r.Overlaps(view) {
		return
	}
	c.Paint.Round(dst, r, st.D(10), pal.Panel)
	c.Paint.RoundStroke(dst, r, st.D(10), st.D(1), pal.Border)
	in := r.InsetXY(st.D(18), st.D(18))
	cb := w.compare.Offset(ox, oy)
	if cb.Within(view, 0) {
		kit.Button{Label: "Compare your paths", Key: "P"}.Draw(c.Context, dst, cb, false)
	}
	headW := cb.X - in.X - st.D(16)
	c.Paint.TextCut(dst, kit.Ellipsize("WHAT IF YOU HAD CHOSEN DIFFERENTLY?", st.Label, headW), st.Label, in.X, in.Y, pal.Muted, view)
	y := in.Y + kit.LineH(st.Label) + st.D(6)
	runs := whatIfRuns
	if w.res != nil {
		runs = w.res.Runs
	}
	note := fmt.Sprintf("Your run replayed to each decision, every choice taken, then played on %d times by a typical player with fresh luck.", runs)
	status, bad := w.status(c)
	if status != "" {
		note = status
	}
	clr := pal.Muted
	if bad {
		clr = pal.Warn
	}
	for _, ln := range kit.ClampLines(c.Wrap.Wrap(note, st.Small, headW), 2, st.Small, headW) {
		c.Paint.TextCut(dst, ln, st.Small, in.X, y, clr, view)
		y += kit.LineH(st.Small) * 1.25
	}
	y = r.Y + st.D(18) + kit.LineH(st.Label) + st.D(6) + kit.LineH(st.Small)*2.5 + st.D(4)
	if w.res == nil && w.err == "" && w.job != nil {
		// Progress while the runs play.
		done, total := w.job.fraction()
		frac := 0.0
		if total > 0 {
			frac = float64(done) / float64(total)
		}
		mr := kit.Rect{X: in.X, Y: y + (kit.LineH(st.Tiny)-st.D(6))/2, W: math.Min(headW, st.D(360)), H: st.D(6)}
		if mr.Within(view, 0) {
			kit.Meter(c.Context, dst, mr, frac, pal.Focus)
		}
	} else {
		// The legend of the category bars.
		lx := in.X
		for _, cat := range scenario.Categories {
			sw := kit.Rect{X: lx, Y: y + (kit.LineH(st.Tiny)-st.D(10))/2, W: st.D(10), H: st.D(10)}
			if sw.Within(view, 0) {
				c.Paint.FillRect(dst, sw, categoryColour(pal, cat))
			}
			c.Paint.TextCut(dst, string(cat), st.Tiny, lx+st.D(14), y, pal.Muted, view)
			lx += st.D(14) + kit.TextWidth(string(cat), st.Tiny) + st.D(14)
		}
	}
	y = r.Y + wiHeadH(st)
	for k := range w.kds {
		w.drawDecision(c, dst, view, in, y, k)
		y += wiDecisionH(st, w.optionCount(k))
	}
}

// status says how the analysis is going, or "" once the results are in.
func (w *whatIfPanel) status(c *Context) (string, bool) {
	switch {
	case w.err != "":
		return "The what-if could not be computed: " + w.err + ".", true
	case w.res != nil:
		return "", false
	case w.job != nil:
		done, total := w.job.fraction()
		if total == 0 {
			return "Replaying your run…", false
		}
		return fmt.Sprintf("Playing on from each choice: %d of %d runs…", done, total), false
	}
	return "", false
}

// drawDecision draws one decision: its card, a row per option, and the
// headline of the other choice that would have changed most.
func (w *whatIfPanel) drawDecision(c *Context, dst *ebiten.Image, view, in kit.Rect, y float64, k int) {
	st := c.Style()
	pal := st.Pal
	kd := w.kds[k]
	var d *whatif.Decision
	if w.res != nil {
		for i := range w.res.Decisions {
			if w.res.Decisions[i].Step == kd.Step {
				d = &w.res.Decisions[i]
			}
		}
	}
	month := fmt.Sprintf("Month %d", kd.Month)
	mw := kit.TextWidth(month, st.Label)
	c.Paint.TextCut(dst, month, st.Label, in.X, y+(kit.LineH(st.BodyBold)-kit.LineH(st.Label))/2, pal.Accent, view)
	c.Paint.TextCut(dst, kit.Ellipsize(kd.Title, st.BodyBold, in.W-mw-st.D(10)), st.BodyBold, in.X+mw+st.D(10), y, pal.Text, view)
	y += kit.LineH(st.BodyBold) + st.D(6)
	labelW := math.Floor(in.W * 0.38)
	barW := math.Floor(in.W * 0.30)
	textX := in.X + labelW + st.D(12) + barW + st.D(12)
	// The axis besides wealth whose medians differ most across options.
	ax := -1
	if d != nil {
		ax = spreadAxis(d)
	}
	rowH := wiRowH(st)
	for i := 0; i < w.optionCount(k); i++ {
		label := kd.Options[i]
		picked := i == kd.PickedOption
		var opt *whatif.Option
		if d != nil && i < len(d.Options) {
			opt = &d.Options[i]
			label, picked = opt.Label, opt.Picked
		}
		row := kit.Rect{X: in.X - st.D(8), Y: y, W: in.W + st.D(16), H: rowH}
		if picked && row.Within(view, 0) {
			c.Paint.Round(dst, row, st.D(6), pal.Raised)
		}
		ty := y + (rowH-kit.LineH(st.Small))/2
		lbl, clr := label, pal.Muted
		if picked {
			lbl, clr = "You chose: "+label, pal.Text
		}
		c.Paint.TextCut(dst, kit.Ellipsize(lbl, st.Small, labelW), st.Small, in.X, ty, clr, view)
		bar := kit.Rect{X: in.X + labelW + st.D(12), Y: y + (rowH-st.D(10))/2, W: barW, H: st.D(10)}
		if bar.Within(view, 0) {
			if opt == nil {
				c.Paint.FillRect(dst, bar, pal.Sunken)
			} else {
				x := bar.X
				for _, cc := range opt.Summary.Categories {
					if cc.Count == 0 {
						continue
					}
					sw := bar.W * cc.Share
					c.Paint.FillRect(dst, kit.Rect{X: x, Y: bar.Y, W: math.Max(sw-st.D(1), st.D(1)), H: bar.H}, categoryColour(pal, scenario.Category(cc.Category)))
					x += sw
				}
			}
		}
		if opt != nil {
			txt := "median " + history.FormatAxis(0, opt.Summary.Axes[0].Median)
			if ax > 0 {
				txt += fmt.Sprintf(" · %s %s", sim.AxisNames[ax], history.FormatAxis(ax, opt.Summary.Axes[ax].Median))
			}
			c.Paint.TextCut(dst, kit.Ellipsize(txt, st.Small, in.Right()-textX), st.Small, textX, ty, clr, view)
		}
		y += rowH
	}
	y += st.D(4)
	line := "…"
	if d != nil {
		line = d.Headline(bestOther(d))
	}
	for _, ln := range kit.ClampLines(c.Wrap.Wrap(line, st.Small, in.W), 2, st.Small, in.W) {
		c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Text, view)
		y += kit.LineH(st.Small) * 1.25
	}
}

// bestOther is the option the headline speaks of: the other choice whose
// runs did best (the one most worth knowing about), or, when the choice
// made did best, the runner-up.
func bestOther(d *whatif.Decision) int {
	best := -1
	for i, o := range d.Options {
		if i == d.Picked {
			continue
		}
		if best < 0 || o.MeanScore > d.Options[best].MeanScore {
			best = i
		}
	}
	if best < 0 {
		return d.Picked
	}
	return best
}

// spreadAxis is the axis other than wealth (and time) whose medians are
// furthest apart across a decision's options, against the axis' spread.
func spreadAxis(d *whatif.Decision) int {
	best, bestV := -1, 0.0
	for ax, name := range sim.AxisNames {
		if ax == 0 || name == "months" {
			continue
		}
		lo, hi, iqr := math.Inf(1), math.Inf(-1), 0.0
		for _, o := range d.Options {
			s := o.Summary.Axes[ax]
			if s.Count == 0 {
				continue
			}
			lo, hi = math.Min(lo, s.Median), math.Max(hi, s.Median)
			iqr = math.Max(iqr, s.Q3-s.Q1)
		}
		if math.IsInf(lo, 1) {
			continue
		}
		v := (hi - lo) / math.Max(iqr, 1e-9)
		if hi-lo > 1e-9 && v > bestV {
			best, bestV = ax, v
		}
	}
	return best
}

// settle waits for a screen's background work, so a screenshot shows its
// results rather than a moment of its progress.
func settle(c *Context, s Screen) {
	switch s := s.(type) {
	case *endingScreen:
		s.work.wait(c.model)
		s.poll(c)
		s.whatif.job.wait(2 * time.Minute)
		s.whatif.poll(c)
	case *compareScreen:
		s.bl.wait(2 * time.Minute)
		s.takeBaselines(c)
	}
}
