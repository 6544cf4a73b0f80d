package ui

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
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
	a    *app
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
	r Rect
	// compare is the panel's button to the compare screen (content
	// coordinates).
	compare Rect
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

func newWhatIf(a *app, run *sim.Run) *whatIfPanel {
	w := &whatIfPanel{a: a, code: run.Code()}
	if !run.Done() {
		return w
	}
	w.kds = sim.KeyDecisions(run, whatIfDecisions)
	if len(w.kds) == 0 {
		return w
	}
	if c := a.hist.whatIf; c != nil && c.code == w.code {
		w.res = c.res
		return w
	}
	code, err := sim.ParseCode(w.code)
	if err != nil {
		w.err = err.Error()
		return w
	}
	sc := run.Scenario()
	var steps []int
	for _, kd := range w.kds {
		steps = append(steps, kd.Step)
	}
	w.job = startTask(a.hist.tasks, func(ctx context.Context, progress func(done, total int)) (*whatif.Analysis, error) {
		return whatif.AnalyzeSteps(ctx, sc, code, steps, whatif.Config{Runs: whatIfRuns, Progress: progress})
	})
	return w
}

// poll takes the result when the analysis has ended (game goroutine).
func (w *whatIfPanel) poll() {
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
		w.a.hist.whatIf = &whatIfCache{code: w.code, res: res}
	}
}

// stop cancels the analysis (the player left the ending).
func (w *whatIfPanel) stop() {
	if w != nil {
		w.job.stop()
	}
}

// done reports whether the panel has its results (or has none to get).
func (w *whatIfPanel) done() bool {
	if w == nil {
		return true
	}
	w.poll()
	return w.res != nil || w.err != "" || len(w.kds) == 0
}

// optionCount is how many option rows decision k shows.
func (w *whatIfPanel) optionCount(k int) int {
	return min(len(w.kds[k].Options), whatIfOptions)
}

// whatIf geometry.
func wiRowH(st *style) float64 { return lineH(st.small) + st.d(8) }
func wiHeadH(st *style) float64 {
	return st.d(18) + lineH(st.label) + st.d(6) + lineH(st.small)*2.5 + st.d(4) + lineH(st.tiny) + st.d(14)
}

func wiDecisionH(st *style, n int) float64 {
	return lineH(st.bodyBold) + st.d(6) + float64(n)*wiRowH(st) + st.d(4) + textHeight(2, st.small, 1.25) + st.d(14)
}

// height is the panel's height: fixed by the decisions and their options
// before the results are in, so the ending does not jump when they come.
func (w *whatIfPanel) height(st *style) float64 {
	if w == nil || len(w.kds) == 0 {
		return 0
	}
	h := wiHeadH(st)
	for k := range w.kds {
		h += wiDecisionH(st, w.optionCount(k))
	}
	return h + st.d(8)
}

// place puts the panel into the ending's layout, above the run code,
// moving the code panel and what follows down.
func (w *whatIfPanel) place(l *endingLayout, st *style) {
	h := w.height(st)
	if h == 0 {
		return
	}
	gap := st.d(14)
	w.r = Rect{0, l.codeR.Y, l.codeR.W, h}
	bw := math.Min(st.d(230), w.r.W*0.4)
	w.compare = Rect{w.r.Right() - st.d(18) - bw, w.r.Y + st.d(12), bw, st.d(40)}
	l.codeR.Y += h + gap
	for i := range l.actions {
		l.actions[i].Y += h + gap
	}
	l.content += h + gap
}

// update handles the panel's own input: its button to the compare
// screen, by click or by P. ox, oy place content coordinates on screen.
func (w *whatIfPanel) update(in Input, view Rect, ox, oy float64, back Screen) Screen {
	if w == nil || w.r.H == 0 {
		return nil
	}
	w.poll()
	hit := in.Click && view.Contains(in.Cursor) && w.compare.Offset(ox, oy).Contains(in.Cursor)
	for _, r := range in.Runes {
		if r == 'p' || r == 'P' {
			hit = true
		}
	}
	if hit {
		return newCompare(w.a, back)
	}
	return nil
}

