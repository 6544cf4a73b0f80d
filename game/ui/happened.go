package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// happenedScreen says what the month's choice led to and why: the outcome
// text, the roll against the odds, the systems' notes, and every stat's
// change coloured by whether it is good for the player.
type happenedScreen struct {
	a      *app
	rep    *sim.Report
	card   sim.CardView
	choice sim.ChoiceView
	before *sim.State
	start  time.Time
	nav    nav
	scroll scroller
	// deltaScroll scrolls the changes when they do not fit.
	deltaScroll scroller
}

// deltaAnim is how long the changes take to count up.
const deltaAnim = 650 * time.Millisecond

func newHappened(a *app, rep *sim.Report, card sim.CardView, choice sim.ChoiceView, before *sim.State) *happenedScreen {
	h := &happenedScreen{a: a, rep: rep, card: card, choice: choice, before: before, start: a.now}
	a.keepDrawing(deltaAnim)
	return h
}

// visibleDeltas are the changes of stats the player can see.
func visibleDeltas(sc *scenario.Scenario, rep *sim.Report) []sim.Delta {
	var out []sim.Delta
	for _, d := range rep.Deltas {
		if d.Stat < len(sc.Stats) && !sc.Stats[d.Stat].Hidden {
			out = append(out, d)
		}
	}
	return out
}

// deltaColour colours a change by the stat's Better.
func deltaColour(pal Palette, better int, d float64) color.RGBA {
	switch {
	case better == 0 || d == 0:
		return pal.Neutral
	case (d > 0) == (better > 0):
		return pal.Good
	}
	return pal.Bad
}

type happenedLayout struct {
	header, left, right, cont Rect
	// Left column blocks, content coordinates.
	rollY, rollH   float64
	rollLegend     []string
	rollNote       []string
	textY          float64
	textLines      []string
	calY           float64
	calLines       []string
	fightY, fightH float64
	notesY         float64
	notes          [][]string
	rulesLines     []string
	content        float64
	deltas         []sim.Delta
	deltaRowH      float64
}

func layHappened(b Rect, st *style, w *wrapper, sc *scenario.Scenario, rep *sim.Report) happenedLayout {
	var l happenedLayout
	body := b.InsetXY(st.d(28), st.d(20))
	l.header, body = body.CutTop(headerHeight(st, true))
	_, body = body.CutTop(st.d(16))
	foot, body := body.CutBottom(st.d(48))
	_, body = body.CutBottom(st.d(14))
	l.cont = Rect{foot.Right() - math.Min(st.d(300), foot.W), foot.Y, math.Min(st.d(300), foot.W), foot.H}
	gap := st.d(16)
	rw := math.Max(math.Min(st.d(380), body.W*0.4), st.d(260))
	l.right, body = body.CutRight(rw)
	_, l.left = body.CutRight(gap)
	l.deltas = visibleDeltas(sc, rep)
	l.deltaRowH = lineH(st.bodyBold) + lineH(st.tiny) + st.d(12)
	inner := l.left.W - st.d(48)
	y := st.d(22)
	if rep.Roll != nil {
		l.rollY = y
		for i, p := range rep.Roll.Odds {
			label := rep.Roll.Labels[i]
			if label == "" {
				label = fmt.Sprintf("outcome %d", i+1)
			}
			l.rollLegend = append(l.rollLegend, fmt.Sprintf("%s %s", pct(p), label))
		}
		l.rollNote = w.wrap(rollNote(rep.Roll), st.small, inner)
		l.rollH = lineH(st.label) + st.d(18) + st.d(14) + st.d(12) + float64(len(l.rollLegend))*lineH(st.small)*1.3 + textHeight(len(l.rollNote), st.small, 1.3)
		y += l.rollH + st.d(18)
	}
	l.textY = y
	text := rep.Text
	if text == "" {
		text = "The month passes."
	}
	l.textLines = w.wrap(text, st.body, inner)
	y += textHeight(len(l.textLines), st.body, 1.4) + st.d(16)
	if c := rep.Calibration; c != nil {
		l.calY = y
		s := fmt.Sprintf("Calibration: %s. Your score placed you above %.0f%% of your peers.", c.Label, c.Percentile*100)
		if c.Promoted {
			s += " You are promoted."
		}
		l.calLines = w.wrap(s, st.bodyBold, inner-st.d(32))
		y += textHeight(len(l.calLines), st.bodyBold, 1.3) + st.d(16)
	}
	if f := rep.Fight; f != nil {
		l.fightY = y
		l.fightH = fightHeight(st, len(f.Teams), false)
		y += l.fightH + st.d(16)
	}
	l.notesY = y
	for _, n := range rep.Notes {
		ls := w.wrap(n.Text, st.small, inner-st.d(28))
		l.notes = append(l.notes, ls)
		y += textHeight(len(ls), st.small, 1.3) + st.d(8)
	}
	if len(rep.Rules) > 0 {
		l.rulesLines = w.wrap("Every month: "+strings.Join(rep.Rules, "; ")+".", st.small, inner)
		y += st.d(6) + textHeight(len(l.rulesLines), st.small, 1.3)
	}
	l.content = y + st.d(22)
	// Both panels hug the taller of their contents.
	deltasH := st.d(16) + lineH(st.label) + st.d(10) + float64(max(len(l.deltas), 1))*l.deltaRowH + st.d(16)
	h := math.Min(l.left.H, math.Max(l.content, deltasH))
	l.left.H, l.right.H = h, h
	return l
}

