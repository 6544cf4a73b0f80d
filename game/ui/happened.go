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
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// happenedScreen says what the month's choice led to and why: the outcome
// text, the roll against the odds, the systems' notes, and every stat's
// change coloured by whether it is good for the player.
type happenedScreen struct {
	rep    *sim.Report
	card   sim.CardView
	choice sim.ChoiceView
	// stories word the month's switches of phase (worked out once).
	stories []sim.SwitchStory
	start   time.Time
	nav     kit.Focus
	scroll  kit.Scroll
	// deltaScroll scrolls the changes when they do not fit.
	deltaScroll kit.Scroll
}

// deltaAnim is how long the changes take to count up.
const deltaAnim = 650 * time.Millisecond

func newHappened(rep *sim.Report, card sim.CardView, choice sim.ChoiceView) *happenedScreen {
	return &happenedScreen{rep: rep, card: card, choice: choice}
}

// Name implements Screen.
func (h *happenedScreen) Name() string { return "happened" }

// Enter implements Screen: the changes start counting up.
func (h *happenedScreen) Enter(c *Context) {
	h.start = c.Now
	c.KeepDrawing(deltaAnim)
}

// Leave implements Screen.
func (h *happenedScreen) Leave(*Context, Screen) {}

// Targets implements Screen: the button to go on.
func (h *happenedScreen) Targets(c *Context) []kit.Target {
	return []kit.Target{{Label: "Continue", Key: "Enter", R: h.layout(c).cont, Enabled: true}}
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
func deltaColour(pal kit.Palette, better int, d float64) color.RGBA {
	switch {
	case better == 0 || d == 0:
		return pal.Neutral
	case (d > 0) == (better > 0):
		return pal.Good
	}
	return pal.Bad
}

type happenedLayout struct {
	header, left, right, cont kit.Rect
	// Left column blocks, content coordinates.
	rollY, rollH   float64
	rollLegend     []string
	rollNote       []string
	textY          float64
	textLines      []string
	switchY        float64
	switches       []switchBox
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

func layHappened(b kit.Rect, st *kit.Style, w *kit.Wrapper, sc *scenario.Scenario, rep *sim.Report, stories []sim.SwitchStory) happenedLayout {
	var l happenedLayout
	body := b.InsetXY(st.D(28), st.D(20))
	l.header, body = body.CutTop(kit.HeaderHeight(st, true))
	_, body = body.CutTop(st.D(16))
	foot, body := body.CutBottom(st.D(48))
	_, body = body.CutBottom(st.D(14))
	l.cont = kit.Rect{X: foot.Right() - math.Min(st.D(300), foot.W), Y: foot.Y, W: math.Min(st.D(300), foot.W), H: foot.H}
	gap := st.D(16)
	rw := math.Max(math.Min(st.D(380), body.W*0.4), st.D(260))
	l.right, body = body.CutRight(rw)
	_, l.left = body.CutRight(gap)
	l.deltas = visibleDeltas(sc, rep)
	l.deltaRowH = kit.LineH(st.BodyBold) + kit.LineH(st.Tiny) + st.D(12)
	inner := l.left.W - st.D(48)
	y := st.D(22)
	if rep.Roll != nil {
		l.rollY = y
		for i, p := range rep.Roll.Odds {
			label := rep.Roll.Labels[i]
			if label == "" {
				label = fmt.Sprintf("outcome %d", i+1)
			}
			l.rollLegend = append(l.rollLegend, fmt.Sprintf("%s %s", words.Chance(p), label))
		}
		l.rollNote = w.Wrap(rollNote(rep.Roll), st.Small, inner)
		l.rollH = kit.LineH(st.Label) + st.D(18) + st.D(14) + st.D(12) + float64(len(l.rollLegend))*kit.LineH(st.Small)*1.3 + kit.TextHeight(len(l.rollNote), st.Small, 1.3)
		y += l.rollH + st.D(18)
	}
	l.textY = y
	text := rep.Text
	if text == "" {
		text = "The month passes."
	}
	l.textLines = w.Wrap(text, st.Body, inner)
	y += kit.TextHeight(len(l.textLines), st.Body, 1.4) + st.D(16)
	l.switchY = y
	for _, s := range stories {
		b := laySwitch(st, w, s, inner)
		l.switches = append(l.switches, b)
		y += b.h + st.D(16)
	}
	if c := rep.Calibration; c != nil {
		l.calY = y
		s := fmt.Sprintf("Calibration: %s. Your score placed you above %.0f%% of your peers.", c.Label, c.Percentile*100)
		if c.Promoted {
			s += " You are promoted."
		}
		l.calLines = w.Wrap(s, st.BodyBold, inner-st.D(32))
		y += kit.TextHeight(len(l.calLines), st.BodyBold, 1.3) + st.D(16)
	}
	if f := rep.Fight; f != nil {
		l.fightY = y
		l.fightH = fightHeight(st, len(f.Teams), false)
		y += l.fightH + st.D(16)
	}
	l.notesY = y
	for _, n := range rep.Notes {
		ls := w.Wrap(n.Text, st.Small, inner-st.D(28))
		l.notes = append(l.notes, ls)
		y += kit.TextHeight(len(ls), st.Small, 1.3) + st.D(8)
	}
	if len(rep.Rules) > 0 {
		l.rulesLines = w.Wrap("Every month: "+strings.Join(rep.Rules, "; ")+".", st.Small, inner)
		y += st.D(6) + kit.TextHeight(len(l.rulesLines), st.Small, 1.3)
	}
	l.content = y + st.D(22)
	// Both panels hug the taller of their contents.
	deltasH := st.D(16) + kit.LineH(st.Label) + st.D(10) + float64(max(len(l.deltas), 1))*l.deltaRowH + st.D(16)
	h := math.Min(l.left.H, math.Max(l.content, deltasH))
	l.left.H, l.right.H = h, h
	return l
}

func (h *happenedScreen) layout(c *Context) happenedLayout {
	if h.stories == nil && len(h.rep.Switches) > 0 {
		for _, sw := range h.rep.Switches {
			h.stories = append(h.stories, c.run.Story(sw))
		}
	}
	return layHappened(c.Bounds(), c.Style(), c.Wrap, c.run.Scenario(), h.rep, h.stories)
}

func (h *happenedScreen) next(c *Context) Screen {
	if c.run.Done() {
		return newEnding(c)
	}
	return newMonth(c)
}

// Update implements Screen.
func (h *happenedScreen) Update(c *Context, in kit.Input) (Screen, error) {
	st := c.Style()
	l := h.layout(c)
	if in.Back {
		return newTitle(c), nil
	}
	view := l.left
	if in.Down {
		h.scroll.Off += kit.LineH(st.Body) * 2
	}
	if in.Up {
		h.scroll.Off -= kit.LineH(st.Body) * 2
	}
	h.scroll.Update(in, view, l.content, kit.LineH(st.Body))
	if rowH, _ := deltaRows(st, l); len(l.deltas) > 0 {
		h.deltaScroll.Update(kit.Input{Wheel: in.Wheel, Cursor: in.Cursor}, deltasView(st, l), float64(len(l.deltas))*rowH, rowH)
	}
	// Number keys do not continue: a double press on the month's card
	// must not skip what happened.
	if h.nav.Update(in, []kit.Rect{l.cont}, nil, 1) == 0 {
		return h.next(c), nil
	}
	return h, nil
}

// Draw implements Screen.
func (h *happenedScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	sc := c.run.Scenario()
	rep := h.rep
	l := h.layout(c)
	t := c.Progress(h.start, deltaAnim)
	kit.Header{Title: fmt.Sprintf("Month %d: what happened", rep.Month), Sub: fmt.Sprintf("%s · you chose: %s", rep.Title, rep.Choice)}.Draw(c.Context, dst, l.header)

	// The left column: roll, outcome, systems.
	kit.Panel(c.Context, dst, l.left)
	view := l.left
	h.scroll.Clamp(view, l.content)
	clip := kit.ClipTo(dst, view)
	ox, oy := l.left.X+st.D(24), l.left.Y-h.scroll.Off
	inner := l.left.W - st.D(48)
	if r := rep.Roll; r != nil {
		y := oy + l.rollY
		head := "THE ROLL"
		if !r.Shown {
			head = "THE ROLL · the odds were hidden when you chose"
		}
		c.Paint.TextCut(clip, kit.Ellipsize(head, st.Label, inner), st.Label, ox, y, pal.Muted, view)
		y += kit.LineH(st.Label) + st.D(18)
		odds := make([]sim.OddsView, len(r.Odds))
		for i, p := range r.Odds {
			odds[i] = sim.OddsView{Label: r.Labels[i], Chance: p}
		}
		if y >= view.Y && y+st.D(14) <= view.Bottom() {
			c.oddsBar(clip, kit.Rect{X: ox, Y: y, W: inner, H: st.D(14)}, odds, r.Value*t, r.Outcome)
		}
		y += st.D(14) + st.D(12)
		for i, lg := range l.rollLegend {
			clr := pal.Faint
			face := st.Small
			if i == r.Outcome {
				clr = pal.Text
			}
			sw := st.D(10)
			if y >= view.Y && y+kit.LineH(face) <= view.Bottom() {
				c.Paint.Round(clip, kit.Rect{X: ox, Y: y + kit.LineH(face)/2 - sw/2, W: sw, H: sw}, st.D(2), pal.Series[i%len(pal.Series)])
			}
			mark := ""
			if i == r.Outcome {
				mark = "  ← this happened"
			}
			c.Paint.TextCut(clip, kit.Ellipsize(lg+mark, face, inner-st.D(18)), face, ox+st.D(18), y, clr, view)
			y += kit.LineH(face) * 1.3
		}
		for _, ln := range l.rollNote {
			c.Paint.TextCut(clip, ln, st.Small, ox, y, pal.Muted, view)
			y += kit.LineH(st.Small) * 1.3
		}
	}
	y := oy + l.textY
	for _, ln := range l.textLines {
		c.Paint.TextCut(clip, ln, st.Body, ox, y, pal.Text, view)
		y += kit.LineH(st.Body) * 1.4
	}
	y = oy + l.switchY
	for _, b := range l.switches {
		c.drawSwitch(clip, b, ox, y, inner, view)
		y += b.h + st.D(16)
	}
	if cal := rep.Calibration; cal != nil {
		y = oy + l.calY
		clr := pal.Accent
		if cal.Promoted {
			clr = pal.Good
		}
		kit.DrawIcon(c.Paint, clip, "rating", kit.Rect{X: ox, Y: y, W: st.D(22), H: st.D(22)}, clr)
		for _, ln := range l.calLines {
			c.Paint.TextCut(clip, ln, st.BodyBold, ox+st.D(32), y, pal.Text, view)
			y += kit.LineH(st.BodyBold) * 1.3
		}
	}
	if f := rep.Fight; f != nil {
		r := kit.Rect{X: ox, Y: oy + l.fightY, W: inner, H: l.fightH}
		if r.Within(view, 1) {
			c.drawFight(clip, r, f.Teams, poolText(f.Pool, f.Unit, f.PoolName), 2, true)
		}
	}
	y = oy + l.notesY
	for i, n := range rep.Notes {
		icon := map[sim.NoteKind]string{sim.NoteFunding: "cash", sim.NoteLadder: "level", sim.NoteFight: "team"}[n.Kind]
		if y >= view.Y && y+st.D(18) <= view.Bottom() {
			kit.DrawIcon(c.Paint, clip, icon, kit.Rect{X: ox, Y: y, W: st.D(18), H: st.D(18)}, pal.Icon)
		}
		for _, ln := range l.notes[i] {
			c.Paint.TextCut(clip, ln, st.Small, ox+st.D(28), y, pal.Muted, view)
			y += kit.LineH(st.Small) * 1.3
		}
		y += st.D(8)
	}
	if len(l.rulesLines) > 0 {
		y += st.D(6)
		for _, ln := range l.rulesLines {
			c.Paint.TextCut(clip, ln, st.Small, ox, y, pal.Faint, view)
			y += kit.LineH(st.Small) * 1.3
		}
	}
	kit.FadeEdges(c.Context, clip, view, l.content, h.scroll.Off, pal.Panel)
	kit.Scrollbar(c.Context, dst, view, l.left.Right()-st.D(10), st.D(10), l.content, h.scroll.Off)

	h.drawDeltas(c, dst, l, sc, t)
	label := "Next month"
	if c.run.Done() {
		label = "See how it ended"
	}
	kit.Button{Label: label, Key: "Enter", Primary: true}.Draw(c.Context, dst, l.cont, h.nav.I == 0)
}

// drawDeltas lists each visible stat's change, counting up from the old
// value while the animation runs.
func (h *happenedScreen) drawDeltas(c *Context, dst *ebiten.Image, l happenedLayout, sc *scenario.Scenario, t float64) {
	st := c.Style()
	pal := st.Pal
	kit.Panel(c.Context, dst, l.right)
	in := l.right.InsetXY(st.D(18), st.D(16))
	c.Paint.Text(dst, "CHANGES THIS MONTH", st.Label, in.X, in.Y, pal.Muted, in)
	view := deltasView(st, l)
	if len(l.deltas) == 0 {
		c.Paint.Text(dst, "Nothing you can see changed.", st.Small, in.X, view.Y, pal.Faint, in)
		return
	}
	rowH, compact := deltaRows(st, l)
	content := float64(len(l.deltas)) * rowH
	h.deltaScroll.Clamp(view, content)
	clip := kit.ClipTo(dst, view)
	y := view.Y - h.deltaScroll.Off
	for _, d := range l.deltas {
		if y+rowH < view.Y || y > view.Bottom() {
			y += rowH
			continue
		}
		s := &sc.Stats[d.Stat]
		diff := d.After - d.Before
		clr := deltaColour(pal, s.Better, diff)
		ic := st.D(18)
		kit.DrawIcon(c.Paint, clip, s.Icon, kit.Rect{X: in.X, Y: y + (kit.LineH(st.BodyBold)-ic)/2, W: ic, H: ic}, pal.Icon)
		ds := sim.FormatDelta(diff*t, s.Unit)
		dw := kit.TextWidth(ds, st.BodyBold)
		lx := in.X + ic + st.D(10)
		label := kit.Ellipsize(s.Label, st.Small, in.Right()-lx-dw-st.D(10))
		c.Paint.TextCut(clip, label, st.Small, lx, y+(kit.LineH(st.BodyBold)-kit.LineH(st.Small))/2, pal.Text, view)
		c.Paint.TextCut(clip, ds, st.BodyBold, in.Right()-dw, y, clr, view)
		if !compact {
			from := fmt.Sprintf("%s → %s", sim.FormatValue(d.Before, s.Unit), sim.FormatValue(d.Before+diff*t, s.Unit))
			c.Paint.TextCut(clip, kit.Ellipsize(from, st.Tiny, in.W-ic-st.D(10)), st.Tiny, lx, y+kit.LineH(st.BodyBold)+st.D(1), pal.Faint, view)
		}
		y += rowH
	}
	kit.FadeEdges(c.Context, clip, view, content, h.deltaScroll.Off, pal.Panel)
	kit.Scrollbar(c.Context, dst, view, l.right.Right()-st.D(8), 0, content, h.deltaScroll.Off)
}

// deltasView is the scrolling area of the changes list.
func deltasView(st *kit.Style, l happenedLayout) kit.Rect {
	in := l.right.InsetXY(st.D(18), st.D(16))
	top := in.Y + kit.LineH(st.Label) + st.D(10)
	return kit.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}
}

// deltaRows is the height of a change's row: with its before and after,
// or compact when the list would not fit otherwise.
func deltaRows(st *kit.Style, l happenedLayout) (float64, bool) {
	if float64(len(l.deltas))*l.deltaRowH > deltasView(st, l).H {
		return kit.LineH(st.BodyBold) + st.D(4), true
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
