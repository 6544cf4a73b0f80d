package ui

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
)

// chooseScreen shows a card per scenario: title, role, pitch, promise and
// price, and the systems it involves. The player's own scenarios appear
// beside the bundled ones, marked.
type chooseScreen struct {
	a      *app
	nav    nav
	scroll scroller
	err    string
}

func newChoose(a *app) *chooseScreen { return &chooseScreen{a: a} }

func (c *chooseScreen) refresh() Screen { return c }

type pathCard struct {
	sc                        *scenario.Scenario
	r                         Rect // content coordinates
	role, pitch, promise, pri []string
}

type chooseLayout struct {
	header, back, view Rect
	cols               int
	cards              []pathCard
	content            float64
}

func layChoose(b Rect, st *style, w *wrapper, scs []*scenario.Scenario) chooseLayout {
	var l chooseLayout
	body := b.InsetXY(st.d(32), st.d(24))
	head, body := body.CutTop(headerHeight(st, true))
	l.back, l.header = head.CutRight(st.d(130))
	l.back = Rect{l.back.X, l.back.Y + (l.back.H-st.d(42))/2, l.back.W, st.d(42)}
	_, body = body.CutTop(st.d(18))
	l.view = body
	gap := st.d(16)
	l.cols = int(math.Max(1, math.Min(3, math.Floor((body.W+gap)/(st.d(340)+gap)))))
	cw := (body.W - st.d(12) - gap*float64(l.cols-1)) / float64(l.cols)
	inner := cw - st.d(40)
	y := 0.0
	for row := 0; row*l.cols < len(scs); row++ {
		rowH := 0.0
		start := len(l.cards)
		for col := 0; col < l.cols && row*l.cols+col < len(scs); col++ {
			sc := scs[row*l.cols+col]
			pc := pathCard{sc: sc}
			pc.role = clampLines(w.wrap(cardRole(sc), st.small, inner), 2, st.small, inner)
			pc.pitch = w.wrap(sc.Pitch, st.small, inner)
			pc.promise = w.wrap(sc.Promise, st.small, inner)
			pc.pri = w.wrap(sc.Price, st.small, inner)
			h := cardHeight(st, pc)
			rowH = math.Max(rowH, h)
			pc.r = Rect{body.X + float64(col)*(cw+gap), y, cw, h}
			l.cards = append(l.cards, pc)
		}
		for i := start; i < len(l.cards); i++ {
			l.cards[i].r.H = rowH
		}
		y += rowH + gap
	}
	l.content = math.Max(y-gap, 0)
	return l
}

// cardHeight is the height of a path card's content.
func cardHeight(st *style, pc pathCard) float64 {
	h := st.d(20) + lineH(st.heading) + st.d(2) + textHeight(len(pc.role), st.small, 1.2) + st.d(12)
	h += textHeight(len(pc.pitch), st.small, 1.3) + st.d(12)
	h += lineH(st.label) + textHeight(len(pc.promise), st.small, 1.3) + st.d(8)
	h += lineH(st.label) + textHeight(len(pc.pri), st.small, 1.3) + st.d(14)
	h += lineH(st.small) + st.d(6) + st.d(20)
	return h
}

func (c *chooseScreen) layout() chooseLayout {
	return layChoose(c.a.bounds(), c.a.style(), c.a.wrap, c.a.lib.all)
}

// screenRects returns the cards where they are on screen, scrolled.
func (c *chooseScreen) screenRects(l chooseLayout) []Rect {
	out := make([]Rect, len(l.cards))
	for i, pc := range l.cards {
		r := pc.r.Offset(0, l.view.Y-c.scroll.off)
		if !r.Overlaps(l.view) {
			r = Rect{} // off screen: not clickable
		}
		out[i] = r
	}
	return out
}

// Update implements Screen.
func (c *chooseScreen) Update(in Input) (Screen, error) {
	a := c.a
	st := a.style()
	l := c.layout()
	if in.Back || in.Click && l.back.Contains(in.Cursor) {
		return newTitle(a), nil
	}
	c.scroll.update(in, l.view, l.content, lineH(st.body))
	before := c.nav.focus
	// A click on a card outside the view (half hidden) still counts.
	rects := c.screenRects(l)
	i := c.nav.update(in, rects, nil, l.cols)
	if c.nav.focus != before && c.nav.focus < len(l.cards) && !in.Moved {
		r := l.cards[c.nav.focus].r
		c.scroll.show(l.view, l.content, r.Y, r.H)
	}
	if i >= 0 && i < len(l.cards) {
		if err := a.startRun(l.cards[i].sc); err != nil {
			c.err = err.Error()
			a.say("Could not start: "+err.Error(), true)
			return c, nil
		}
		return newMonth(a), nil
	}
	return c, nil
}