func (h *happenedScreen) layout() happenedLayout {
	return layHappened(h.a.bounds(), h.a.style(), h.a.wrap, h.a.run.Scenario(), h.rep)
}

func (h *happenedScreen) next() Screen {
	if h.a.run.Done() {
		return newEnding(h.a)
	}
	return newMonth(h.a)
}

// Update implements Screen.
func (h *happenedScreen) Update(in Input) (Screen, error) {
	a := h.a
	st := a.style()
	l := h.layout()
	if in.Back {
		return newTitle(a), nil
	}
	view := l.left
	if in.Down {
		h.scroll.off += lineH(st.body) * 2
	}
	if in.Up {
		h.scroll.off -= lineH(st.body) * 2
	}
	h.scroll.update(in, view, l.content, lineH(st.body))
	if rowH, _ := deltaRows(st, l); len(l.deltas) > 0 {
		h.deltaScroll.update(Input{Wheel: in.Wheel, Cursor: in.Cursor}, deltasView(st, l), float64(len(l.deltas))*rowH, rowH)
	}
	// Number keys do not continue: a double press on the month's card
	// must not skip what happened.
	if h.nav.update(in, []Rect{l.cont}, nil, 1) == 0 {
		return h.next(), nil
	}
	return h, nil
}

// Draw implements Screen.
func (h *happenedScreen) Draw(dst *ebiten.Image) {
	a := h.a
	st := a.style()
	pal := st.pal
	sc := a.run.Scenario()
	rep := h.rep
	l := h.layout()
	t := 1.0
	if !a.settings.ReducedMotion {
		t = clamp01(a.now.Sub(h.start).Seconds() / deltaAnim.Seconds())
		t = 1 - math.Pow(1-t, 3)
	}
	a.header(dst, l.header, fmt.Sprintf("Month %d: what happened", rep.Month), fmt.Sprintf("%s · you chose: %s", rep.Title, rep.Choice))

	// The left column: roll, outcome, systems.
	a.panel(dst, l.left)
	view := l.left
	h.scroll.clamp(view, l.content)
	clip := clipTo(dst, view)
	ox, oy := l.left.X+st.d(24), l.left.Y-h.scroll.off
	inner := l.left.W - st.d(48)
	if r := rep.Roll; r != nil {
		y := oy + l.rollY
		head := "THE ROLL"
		if !r.Shown {
			head = "THE ROLL · the odds were hidden when you chose"
		}
		a.paint.textCut(clip, ellipsize(head, st.label, inner), st.label, ox, y, pal.Muted, view)
		y += lineH(st.label) + st.d(18)
		odds := make([]sim.OddsView, len(r.Odds))
		for i, p := range r.Odds {
			odds[i] = sim.OddsView{Label: r.Labels[i], Chance: p}
		}
		if y >= view.Y && y+st.d(14) <= view.Bottom() {
			a.oddsBar(clip, Rect{ox, y, inner, st.d(14)}, odds, r.Value*t, r.Outcome)
		}
		y += st.d(14) + st.d(12)
		for i, lg := range l.rollLegend {
			clr := pal.Faint
			face := st.small
			if i == r.Outcome {
				clr = pal.Text
			}
			sw := st.d(10)
			if y >= view.Y && y+lineH(face) <= view.Bottom() {
				a.paint.round(clip, Rect{ox, y + lineH(face)/2 - sw/2, sw, sw}, st.d(2), pal.Series[i%len(pal.Series)])
			}
			mark := ""
			if i == r.Outcome {
				mark = "  ← this happened"
			}
			a.paint.textCut(clip, ellipsize(lg+mark, face, inner-st.d(18)), face, ox+st.d(18), y, clr, view)
			y += lineH(face) * 1.3
		}
		for _, ln := range l.rollNote {
			a.paint.textCut(clip, ln, st.small, ox, y, pal.Muted, view)
			y += lineH(st.small) * 1.3
		}
	}
	y := oy + l.textY
	for _, ln := range l.textLines {
		a.paint.textCut(clip, ln, st.body, ox, y, pal.Text, view)
		y += lineH(st.body) * 1.4
	}
	if c := rep.Calibration; c != nil {
		y = oy + l.calY
		clr := pal.Accent
		if c.Promoted {
			clr = pal.Good
		}
		drawIcon(a.paint, clip, "rating", Rect{ox, y, st.d(22), st.d(22)}, clr)
		for _, ln := range l.calLines {
			a.paint.textCut(clip, ln, st.bodyBold, ox+st.d(32), y, pal.Text, view)
			y += lineH(st.bodyBold) * 1.3
		}
	}
	if f := rep.Fight; f != nil {
		r := Rect{ox, oy + l.fightY, inner, l.fightH}
		if r.Within(view, 1) {
			a.drawFight(clip, r, f.Teams, poolText(f.Pool, f.Unit, f.PoolName), 2, true)
		}
	}
	y = oy + l.notesY
	for i, n := range rep.Notes {
		icon := map[sim.NoteKind]string{sim.NoteFunding: "cash", sim.NoteLadder: "level", sim.NoteFight: "team"}[n.Kind]
		if y >= view.Y && y+st.d(18) <= view.Bottom() {
			drawIcon(a.paint, clip, icon, Rect{ox, y, st.d(18), st.d(18)}, pal.Icon)
		}
		for _, ln := range l.notes[i] {
			a.paint.textCut(clip, ln, st.small, ox+st.d(28), y, pal.Muted, view)
			y += lineH(st.small) * 1.3
		}
		y += st.d(8)
	}
	if len(l.rulesLines) > 0 {
		y += st.d(6)
		for _, ln := range l.rulesLines {
			a.paint.textCut(clip, ln, st.small, ox, y, pal.Faint, view)
			y += lineH(st.small) * 1.3
		}
	}
	a.fadeEdges(clip, view, l.content, h.scroll.off, pal.Panel)
	a.scrollbar(dst, view, l.left.Right()-st.d(10), st.d(10), l.content, h.scroll.off)

	h.drawDeltas(dst, l, sc, t)
	label := "Next month"
	if a.run.Done() {
		label = "See how it ended"
	}
	a.button(dst, l.cont, label, "Enter", h.nav.focus == 0, true, true)
}

