package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// monthScreen is a month of the run: the card with its choices, the HUD of
// stats, and the systems the path involves (runway, ladder, fight).
type monthScreen struct {
	a      *app
	nav    nav
	scroll scroller
	// statScroll scrolls the stats when the panel is too short for them.
	statScroll scroller
	hover      int // stat row under the pointer, -1 none
	card       sim.CardView
	month      int
}

func newMonth(a *app) *monthScreen {
	m := &monthScreen{a: a, hover: -1}
	m.load()
	return m
}

func (m *monthScreen) load() {
	m.card = m.a.run.Card()
	m.month = m.a.run.Month()
	m.nav.focus = 0
	for i, c := range m.card.Choices {
		if c.Available {
			m.nav.focus = i
			break
		}
	}
	m.scroll.off = 0
}

func (m *monthScreen) refresh() Screen {
	m.card = m.a.run.Card()
	return m
}

// choiceBox is one choice laid out on the card.
type choiceBox struct {
	r              Rect // content coordinates
	label, odds    []string
	blocked        []string
	oddsBar        bool
	choice         sim.ChoiceView
	labelX, labelW float64
}

type monthLayout struct {
	top, menu, progress Rect
	stats               Rect
	statIDs             []int
	compact             bool
	compactRunway       bool
	runway, ladder      Rect
	rung                float64
	view                Rect // the card's scrolling area
	content             float64
	textLines           []string
	titleLines          []string
	fight               Rect // content coordinates; zero when no fight in the card
	fightPanel          Rect // the contest's own panel (wide layout)
	choices             []choiceBox
}

func layMonth(b Rect, st *style, w *wrapper, run *sim.Run, card sim.CardView) monthLayout {
	var l monthLayout
	sc := run.Scenario()
	m := st.d(20)
	body := b.InsetXY(m, st.d(16))
	l.top, body = body.CutTop(lineH(st.heading) + st.d(4) + lineH(st.small) + st.d(8))
	l.menu = Rect{l.top.Right() - st.d(120), l.top.Y + st.d(2), st.d(120), st.d(40)}
	l.progress = Rect{l.top.X, l.top.Bottom() - st.d(5), l.top.W, st.d(4)}
	_, body = body.CutTop(st.d(14))

	l.statIDs = hudStats(sc)
	hasSys := sc.Funding != nil || sc.Ladder != nil
	raising := false
	if round, _ := run.Raising(); round >= 0 {
		raising = true
	}
	gap := st.d(14)
	wide := b.W/st.u >= 1180 && hasSys
	var side, sys, cardCol Rect
	if wide {
		side, body = body.CutLeft(st.d(280))
		_, body = body.CutLeft(gap)
		sys, body = body.CutRight(st.d(300))
		_, cardCol = body.CutRight(gap)
	} else {
		side, body = body.CutLeft(math.Min(st.d(280), b.W*0.36))
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
		ph := st.d(32) + fightHeight(st, len(card.Fight.Teams), true)
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
	inner := cardCol.W - st.d(56)
	y := st.d(26)
	iconS := st.d(44)
	l.titleLines = w.wrap(card.Title, st.title, inner-iconS-st.d(16))
	th := math.Max(iconS, textHeight(len(l.titleLines), st.title, 1.1))
	y += th + st.d(16)
	l.textLines = w.wrap(card.Text, st.body, inner)
	y += textHeight(len(l.textLines), st.body, 1.4) + st.d(18)
	if card.Fight != nil && l.fightPanel.W == 0 {
		fh := fightHeight(st, len(card.Fight.Teams), true)
		l.fight = Rect{st.d(28), y, inner, fh}
		y += fh + st.d(18)
	}
	for _, ch := range card.Choices {
		cb := choiceBox{choice: ch}
		keyW := st.d(30)
		cb.labelX = st.d(16) + keyW + st.d(12)
		cb.labelW = inner - cb.labelX - st.d(16)
		cb.label = w.wrap(ch.Label, st.bodyBold, cb.labelW)
		h := st.d(14) + textHeight(len(cb.label), st.bodyBold, 1.2)
		if ch.ShowOdds && len(ch.Odds) > 1 {
			cb.oddsBar = true
			cb.odds = w.wrap(oddsLine(ch.Odds), st.small, cb.labelW)
			h += st.d(8) + st.d(6) + st.d(6) + textHeight(len(cb.odds), st.small, 1.25)
		} else if ch.ShowOdds && len(ch.Odds) == 1 {
			cb.odds = w.wrap(oddsLine(ch.Odds), st.small, cb.labelW)
			h += st.d(6) + textHeight(len(cb.odds), st.small, 1.25)
		}
		if !ch.Available {
			reason := ch.Blocked
			if reason == "" {
				reason = "Not available now"
			}
			cb.blocked = w.wrap(reason, st.small, cb.labelW-st.d(20))
			h += st.d(6) + textHeight(len(cb.blocked), st.small, 1.25)
		}
		h += st.d(14)
		cb.r = Rect{st.d(28), y, inner, h}
		y += h + st.d(10)
		l.choices = append(l.choices, cb)
	}
	l.content = y + st.d(16)
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
		parts[i] = fmt.Sprintf("%s %s", pct(o.Chance), label)
	}
	return strings.Join(parts, " · ")
}