// draw draws the panel; ox, oy place content coordinates on screen and
// view is the visible part of the ending.
func (w *whatIfPanel) draw(dst *ebiten.Image, view Rect, ox, oy float64) {
	if w == nil || w.r.H == 0 {
		return
	}
	w.poll()
	a := w.a
	st := a.style()
	pal := st.pal
	r := w.r.Offset(ox, oy)
	if !r.Overlaps(view) {
		return
	}
	a.paint.round(dst, r, st.d(10), pal.Panel)
	a.paint.roundStroke(dst, r, st.d(10), st.d(1), pal.Border)
	in := r.InsetXY(st.d(18), st.d(18))
	cb := w.compare.Offset(ox, oy)
	if cb.Within(view, 0) {
		a.button(dst, cb, "Compare your paths", "P", false, true, false)
	}
	headW := cb.X - in.X - st.d(16)
	a.paint.textCut(dst, ellipsize("WHAT IF YOU HAD CHOSEN DIFFERENTLY?", st.label, headW), st.label, in.X, in.Y, pal.Muted, view)
	y := in.Y + lineH(st.label) + st.d(6)
	runs := whatIfRuns
	if w.res != nil {
		runs = w.res.Runs
	}
	note := fmt.Sprintf("Your run replayed to each decision, every choice taken, then played on %d times by a typical player with fresh luck.", runs)
	status, bad := w.status()
	if status != "" {
		note = status
	}
	clr := pal.Muted
	if bad {
		clr = pal.Warn
	}
	for _, ln := range clampLines(a.wrap.wrap(note, st.small, headW), 2, st.small, headW) {
		a.paint.textCut(dst, ln, st.small, in.X, y, clr, view)
		y += lineH(st.small) * 1.25
	}
	y = r.Y + st.d(18) + lineH(st.label) + st.d(6) + lineH(st.small)*2.5 + st.d(4)
	if w.res == nil && w.err == "" && w.job != nil {
		// Progress while the runs play.
		done, total := w.job.fraction()
		frac := 0.0
		if total > 0 {
			frac = float64(done) / float64(total)
		}
		mr := Rect{in.X, y + (lineH(st.tiny)-st.d(6))/2, math.Min(headW, st.d(360)), st.d(6)}
		if mr.Within(view, 0) {
			a.meter(dst, mr, frac, pal.Focus)
		}
	} else {
		// The legend of the category bars.
		lx := in.X
		for _, c := range scenario.Categories {
			sw := Rect{lx, y + (lineH(st.tiny)-st.d(10))/2, st.d(10), st.d(10)}
			if sw.Within(view, 0) {
				a.paint.rect(dst, sw, categoryFill(pal, string(c)))
			}
			a.paint.textCut(dst, string(c), st.tiny, lx+st.d(14), y, pal.Muted, view)
			lx += st.d(14) + textWidth(string(c), st.tiny) + st.d(14)
		}
	}
	y = r.Y + wiHeadH(st)
	for k := range w.kds {
		w.drawDecision(dst, view, in, y, k)
		y += wiDecisionH(st, w.optionCount(k))
	}
}

// status says how the analysis is going, or "" once the results are in.
func (w *whatIfPanel) status() (string, bool) {
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
func (w *whatIfPanel) drawDecision(dst *ebiten.Image, view, in Rect, y float64, k int) {
	a := w.a
	st := a.style()
	pal := st.pal
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
	mw := textWidth(month, st.label)
	a.paint.textCut(dst, month, st.label, in.X, y+(lineH(st.bodyBold)-lineH(st.label))/2, pal.Accent, view)
	a.paint.textCut(dst, ellipsize(kd.Title, st.bodyBold, in.W-mw-st.d(10)), st.bodyBold, in.X+mw+st.d(10), y, pal.Text, view)
	y += lineH(st.bodyBold) + st.d(6)
	labelW := math.Floor(in.W * 0.38)
	barW := math.Floor(in.W * 0.30)
	textX := in.X + labelW + st.d(12) + barW + st.d(12)
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
		row := Rect{in.X - st.d(8), y, in.W + st.d(16), rowH}
		if picked && row.Within(view, 0) {
			a.paint.round(dst, row, st.d(6), pal.Raised)
		}
		ty := y + (rowH-lineH(st.small))/2
		lbl, clr := label, pal.Muted
		if picked {
			lbl, clr = "You chose: "+label, pal.Text
		}
		a.paint.textCut(dst, ellipsize(lbl, st.small, labelW), st.small, in.X, ty, clr, view)
		bar := Rect{in.X + labelW + st.d(12), y + (rowH-st.d(10))/2, barW, st.d(10)}
		if bar.Within(view, 0) {
			if opt == nil {
				a.paint.rect(dst, bar, pal.Sunken)
			} else {
				x := bar.X
				for _, cc := range opt.Summary.Categories {
					if cc.Count == 0 {
						continue
					}
					sw := bar.W * cc.Share
					a.paint.rect(dst, Rect{x, bar.Y, math.Max(sw-st.d(1), st.d(1)), bar.H}, categoryFill(pal, cc.Category))
					x += sw
				}
			}
		}
		if opt != nil {
			txt := "median " + fmtAxis(0, opt.Summary.Axes[0].Median)
			if ax > 0 {
				txt += fmt.Sprintf(" · %s %s", sim.AxisNames[ax], fmtAxis(ax, opt.Summary.Axes[ax].Median))
			}
			a.paint.textCut(dst, ellipsize(txt, st.small, in.Right()-textX), st.small, textX, ty, clr, view)
		}
		y += rowH
	}
	y += st.d(4)
	line := "…"
	if d != nil {
		line = d.Headline(bestOther(d))
	}
	for _, ln := range clampLines(a.wrap.wrap(line, st.small, in.W), 2, st.small, in.W) {
		a.paint.textCut(dst, ln, st.small, in.X, y, pal.Text, view)
		y += lineH(st.small) * 1.25
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
func settle(s Screen) {
	switch s := s.(type) {
	case *endingScreen:
		s.whatif.job.wait(2 * time.Minute)
		s.whatif.poll()
	case *pastEnding:
		settle(s.e)
	case *compareScreen:
		s.bl.wait(2 * time.Minute)
		s.takeBaselines()
	}
}
