package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// monthScreen is a month of the run: the card with its choices, the HUD of
// stats, and the systems the path involves (runway, ladder, fight).
type monthScreen struct {
	plainScreen
	nav    kit.Focus
	scroll kit.Scroll
	// statScroll scrolls the stats when the panel is too short for them.
	statScroll kit.Scroll
	hover      int // stat row under the pointer, -1 none
	card       sim.CardView
	month      int
	// shown is when this month's card came up (the chapter banner comes
	// in from then).
	shown time.Time
}

func newMonth(c *Context) *monthScreen {
	m := &monthScreen{hover: -1}
	m.load(c)
	return m
}

// Name implements Screen.
func (m *monthScreen) Name() string { return "month" }

// Targets implements Screen: each choice with its number key (a choice
// scrolled out of view has no rectangle, but its key works), and Menu.
func (m *monthScreen) Targets(c *Context) []kit.Target {
	l := m.layout(c)
	var out []kit.Target
	for i, r := range m.choiceRects(c, l) {
		if i >= len(m.card.Choices) {
			break
		}
		ch := m.card.Choices[i]
		out = append(out, kit.Target{Label: ch.Label, Key: fmt.Sprint(i + 1), R: r, Enabled: ch.Available})
	}
	// Menu carries no key: the browser tests take a keyed target here
	// for a choice.
	return append(out, kit.Target{Label: "Menu", R: l.menu, Enabled: true})
}

func (m *monthScreen) load(c *Context) {
	m.card = c.run.Card()
	m.month = c.run.Month()
	m.shown = c.Now
	if _, _, ok := chapter(c.run); ok {
		c.KeepDrawing(chapterAnim)
	}
	m.nav.I = 0
	for i, c := range m.card.Choices {
		if c.Available {
			m.nav.I = i
			break
		}
	}
	m.scroll.Off = 0
}

func (m *monthScreen) refresh(c *Context) Screen {
	m.card = c.run.Card()
	return m
}

// choiceBox is one choice laid out on the card.
type choiceBox struct {
	r              kit.Rect // content coordinates
	label, odds    []string
	blocked        []string
	oddsBar        bool
	choice         sim.ChoiceView
	labelX, labelW float64
}

type monthLayout struct {
	top, menu, progress kit.Rect
	stats               kit.Rect
	statIDs             []int
	compact             bool
	compactRunway       bool
	runway, ladder      kit.Rect
	rung                float64
	view                kit.Rect // the card's scrolling area
	content             float64
	textLines           []string
	titleLines          []string
	// cardTop is where the card's title starts (under the chapter banner
	// on the first month after a switch); because is the earlier choice a
	// follow-up comes from.
	cardTop    float64
	because    []string
	fight      kit.Rect // content coordinates; zero when no fight in the card
	fightPanel kit.Rect // the contest's own panel (wide layout)
	choices    []choiceBox
}