// Draw implements Screen.
func (c *chooseScreen) Draw(dst *ebiten.Image) {
	a := c.a
	st := a.style()
	pal := st.pal
	l := c.layout()
	c.scroll.clamp(l.view, l.content)
	sub := "Every path has a promise and a price. ← → ↑ ↓ move · Enter starts · Esc goes back"
	if a.session != "" {
		sub = "Session " + a.session + ": the same luck as everyone with this code. Enter starts · Esc goes back"
	}
	a.header(dst, l.header, "Choose a path", sub)
	a.button(dst, l.back, "Back", "Esc", false, true, false)
	clip := clipTo(dst, Rect{l.view.X - st.d(6), l.view.Y - st.d(6), l.view.W + st.d(12), l.view.H + st.d(12)})
	for i, pc := range l.cards {
		r := pc.r.Offset(0, l.view.Y-c.scroll.off)
		if !r.Overlaps(l.view) {
			continue
		}
		c.drawCard(clip, r, l.view, pc, i == c.nav.focus)
	}
	a.fadeEdges(dst, l.view, l.content, c.scroll.off, pal.Bg)
	a.scrollbar(dst, l.view, l.view.Right()-st.d(4), 0, l.content, c.scroll.off)
	if len(l.cards) == 0 {
		a.paint.text(dst, "No scenario loaded. Fix your files and "+reloadHow+", or "+addHow+".", st.body, l.view.X, l.view.Y, pal.Muted, l.view)
	}
}

func (c *chooseScreen) drawCard(dst *ebiten.Image, r, view Rect, pc pathCard, focused bool) {
	a := c.a
	st := a.style()
	pal := st.pal
	sc := pc.sc
	bg := pal.Panel
	if focused {
		bg = pal.Raised
	}
	a.paint.round(dst, r, st.d(12), bg)
	a.paint.roundStroke(dst, r, st.d(12), st.d(1), pal.Border)
	in := r.InsetXY(st.d(20), st.d(20))
	y := in.Y
	titleW := in.W
	if !sc.Bundled {
		titleW -= a.chipWidth("Your scenario") + st.d(8)
	}
	a.paint.textCut(dst, ellipsize(sc.Title, st.heading, titleW), st.heading, in.X, y, pal.Text, view)
	if !sc.Bundled && y >= view.Y && y+a.chipHeight() <= view.Bottom() {
		a.chip(dst, in.Right()-a.chipWidth("Your scenario"), y, "Your scenario", pal.Warn, view)
	}
	y += lineH(st.heading) + st.d(2)
	for _, ln := range pc.role {
		a.paint.textCut(dst, ln, st.small, in.X, y, pal.Muted, view)
		y += lineH(st.small) * 1.2
	}
	y += st.d(12)
	for _, ln := range pc.pitch {
		a.paint.textCut(dst, ln, st.small, in.X, y, pal.Text, view)
		y += lineH(st.small) * 1.3
	}
	y += st.d(12)
	for _, part := range []struct {
		label string
		ls    []string
		clr   int
	}{{"PROMISE", pc.promise, 0}, {"PRICE", pc.pri, 1}} {
		clr := pal.Good
		if part.clr == 1 {
			clr = pal.Bad
		}
		a.paint.textCut(dst, part.label, st.label, in.X, y, clr, view)
		y += lineH(st.label)
		for _, ln := range part.ls {
			a.paint.textCut(dst, ln, st.small, in.X, y, pal.Text, view)
			y += lineH(st.small) * 1.3
		}
		y += st.d(8)
	}
	// Chips at the bottom of the card: the systems and the length.
	cy := r.Bottom() - st.d(20) - a.chipHeight()
	if cy >= view.Y && cy+a.chipHeight() <= view.Bottom() {
		x := in.X
		chips := append([]string(nil), sc.Systems()...)
		chips = append(chips, fmt.Sprintf("%d months", sc.Months))
		for i, ch := range chips {
			w := a.chipWidth(ch)
			if x+w > in.Right() {
				break
			}
			clr := pal.Focus
			if i == len(chips)-1 {
				clr = pal.Muted
			}
			x += a.chip(dst, x, cy, ch, clr, in) + st.d(6)
		}
	}
	if focused {
		a.focusRing(dst, r, st.d(12))
	}
}

// cardRole is the line under a path card's title: the role, and for the
// player's own scenarios the file it came from.
func cardRole(sc *scenario.Scenario) string {
	if sc.Bundled {
		return sc.Role
	}
	if sc.Role == "" {
		return filepath.Base(sc.File)
	}
	return sc.Role + " · " + filepath.Base(sc.File)
}