// drawDeltas lists each visible stat's change, counting up from the old
// value while the animation runs.
func (h *happenedScreen) drawDeltas(dst *ebiten.Image, l happenedLayout, sc *scenario.Scenario, t float64) {
	a := h.a
	st := a.style()
	pal := st.pal
	a.panel(dst, l.right)
	in := l.right.InsetXY(st.d(18), st.d(16))
	a.paint.text(dst, "CHANGES THIS MONTH", st.label, in.X, in.Y, pal.Muted, in)
	view := deltasView(st, l)
	if len(l.deltas) == 0 {
		a.paint.text(dst, "Nothing you can see changed.", st.small, in.X, view.Y, pal.Faint, in)
		return
	}
	rowH, compact := deltaRows(st, l)
	content := float64(len(l.deltas)) * rowH
	h.deltaScroll.clamp(view, content)
	clip := clipTo(dst, view)
	y := view.Y - h.deltaScroll.off
	for _, d := range l.deltas {
		if y+rowH < view.Y || y > view.Bottom() {
			y += rowH
			continue
		}
		s := &sc.Stats[d.Stat]
		diff := d.After - d.Before
		clr := deltaColour(pal, s.Better, diff)
		ic := st.d(18)
		drawIcon(a.paint, clip, s.Icon, Rect{in.X, y + (lineH(st.bodyBold)-ic)/2, ic, ic}, pal.Icon)
		ds := sim.FormatDelta(diff*t, s.Unit)
		dw := textWidth(ds, st.bodyBold)
		lx := in.X + ic + st.d(10)
		label := ellipsize(s.Label, st.small, in.Right()-lx-dw-st.d(10))
		a.paint.textCut(clip, label, st.small, lx, y+(lineH(st.bodyBold)-lineH(st.small))/2, pal.Text, view)
		a.paint.textCut(clip, ds, st.bodyBold, in.Right()-dw, y, clr, view)
		if !compact {
			from := fmt.Sprintf("%s → %s", sim.FormatValue(d.Before, s.Unit), sim.FormatValue(d.Before+diff*t, s.Unit))
			a.paint.textCut(clip, ellipsize(from, st.tiny, in.W-ic-st.d(10)), st.tiny, lx, y+lineH(st.bodyBold)+st.d(1), pal.Faint, view)
		}
		y += rowH
	}
	a.fadeEdges(clip, view, content, h.deltaScroll.off, pal.Panel)
	a.scrollbar(dst, view, l.right.Right()-st.d(8), 0, content, h.deltaScroll.off)
}