func layMonth(b kit.Rect, st *kit.Style, w *kit.Wrapper, run *sim.Run, card sim.CardView) monthLayout {
	var l monthLayout
	sc := monthScenario(run)
	m := st.D(20)
	body := b.InsetXY(m, st.D(16))
	l.top, body = body.CutTop(kit.LineH(st.Heading) + st.D(4) + kit.LineH(st.Small) + st.D(8))
	l.menu = kit.Rect{X: l.top.Right() - st.D(120), Y: l.top.Y + st.D(2), W: st.D(120), H: st.D(40)}
	l.progress = kit.Rect{X: l.top.X, Y: l.top.Bottom() - st.D(5), W: l.top.W, H: st.D(4)}
	_, body = body.CutTop(st.D(14))

	l.statIDs = shownHUD(run)
	hasSys := sc.Funding != nil || sc.Ladder != nil
	raising := false
	if round, _ := run.Raising(); round >= 0 {
		raising = true
	}
	gap := st.D(14)
	wide := b.W/st.U >= 1180 && hasSys
	var side, sys, cardCol kit.Rect
	if wide {
		side, body = body.CutLeft(st.D(280))
		_, body = body.CutLeft(gap)
		sys, body = body.CutRight(st.D(300))
		_, cardCol = body.CutRight(gap)
	} else {
		side, body = body.CutLeft(math.Min(st.D(280), b.W*0.36))
		_, cardCol = body.CutLeft(gap)
		sys = side
	}
	// The systems come first in their column; in the narrow layout they
	// share it with the stats, which get what is left (compact rows, and
	// a scroll when even those do not fit).
	l.rung = ladderRung(st, false)
	sysHeight := func() float64 {
		h := 0.0
		if sc.Funding != nil {
			h += runwayHeight(st, raising, l.compactRunway) + gap
		}
		if sc.Ladder != nil {
			h += ladderHeight(st, len(sc.Ladder.Levels), l.rung) + gap
		}
		return h
	}
	if !wide && hasSys {
		need := statsHeight(st, min(len(l.statIDs), 8), true)
		if sysHeight()+need > side.H {
			l.compactRunway = true
			l.rung = ladderRung(st, true)
		}
	}
	if sc.Funding != nil {
		l.runway, sys = sys.CutTop(runwayHeight(st, raising, l.compactRunway))
		_, sys = sys.CutTop(gap)
	}
	if sc.Ladder != nil {
		l.ladder, sys = sys.CutTop(ladderHeight(st, len(sc.Ladder.Levels), l.rung))
		_, sys = sys.CutTop(gap)
	}
	// In the wide layout a planning cycle's contest gets its own panel in
	// the systems column, leaving the card room for the choices.
	if card.Fight != nil && wide {
		ph := st.D(32) + fightHeight(st, len(card.Fight.Teams), true)
		if ph <= sys.H {
			l.fightPanel, sys = sys.CutTop(ph)
		}
	}
	if !wide {
		side = sys
	}
	if statsHeight(st, len(l.statIDs), false) > side.H {
		l.compact = true
	}
	l.stats, _ = side.CutTop(math.Min(statsHeight(st, len(l.statIDs), l.compact), side.H))

	// The card: its content scrolls inside the panel when too tall.
	l.view = cardCol
	inner := cardCol.W - st.D(56)
	y := st.D(26)
	if _, _, ok := chapter(run); ok {
		y += chapterHeight(st)
	}
	l.cardTop = y
	iconS := st.D(44)
	l.titleLines = w.Wrap(card.Title, st.Title, inner-iconS-st.D(16))
	th := math.Max(iconS, kit.TextHeight(len(l.titleLines), st.Title, 1.1))
	y += th + st.D(16)
	if l.because = becauseLines(w, st, card, inner-st.D(20)); len(l.because) > 0 {
		y += kit.TextHeight(len(l.because), st.Small, 1.3) + st.D(8)
	}
	l.textLines = w.Wrap(card.Text, st.Body, inner)
	y += kit.TextHeight(len(l.textLines), st.Body, 1.4) + st.D(18)
	if card.Fight != nil && l.fightPanel.W == 0 {
		fh := fightHeight(st, len(card.Fight.Teams), true)
		l.fight = kit.Rect{X: st.D(28), Y: y, W: inner, H: fh}
		y += fh + st.D(18)
	}
	for _, ch := range card.Choices {
		cb := choiceBox{choice: ch}
		keyW := st.D(30)
		cb.labelX = st.D(16) + keyW + st.D(12)
		cb.labelW = inner - cb.labelX - st.D(16)
		cb.label = w.Wrap(ch.Label, st.BodyBold, cb.labelW)
		h := st.D(14) + kit.TextHeight(len(cb.label), st.BodyBold, 1.2)
		if ch.ShowOdds && len(ch.Odds) > 1 {
			cb.oddsBar = true
			cb.odds = w.Wrap(oddsLine(ch.Odds), st.Small, cb.labelW)
			h += st.D(8) + st.D(6) + st.D(6) + kit.TextHeight(len(cb.odds), st.Small, 1.25)
		} else if ch.ShowOdds && len(ch.Odds) == 1 {
			cb.odds = w.Wrap(oddsLine(ch.Odds), st.Small, cb.labelW)
			h += st.D(6) + kit.TextHeight(len(cb.odds), st.Small, 1.25)
		}
		if !ch.Available {
			reason := ch.Blocked
			if reason == "" {
				reason = "Not available now"
			}
			cb.blocked = w.Wrap(reason, st.Small, cb.labelW-st.D(20))
			h += st.D(6) + kit.TextHeight(len(cb.blocked), st.Small, 1.25)
		}
		h += st.D(14)
		cb.r = kit.Rect{X: st.D(28), Y: y, W: inner, H: h}
		y += h + st.D(10)
		l.choices = append(l.choices, cb)
	}
	l.content = y + st.D(16)
	l.view.H = math.Min(l.content, cardCol.H)
	return l
}