// pct renders a probability as a whole percentage, never 0% or 100% for
// an outcome that can still go either way.
func pct(p float64) string {
	v := math.Round(p * 100)
	if v == 0 && p > 0 {
		return "<1%"
	}
	if v == 100 && p < 1 {
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", v)
}

func (m *monthScreen) layout() monthLayout {
	return layMonth(m.a.bounds(), m.a.style(), m.a.wrap, m.a.run, m.card)
}

// choiceRects returns the choices where they are on screen.
func (m *monthScreen) choiceRects(l monthLayout) []Rect {
	out := make([]Rect, len(l.choices))
	for i, c := range l.choices {
		r := c.r.Offset(l.view.X, l.view.Y-m.scroll.off)
		if !r.Overlaps(l.view) {
			r = Rect{}
		}
		out[i] = r
	}
	return out
}

// Update implements Screen.
func (m *monthScreen) Update(in Input) (Screen, error) {
	a := m.a
	st := a.style()
	if a.run == nil {
		return newTitle(a), nil
	}
	if a.run.Month() != m.month || a.run.Done() {
		m.load()
	}
	l := m.layout()
	if in.Back || in.Click && l.menu.Contains(in.Cursor) {
		return newTitle(a), nil
	}
	m.hover = -1
	sv := statsView(st, l.stats)
	for i, r := range statRows(st, l.stats, len(l.statIDs), l.compact, m.statScroll.off) {
		if r.Contains(in.Cursor) && sv.Contains(in.Cursor) {
			m.hover = i
		}
	}
	m.statScroll.update(Input{Wheel: in.Wheel, Cursor: in.Cursor}, sv, float64(len(l.statIDs))*statRowHeight(st, l.compact), statRowHeight(st, l.compact))
	m.scroll.update(in, l.view, l.content, lineH(st.body))
	enabled := make([]bool, len(m.card.Choices))
	for i, c := range m.card.Choices {
		enabled[i] = c.Available
	}
	before := m.nav.focus
	pick := m.nav.update(in, m.choiceRects(l), enabled, 1)
	if m.nav.focus != before && !in.Moved && m.nav.focus < len(l.choices) {
		c := l.choices[m.nav.focus].r
		m.scroll.show(l.view, l.content, c.Y-st.d(8), c.H+st.d(16))
	}
	if in.Pick > 0 {
		n := in.Pick - 1
		switch {
		case n >= len(m.card.Choices):
			a.say(fmt.Sprintf("This card has %d %s.", len(m.card.Choices), plural(len(m.card.Choices), "choice", "choices")), true)
			return m, nil
		case !m.card.Choices[n].Available:
			reason := m.card.Choices[n].Blocked
			if reason == "" {
				reason = "its condition is not met"
			}
			m.nav.focus = n
			a.say("Not available: "+reason, true)
			return m, nil
		}
		pick = n
	}
	if pick < 0 {
		return m, nil
	}
	return m.pick(pick)
}

// pick plays the month with choice n and shows what happened.
func (m *monthScreen) pick(n int) (Screen, error) {
	a := m.a
	choice := m.card.Choices[n]
	before := a.run.State()
	rep, err := a.run.Pick(n)
	if err != nil {
		a.say("That choice cannot be made: "+err.Error(), true)
		return m, nil
	}
	a.autosave()
	if a.run.Done() {
		a.finish()
	}
	return newHappened(a, rep, m.card, choice, before), nil
}

// Draw implements Screen.
func (m *monthScreen) Draw(dst *ebiten.Image) {
	a := m.a
	st := a.style()
	pal := st.pal
	run := a.run
	sc := run.Scenario()
	l := m.layout()
	m.scroll.clamp(l.view, l.content)

	// Top bar: where you are in the run.
	titleBox := Rect{l.top.X, l.top.Y, l.menu.X - l.top.X - st.d(16), lineH(st.heading)}
	a.paint.textIn(dst, sc.Title, st.heading, titleBox, 0, pal.Text)
	sub := fmt.Sprintf("Month %d of %d", run.Month(), sc.Months)
	if sc.StartAge > 0 {
		sub += fmt.Sprintf(" · age %d", sc.StartAge+(run.Month()-1)/12)
	}
	if sc.Role != "" {
		sub += " · " + sc.Role
	}
	if s := run.State().Session; s != "" {
		sub += " · session " + s
	}
	subBox := Rect{l.top.X, l.top.Y + lineH(st.heading) + st.d(4), titleBox.W, lineH(st.small)}
	a.paint.textIn(dst, sub, st.small, subBox, 0, pal.Muted)
	a.button(dst, l.menu, "Menu", "Esc", false, true, false)
	a.meter(dst, l.progress, float64(run.Month()-1)/float64(max(sc.Months, 1)), alpha(pal.Accent, 0.8))

	sv := statsView(st, l.stats)
	m.statScroll.clamp(sv, float64(len(l.statIDs))*statRowHeight(st, l.compact))
	a.drawStats(dst, l.stats, run, l.statIDs, l.compact, m.hover, m.statScroll.off)
	if sc.Funding != nil {
		a.drawRunway(dst, l.runway, run, l.compactRunway)
	}
	if sc.Ladder != nil {
		a.drawLadder(dst, l.ladder, run, l.rung)
	}
	if f := m.card.Fight; f != nil && l.fightPanel.W > 0 {
		a.panel(dst, l.fightPanel)
		a.drawFight(dst, l.fightPanel.InsetXY(st.d(14), st.d(16)), f.Teams, poolText(f.Pool, f.Unit, f.PoolName), m.halves(), false)
	}
	m.drawCard(dst, l)
	if m.hover >= 0 {
		m.drawStatHelp(dst, l)
	}
}

func (m *monthScreen) drawCard(dst *ebiten.Image, l monthLayout) {
	a := m.a
	st := a.style()
	pal := st.pal
	a.panel(dst, l.view)
	view := l.view
	clip := clipTo(dst, view)
	ox, oy := l.view.X, l.view.Y-m.scroll.off
	iconS := st.d(44)
	iconClr := pal.Accent
	if m.card.Kind == sim.CardFight {
		iconClr = pal.Focus
	}
	ir := Rect{ox + st.d(28), oy + st.d(26), iconS, iconS}
	if ir.Overlaps(view) {
		a.iconBadge(clip, cardIcon(m.card), ir, iconClr)
	}
	ty := oy + st.d(26)
	titleH := textHeight(len(l.titleLines), st.title, 1.1)
	if titleH < iconS {
		ty += (iconS - titleH) / 2
	}
	for _, ln := range l.titleLines {
		a.paint.textCut(clip, ln, st.title, ir.Right()+st.d(16), ty, pal.Text, view)
		ty += lineH(st.title) * 1.1
	}
	y := oy + st.d(26) + math.Max(iconS, titleH) + st.d(16)
	for _, ln := range l.textLines {
		a.paint.textCut(clip, ln, st.body, ox+st.d(28), y, pal.Text, view)
		y += lineH(st.body) * 1.4
	}
	if f := m.card.Fight; f != nil && l.fight.W > 0 {
		r := l.fight.Offset(ox, oy)
		if r.Within(view, 1) {
			a.drawFight(clip, r, f.Teams, poolText(f.Pool, f.Unit, f.PoolName), m.halves(), false)
		}
	}
	for i, cb := range l.choices {
		r := cb.r.Offset(ox, oy)
		if !r.Overlaps(view) {
			continue
		}
		m.drawChoice(clip, view, r, cb, i, i == m.nav.focus)
	}
	a.fadeEdges(clip, view, l.content, m.scroll.off, pal.Panel)
	a.scrollbar(dst, view, l.view.Right()-st.d(10), st.d(10), l.content, m.scroll.off)
}

func (m *monthScreen) drawChoice(dst *ebiten.Image, view, r Rect, cb choiceBox, i int, focused bool) {
	a := m.a
	st := a.style()
	pal := st.pal
	ch := cb.choice
	bg, fg := pal.Raised, pal.Text
	if !ch.Available {
		bg, fg = pal.Sunken, pal.Faint
	}
	rad := st.d(10)
	a.paint.round(dst, r, rad, bg)
	a.paint.roundStroke(dst, r, rad, st.d(1), pal.Border)
	kr := Rect{r.X + st.d(16), r.Y + st.d(14), st.d(30), st.d(26)}
	if ch.Available {
		a.paint.round(dst, kr, st.d(6), pal.Accent)
		n := fmt.Sprint(i + 1)
		a.paint.textCut(dst, n, st.bodyBold, kr.X+(kr.W-textWidth(n, st.bodyBold))/2, kr.Y+(kr.H-lineH(st.bodyBold))/2, pal.AccentText, view)
	} else {
		drawIcon(a.paint, dst, "lock", kr.Inset(st.d(3)), pal.Faint)
	}
	x := r.X + cb.labelX
	y := r.Y + st.d(14)
	for _, ln := range cb.label {
		a.paint.textCut(dst, ln, st.bodyBold, x, y, fg, view)
		y += lineH(st.bodyBold) * 1.2
	}
	if cb.oddsBar {
		y += st.d(8)
		a.oddsBar(dst, Rect{x, y, cb.labelW, st.d(6)}, ch.Odds, -1, -1)
		y += st.d(12)
	} else if len(cb.odds) > 0 {
		y += st.d(6)
	}
	for _, ln := range cb.odds {
		a.paint.textCut(dst, ln, st.small, x, y, pal.Muted, view)
		y += lineH(st.small) * 1.25
	}
	if len(cb.blocked) > 0 {
		y += st.d(6)
		for _, ln := range cb.blocked {
			a.paint.textCut(dst, ln, st.small, x, y, mix(pal.Bad, pal.Faint, 0.3), view)
			y += lineH(st.small) * 1.25
		}
	}
	if focused {
		a.focusRing(dst, r, rad)
	}
}

// oddsBar draws odds as coloured segments; when roll >= 0, a marker shows
// where the draw fell and the outcome it picked stands out.
func (a *app) oddsBar(dst *ebiten.Image, r Rect, odds []sim.OddsView, roll float64, picked int) {
	st := a.style()
	pal := st.pal
	a.paint.round(dst, r, r.H/2, pal.Sunken)
	x := r.X
	for i, o := range odds {
		w := r.W * o.Chance
		if w <= 0 {
			continue
		}
		c := pal.Series[i%len(pal.Series)]
		if picked >= 0 && i != picked {
			c = mix(c, pal.Sunken, 0.6)
		}
		gapW := st.d(2)
		if i == len(odds)-1 {
			gapW = 0
		}
		a.paint.rect(dst, Rect{x, r.Y, math.Max(w-gapW, 0), r.H}, c)
		x += w
	}
	if roll >= 0 {
		// The draw: a pin through the bar with a head above it.
		mx := math.Max(r.X+r.W*clamp01(roll), r.X+st.d(2))
		a.paint.line(dst, mx, r.Y-st.d(4), mx, r.Bottom()+st.d(4), st.d(3), pal.Text)
		a.paint.circle(dst, mx, r.Y-st.d(6), st.d(5), pal.Text)
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
func (m *monthScreen) drawStatHelp(dst *ebiten.Image, l monthLayout) {
	a := m.a
	st := a.style()
	pal := st.pal
	sc := a.run.Scenario()
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
	rows := statRows(st, l.stats, len(l.statIDs), l.compact, m.statScroll.off)
	row := rows[m.hover]
	w := math.Min(st.d(340), a.w-l.stats.Right()-st.d(40))
	ls := clampLines(a.wrap.wrap(help, st.small, w-st.d(28)), 6, st.small, w-st.d(28))
	h := lineH(st.bodyBold) + st.d(6) + textHeight(len(ls), st.small, 1.25) + st.d(24)
	r := Rect{l.stats.Right() + st.d(12), row.Y, w, h}
	if r.Bottom() > a.h-st.d(10) {
		r.Y = a.h - st.d(10) - h
	}
	a.paint.round(dst, r, st.d(8), pal.Raised)
	a.paint.roundStroke(dst, r, st.d(8), st.d(1.5), pal.Focus)
	in := r.Inset(st.d(14))
	a.paint.text(dst, ellipsize(s.Label, st.bodyBold, in.W), st.bodyBold, in.X, in.Y-st.d(2), pal.Text, in)
	a.paint.lines(dst, ls, st.small, Rect{in.X, in.Y + lineH(st.bodyBold) + st.d(4), in.W, in.H}, pal.Muted, 1.25)
}

// halves is the fight's contest exponent times two.
func (m *monthScreen) halves() int {
	if fs := m.a.run.Scenario().Fight; fs != nil {
		return fs.Halves
	}
	return 2
}