// deltasView is the scrolling area of the changes list.
func deltasView(st *style, l happenedLayout) Rect {
	in := l.right.InsetXY(st.d(18), st.d(16))
	top := in.Y + lineH(st.label) + st.d(10)
	return Rect{in.X, top, in.W, in.Bottom() - top}
}

// deltaRows is the height of a change's row: with its before and after,
// or compact when the list would not fit otherwise.
func deltaRows(st *style, l happenedLayout) (float64, bool) {
	if float64(len(l.deltas))*l.deltaRowH > deltasView(st, l).H {
		return lineH(st.bodyBold) + st.d(4), true
	}
	return l.deltaRowH, false
}

// rollNote explains the draw against the band of the outcome it picked:
// "The draw came up 12.5 out of 100; anything under 33.3 meant accepted."
func rollNote(r *sim.Roll) string {
	lo := 0.0
	for i := 0; i < r.Outcome && i < len(r.Odds); i++ {
		lo += r.Odds[i]
	}
	hi := lo
	if r.Outcome < len(r.Odds) {
		hi += r.Odds[r.Outcome]
	}
	label := "this outcome"
	if r.Outcome < len(r.Labels) && r.Labels[r.Outcome] != "" {
		label = "“" + r.Labels[r.Outcome] + "”"
	}
	var band string
	switch {
	case r.Outcome == 0:
		band = fmt.Sprintf("anything under %s meant %s", num1(hi*100), label)
	case r.Outcome == len(r.Odds)-1:
		band = fmt.Sprintf("%s or more meant %s", num1(lo*100), label)
	default:
		band = fmt.Sprintf("from %s to under %s meant %s", num1(lo*100), num1(hi*100), label)
	}
	return fmt.Sprintf("The draw came up %s out of 100; %s.", num1(r.Value*100), band)
}

// num1 renders a number with at most one decimal: 33.3, 40.
func num1(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}