// oddsLine renders odds as "60% they publish · 40% quiet payment".
func oddsLine(odds []sim.OddsView) string {
	parts := make([]string, len(odds))
	for i, o := range odds {
		label := o.Label
		if label == "" {
			label = fmt.Sprintf("outcome %d", i+1)
		}
		parts[i] = fmt.Sprintf("%s %s", words.Chance(o.Chance), label)
	}
	return strings.Join(parts, " · ")
}

func (m *monthScreen) layout(c *Context) monthLayout {
	return layMonth(c.Bounds(), c.Style(), c.Wrap, c.run, m.card)
}

// choiceRects returns the choices where they are on screen.
func (m *monthScreen) choiceRects(c *Context, l monthLayout) []kit.Rect {
	out := make([]kit.Rect, len(l.choices))
	for i, c := range l.choices {
		r := c.r.Offset(l.view.X, l.view.Y-m.scroll.Off)
		if !r.Overlaps(l.view) {
			r = kit.Rect{}
		}
		out[i] = r
	}
	return out
}

// Update implements Screen.
func (m *monthScreen) Update(c *Context, in kit.Input) (Screen, error) {
	st := c.Style()
	if c.run == nil {
		return newTitle(c), nil
	}
	if next := roomGate(c); next != nil {
		return next, nil
	}
	if c.run.Month() != m.month || c.run.Done() {
		m.load(c)
	}
	l := m.layout(c)
	if in.Back || in.Click && l.menu.Contains(in.Cursor) {
		return newTitle(c), nil
	}
	m.hover = -1
	sv := statsView(st, l.stats)
	for i, r := range statRows(st, l.stats, len(l.statIDs), l.compact, m.statScroll.Off) {
		if r.Contains(in.Cursor) && sv.Contains(in.Cursor) {
			m.hover = i
		}
	}
	m.statScroll.Update(kit.Input{Wheel: in.Wheel, Cursor: in.Cursor}, sv, float64(len(l.statIDs))*statRowHeight(st, l.compact), statRowHeight(st, l.compact))
	m.scroll.Update(in, l.view, l.content, kit.LineH(st.Body))
	enabled := make([]bool, len(m.card.Choices))
	for i, c := range m.card.Choices {
		enabled[i] = c.Available
	}
	before := m.nav.I
	pick := m.nav.Update(in, m.choiceRects(c, l), enabled, 1)
	if m.nav.I != before && !in.Moved && m.nav.I < len(l.choices) {
		c := l.choices[m.nav.I].r
		m.scroll.Show(l.view, l.content, c.Y-st.D(8), c.H+st.D(16))
	}
	if in.Pick > 0 {
		n := in.Pick - 1
		switch {
		case n >= len(m.card.Choices):
			c.say(fmt.Sprintf("This card has %d %s.", len(m.card.Choices), words.Plural(len(m.card.Choices), "choice", "choices")), true)
			return m, nil
		case !m.card.Choices[n].Available:
			reason := m.card.Choices[n].Blocked
			if reason == "" {
				reason = "its condition is not met"
			}
			m.nav.I = n
			c.say("Not available: "+reason, true)
			return m, nil
		}
		pick = n
	}
	if pick < 0 {
		return m, nil
	}
	return m.pick(c, pick)
}

// pick plays the month with choice n and shows what happened.
func (m *monthScreen) pick(c *Context, n int) (Screen, error) {
	choice := m.card.Choices[n]
	month := c.run.Month()
	roomBeforePick(c)
	rep, err := c.run.Pick(n)
	if err != nil {
		c.say("That choice cannot be made: "+err.Error(), true)
		return m, nil
	}
	roomAfterPick(c, month, choice.Index)
	c.autosave()
	if c.run.Done() {
		c.finish(c.Now)
	}
	return newHappened(rep, m.card, choice), nil
}

// Draw implements Screen.
func (m *monthScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	run := c.run
	sc := monthScenario(run)
	l := m.layout(c)
	m.scroll.Clamp(l.view, l.content)

	// Top bar: where you are in the run.
	titleBox := kit.Rect{X: l.top.X, Y: l.top.Y, W: l.menu.X - l.top.X - st.D(16), H: kit.LineH(st.Heading)}
	c.Paint.TextIn(dst, sc.Title, st.Heading, titleBox, 0, pal.Text)
	sub := monthSub(run)
	subBox := kit.Rect{X: l.top.X, Y: l.top.Y + kit.LineH(st.Heading) + st.D(4), W: titleBox.W, H: kit.LineH(st.Small)}
	c.Paint.TextIn(dst, sub, st.Small, subBox, 0, pal.Muted)
	kit.Button{Label: "Menu", Key: "Esc"}.Draw(c.Context, dst, l.menu, false)
	kit.Meter(c.Context, dst, l.progress, float64(run.Month()-1)/float64(max(sc.Months, 1)), kit.Alpha(pal.Accent, 0.8))

	sv := statsView(st, l.stats)
	m.statScroll.Clamp(sv, float64(len(l.statIDs))*statRowHeight(st, l.compact))
	c.drawStats(dst, l.stats, run, l.statIDs, l.compact, m.hover, m.statScroll.Off)
	if sc.Funding != nil {
		c.drawRunway(dst, l.runway, run, l.compactRunway)
	}
	if sc.Ladder != nil {
		c.drawLadder(dst, l.ladder, run, l.rung)
	}
	if f := m.card.Fight; f != nil && l.fightPanel.W > 0 {
		kit.Panel(c.Context, dst, l.fightPanel)
		c.drawFight(dst, l.fightPanel.InsetXY(st.D(14), st.D(16)), f.Teams, poolText(f.Pool, f.Unit, f.PoolName), m.halves(c), false)
	}
	m.drawCard(c, dst, l)
	if m.hover >= 0 {
		m.drawStatHelp(c, dst, l)
	}
}

func (m *monthScreen) drawCard(c *Context, dst *ebiten.Image, l monthLayout) {
	st := c.Style()
	pal := st.Pal
	kit.Panel(c.Context, dst, l.view)
	view := l.view
	clip := kit.ClipTo(dst, view)
	ox, oy := l.view.X, l.view.Y-m.scroll.Off
	iconS := st.D(44)
	iconClr := pal.Accent
	if m.card.Kind == sim.CardFight {
		iconClr = pal.Focus
	}
	if n, s, ok := chapter(c.run); ok {
		band := kit.Rect{X: ox + st.D(28), Y: oy + st.D(26), W: l.view.W - st.D(56), H: chapterHeight(st)}
		c.drawChapter(clip, band, n, s, c.Progress(m.shown, chapterAnim), view)
	}
	ir := kit.Rect{X: ox + st.D(28), Y: oy + l.cardTop, W: iconS, H: iconS}
	if ir.Overlaps(view) {
		kit.IconBadge(c.Context, clip, cardIcon(m.card), ir, iconClr)
	}
	ty := oy + l.cardTop
	titleH := kit.TextHeight(len(l.titleLines), st.Title, 1.1)
	if titleH < iconS {
		ty += (iconS - titleH) / 2
	}
	for _, ln := range l.titleLines {
		c.Paint.TextCut(clip, ln, st.Title, ir.Right()+st.D(16), ty, pal.Text, view)
		ty += kit.LineH(st.Title) * 1.1
	}
	y := oy + l.cardTop + math.Max(iconS, titleH) + st.D(16)
	if len(l.because) > 0 {
		kit.DrawIcon(c.Paint, clip, "calendar", kit.Rect{X: ox + st.D(28), Y: y + (kit.LineH(st.Small)-st.D(14))/2, W: st.D(14), H: st.D(14)}, pal.Faint)
		for _, ln := range l.because {
			c.Paint.TextCut(clip, ln, st.Small, ox+st.D(48), y, pal.Muted, view)
			y += kit.LineH(st.Small) * 1.3
		}
		y += st.D(8)
	}
	for _, ln := range l.textLines {
		c.Paint.TextCut(clip, ln, st.Body, ox+st.D(28), y, pal.Text, view)
		y += kit.LineH(st.Body) * 1.4
	}
	if f := m.card.Fight; f != nil && l.fight.W > 0 {
		r := l.fight.Offset(ox, oy)
		if r.Within(view, 1) {
			c.drawFight(clip, r, f.Teams, poolText(f.Pool, f.Unit, f.PoolName), m.halves(c), false)
		}
	}
	for i, cb := range l.choices {
		r := cb.r.Offset(ox, oy)
		if !r.Overlaps(view) {
			continue
		}
		m.drawChoice(c, clip, view, r, cb, i, i == m.nav.I)
	}
	kit.FadeEdges(c.Context, clip, view, l.content, m.scroll.Off, pal.Panel)
	kit.Scrollbar(c.Context, dst, view, l.view.Right()-st.D(10), st.D(10), l.content, m.scroll.Off)
}

func (m *monthScreen) drawChoice(c *Context, dst *ebiten.Image, view, r kit.Rect, cb choiceBox, i int, focused bool) {
	st := c.Style()
	pal := st.Pal
	ch := cb.choice
	bg, fg := pal.Raised, pal.Text
	if !ch.Available {
		bg, fg = pal.Sunken, pal.Faint
	}
	rad := st.D(10)
	c.Paint.Round(dst, r, rad, bg)
	c.Paint.RoundStroke(dst, r, rad, st.D(1), pal.Border)
	kr := kit.Rect{X: r.X + st.D(16), Y: r.Y + st.D(14), W: st.D(30), H: st.D(26)}
	if ch.Available {
		c.Paint.Round(dst, kr, st.D(6), pal.Accent)
		n := fmt.Sprint(i + 1)
		c.Paint.TextCut(dst, n, st.BodyBold, kr.X+(kr.W-kit.TextWidth(n, st.BodyBold))/2, kr.Y+(kr.H-kit.LineH(st.BodyBold))/2, pal.AccentText, view)
	} else {
		kit.DrawIcon(c.Paint, dst, "lock", kr.Inset(st.D(3)), pal.Faint)
	}
	x := r.X + cb.labelX
	y := r.Y + st.D(14)
	for _, ln := range cb.label {
		c.Paint.TextCut(dst, ln, st.BodyBold, x, y, fg, view)
		y += kit.LineH(st.BodyBold) * 1.2
	}
	if cb.oddsBar {
		y += st.D(8)
		c.oddsBar(dst, kit.Rect{X: x, Y: y, W: cb.labelW, H: st.D(6)}, ch.Odds, -1, -1)
		y += st.D(12)
	} else if len(cb.odds) > 0 {
		y += st.D(6)
	}
	for _, ln := range cb.odds {
		c.Paint.TextCut(dst, ln, st.Small, x, y, pal.Muted, view)
		y += kit.LineH(st.Small) * 1.25
	}
	if len(cb.blocked) > 0 {
		y += st.D(6)
		for _, ln := range cb.blocked {
			c.Paint.TextCut(dst, ln, st.Small, x, y, kit.Mix(pal.Bad, pal.Faint, 0.3), view)
			y += kit.LineH(st.Small) * 1.25
		}
	}
	if focused {
		kit.FocusRing(c.Context, dst, r, rad)
	}
}

// oddsBar draws odds as coloured segments; when roll >= 0, a marker shows
// where the draw fell and the outcome it picked stands out.
func (c *Context) oddsBar(dst *ebiten.Image, r kit.Rect, odds []sim.OddsView, roll float64, picked int) {
	st := c.Style()
	pal := st.Pal
	c.Paint.Round(dst, r, r.H/2, pal.Sunken)
	x := r.X
	for i, o := range odds {
		w := r.W * o.Chance
		if w <= 0 {
			continue
		}
		clr := pal.Series[i%len(pal.Series)]
		if picked >= 0 && i != picked {
			clr = kit.Mix(clr, pal.Sunken, 0.6)
		}
		gapW := st.D(2)
		if i == len(odds)-1 {
			gapW = 0
		}
		c.Paint.FillRect(dst, kit.Rect{X: x, Y: r.Y, W: math.Max(w-gapW, 0), H: r.H}, clr)
		x += w
	}
	if roll >= 0 {
		// The draw: a pin through the bar with a head above it.
		mx := math.Max(r.X+r.W*kit.Clamp01(roll), r.X+st.D(2))
		c.Paint.Line(dst, mx, r.Y-st.D(4), mx, r.Bottom()+st.D(4), st.D(3), pal.Text)
		c.Paint.Circle(dst, mx, r.Y-st.D(6), st.D(5), pal.Text)
	}
}

// cardIcon picks the icon of a card.
func cardIcon(c sim.CardView) string {
	if c.Icon != "" {
		return c.Icon
	}
	switch c.Kind {
	case sim.CardOffer:
		return "cash"
	case sim.CardFight:
		return "team"
	case sim.CardQuiet:
		return "clock"
	}
	return "flag"
}

// poolText renders a fight's pool: "6 new hires", "$400k budget".
func poolText(pool float64, u scenario.Unit, name string) string {
	if name != "" && (u == scenario.Fraction && pool == 1 || u == scenario.Percent && pool == 100) {
		return name // the whole of one thing: "the flagship project"
	}
	s := sim.FormatValue(pool, u)
	if name != "" {
		s += " " + name
	}
	return s
}

// drawStatHelp shows the hovered stat's explanation beside the HUD.
func (m *monthScreen) drawStatHelp(c *Context, dst *ebiten.Image, l monthLayout) {
	st := c.Style()
	pal := st.Pal
	sc := c.run.Scenario()
	if m.hover >= len(l.statIDs) {
		return
	}
	s := &sc.Stats[l.statIDs[m.hover]]
	help := s.Help
	if help == "" {
		help = "No description."
	}
	if s.Source != "" {
		if src, ok := sc.Sources[s.Source]; ok {
			help += " Source: " + src.Source
		} else {
			help += " Source: " + s.Source
		}
	}
	rows := statRows(st, l.stats, len(l.statIDs), l.compact, m.statScroll.Off)
	row := rows[m.hover]
	w := math.Min(st.D(340), c.W-l.stats.Right()-st.D(40))
	ls := kit.ClampLines(c.Wrap.Wrap(help, st.Small, w-st.D(28)), 6, st.Small, w-st.D(28))
	h := kit.LineH(st.BodyBold) + st.D(6) + kit.TextHeight(len(ls), st.Small, 1.25) + st.D(24)
	r := kit.Rect{X: l.stats.Right() + st.D(12), Y: row.Y, W: w, H: h}
	if r.Bottom() > c.H-st.D(10) {
		r.Y = c.H - st.D(10) - h
	}
	c.Paint.Round(dst, r, st.D(8), pal.Raised)
	c.Paint.RoundStroke(dst, r, st.D(8), st.D(1.5), pal.Focus)
	in := r.Inset(st.D(14))
	c.Paint.Text(dst, kit.Ellipsize(s.Label, st.BodyBold, in.W), st.BodyBold, in.X, in.Y-st.D(2), pal.Text, in)
	c.Paint.Lines(dst, ls, st.Small, kit.Rect{X: in.X, Y: in.Y + kit.LineH(st.BodyBold) + st.D(4), W: in.W, H: in.H}, pal.Muted, 1.25)
}

// halves is the fight's contest exponent times two.
func (m *monthScreen) halves(c *Context) int {
	if fs := c.run.Scenario().Fight; fs != nil {
		return fs.Halves
	}
	return 2
}
