package ui

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/ui/kit"
)

// chooseScreen shows a card per scenario: title, role, pitch, promise and
// price, and the systems it involves. The player's own scenarios appear
// beside the bundled ones, marked.
type chooseScreen struct {
	plainScreen
	nav    kit.Focus
	scroll kit.Scroll
	back   kit.Button
	err    string
}

func newChoose(*Context) *chooseScreen {
	return &chooseScreen{back: kit.Button{Label: "Back", Key: "Esc"}}
}

// Name implements Screen.
func (cs *chooseScreen) Name() string { return "choose" }

// Targets implements Screen: the cards in view (by scenario id) and Back.
func (cs *chooseScreen) Targets(c *Context) []kit.Target {
	l := cs.layout(c)
	var out []kit.Target
	for i, r := range cs.screenRects(l) {
		out = append(out, kit.Target{Label: l.cards[i].sc.ID, R: r, Enabled: true})
	}
	return append(out, cs.back.Target(l.back))
}

func (cs *chooseScreen) refresh(c *Context) Screen { return cs }

type pathCard struct {
	sc                        *scenario.Lazy
	r                         kit.Rect // content coordinates
	role, pitch, promise, pri []string
	// kicker sells a crossroads card's question above its title.
	kicker []string
	// title is the title in at most two lines.
	title []string
}

type chooseLayout struct {
	header, back, view kit.Rect
	cols               int
	cards              []pathCard
	content            float64
}

func layChoose(b kit.Rect, st *kit.Style, w *kit.Wrapper, scs []*scenario.Lazy) chooseLayout {
	var l chooseLayout
	body := b.InsetXY(st.D(32), st.D(24))
	head, body := body.CutTop(kit.HeaderHeight(st, true))
	l.back, l.header = head.CutRight(st.D(130))
	l.back = kit.Rect{X: l.back.X, Y: l.back.Y + (l.back.H-st.D(42))/2, W: l.back.W, H: st.D(42)}
	_, body = body.CutTop(st.D(18))
	l.view = body
	gap := st.D(16)
	l.cols = int(math.Max(1, math.Min(3, math.Floor((body.W+gap)/(st.D(340)+gap)))))
	cw := (body.W - st.D(12) - gap*float64(l.cols-1)) / float64(l.cols)
	inner := cw - st.D(40)
	y := 0.0
	for row := 0; row*l.cols < len(scs); row++ {
		rowH := 0.0
		start := len(l.cards)
		for col := 0; col < l.cols && row*l.cols+col < len(scs); col++ {
			sc := scs[row*l.cols+col]
			pc := pathCard{sc: sc}
			if sc.Track == crossroadsTrack {
				pc.kicker = kickerLines(w, st, inner)
			}
			titleW := inner
			if !sc.Bundled {
				titleW -= kit.ChipWidth(st, "Your scenario") + st.D(8)
			}
			pc.title = kit.ClampLines(w.Wrap(sc.Title, st.Heading, titleW), 2, st.Heading, titleW)
			pc.role = kit.ClampLines(w.Wrap(cardRole(sc), st.Small, inner), 2, st.Small, inner)
			pc.pitch = w.Wrap(sc.Pitch, st.Small, inner)
			pc.promise = w.Wrap(sc.Promise, st.Small, inner)
			pc.pri = w.Wrap(sc.Price, st.Small, inner)
			h := cardHeight(st, pc)
			rowH = math.Max(rowH, h)
			pc.r = kit.Rect{X: body.X + float64(col)*(cw+gap), Y: y, W: cw, H: h}
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
func cardHeight(st *kit.Style, pc pathCard) float64 {
	h := st.D(20) + kit.TextHeight(max(len(pc.title), 1), st.Heading, 1.05) + st.D(2) + kit.TextHeight(len(pc.role), st.Small, 1.2) + st.D(12)
	if len(pc.kicker) > 0 {
		h += kit.TextHeight(len(pc.kicker), st.Label, 1.2) + st.D(6)
	}
	h += kit.TextHeight(len(pc.pitch), st.Small, 1.3) + st.D(12)
	h += kit.LineH(st.Label) + kit.TextHeight(len(pc.promise), st.Small, 1.3) + st.D(8)
	h += kit.LineH(st.Label) + kit.TextHeight(len(pc.pri), st.Small, 1.3) + st.D(14)
	h += kit.LineH(st.Small) + st.D(6) + st.D(20)
	return h
}

func (cs *chooseScreen) layout(c *Context) chooseLayout {
	return layChoose(c.Bounds(), c.Style(), c.Wrap, c.lib.all)
}

// screenRects returns the cards where they are on screen, scrolled.
func (cs *chooseScreen) screenRects(l chooseLayout) []kit.Rect {
	out := make([]kit.Rect, len(l.cards))
	for i, pc := range l.cards {
		r := pc.r.Offset(0, l.view.Y-cs.scroll.Off)
		if !r.Overlaps(l.view) {
			r = kit.Rect{} // off screen: not clickable
		}
		out[i] = r
	}
	return out
}

// Update implements Screen.
func (cs *chooseScreen) Update(c *Context, in kit.Input) (Screen, error) {
	st := c.Style()
	l := cs.layout(c)
	if in.Back || in.Click && l.back.Contains(in.Cursor) {
		return newTitle(c), nil
	}
	cs.scroll.Update(in, l.view, l.content, kit.LineH(st.Body))
	before := cs.nav.I
	// A click on a card outside the view (half hidden) still counts.
	rects := cs.screenRects(l)
	i := cs.nav.Update(in, rects, nil, l.cols)
	if cs.nav.I != before && cs.nav.I < len(l.cards) && !in.Moved {
		r := l.cards[cs.nav.I].r
		cs.scroll.Show(l.view, l.content, r.Y, r.H)
	}
	if i >= 0 && i < len(l.cards) {
		sc, ok := c.lib.compile(l.cards[i].sc)
		if !ok {
			c.say("Could not start: "+l.cards[i].sc.File+" does not load; see the title screen.", true)
			return cs, nil
		}
		if err := c.startRun(sc); err != nil {
			cs.err = err.Error()
			c.say("Could not start: "+err.Error(), true)
			return cs, nil
		}
		return newMonth(c), nil
	}
	return cs, nil
}

// Draw implements Screen.
func (cs *chooseScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := cs.layout(c)
	cs.scroll.Clamp(l.view, l.content)
	sub := "Every path has a promise and a price. ← → ↑ ↓ move · Enter starts · Esc goes back"
	if c.session != "" {
		sub = "Session " + c.session + ": the same luck as everyone with this code. Enter starts · Esc goes back"
	}
	kit.Header{Title: "Choose a path", Sub: sub}.Draw(c.Context, dst, l.header)
	cs.back.Draw(c.Context, dst, l.back, false)
	clip := kit.ClipTo(dst, kit.Rect{X: l.view.X - st.D(6), Y: l.view.Y - st.D(6), W: l.view.W + st.D(12), H: l.view.H + st.D(12)})
	for i, pc := range l.cards {
		r := pc.r.Offset(0, l.view.Y-cs.scroll.Off)
		if !r.Overlaps(l.view) {
			continue
		}
		cs.drawCard(c, clip, r, l.view, pc, i == cs.nav.I)
	}
	kit.FadeEdges(c.Context, dst, l.view, l.content, cs.scroll.Off, pal.Bg)
	kit.Scrollbar(c.Context, dst, l.view, l.view.Right()-st.D(4), 0, l.content, cs.scroll.Off)
	if len(l.cards) == 0 {
		c.Paint.Text(dst, "No scenario loaded. Fix your files and "+reloadHow+", or "+addHow+".", st.Body, l.view.X, l.view.Y, pal.Muted, l.view)
	}
}

func (cs *chooseScreen) drawCard(c *Context, dst *ebiten.Image, r, view kit.Rect, pc pathCard, focused bool) {
	st := c.Style()
	pal := st.Pal
	sc := pc.sc
	bg := pal.Panel
	if focused {
		bg = pal.Raised
	}
	c.Paint.Round(dst, r, st.D(12), bg)
	if len(pc.kicker) > 0 {
		c.Paint.RoundStroke(dst, r, st.D(12), st.D(2), pal.Accent)
	} else {
		c.Paint.RoundStroke(dst, r, st.D(12), st.D(1), pal.Border)
	}
	in := r.InsetXY(st.D(20), st.D(20))
	y := in.Y
	for _, ln := range pc.kicker {
		c.Paint.TextCut(dst, ln, st.Label, in.X, y, pal.Accent, view)
		y += kit.LineH(st.Label) * 1.2
	}
	if len(pc.kicker) > 0 {
		y += st.D(6)
	}
	if !sc.Bundled && y >= view.Y && y+kit.ChipHeight(st) <= view.Bottom() {
		kit.Chip(c.Context, dst, in.Right()-kit.ChipWidth(st, "Your scenario"), y, "Your scenario", pal.Warn, view)
	}
	for _, ln := range pc.title {
		c.Paint.TextCut(dst, ln, st.Heading, in.X, y, pal.Text, view)
		y += kit.LineH(st.Heading) * 1.05
	}
	y += st.D(2)
	for _, ln := range pc.role {
		c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Muted, view)
		y += kit.LineH(st.Small) * 1.2
	}
	y += st.D(12)
	for _, ln := range pc.pitch {
		c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Text, view)
		y += kit.LineH(st.Small) * 1.3
	}
	y += st.D(12)
	for _, part := range []struct {
		label string
		ls    []string
		clr   int
	}{{"PROMISE", pc.promise, 0}, {"PRICE", pc.pri, 1}} {
		clr := pal.Good
		if part.clr == 1 {
			clr = pal.Bad
		}
		c.Paint.TextCut(dst, part.label, st.Label, in.X, y, clr, view)
		y += kit.LineH(st.Label)
		for _, ln := range part.ls {
			c.Paint.TextCut(dst, ln, st.Small, in.X, y, pal.Text, view)
			y += kit.LineH(st.Small) * 1.3
		}
		y += st.D(8)
	}
	// Chips at the bottom of the card: the systems and the length.
	cy := r.Bottom() - st.D(20) - kit.ChipHeight(st)
	if cy >= view.Y && cy+kit.ChipHeight(st) <= view.Bottom() {
		x := in.X
		chips := append([]string(nil), sc.Systems...)
		chips = append(chips, fmt.Sprintf("%d months", sc.Months))
		for i, ch := range chips {
			w := kit.ChipWidth(st, ch)
			if x+w > in.Right() {
				break
			}
			clr := pal.Focus
			if i == len(chips)-1 {
				clr = pal.Muted
			}
			x += kit.Chip(c.Context, dst, x, cy, ch, clr, in) + st.D(6)
		}
	}
	if focused {
		kit.FocusRing(c.Context, dst, r, st.D(12))
	}
}

// crossroadsKicker sells the question of a crossroads card: the
// startup-or-not decision itself, in one career.
const crossroadsKicker = "STARTUP OR NOT? · ONE CAREER, TWO OFFERS"

// kickerLines lays out the kicker on one line, or its two halves on a
// line each when it does not fit.
func kickerLines(w *kit.Wrapper, st *kit.Style, width float64) []string {
	if kit.TextWidth(crossroadsKicker, st.Label) <= width {
		return []string{crossroadsKicker}
	}
	var out []string
	for _, part := range strings.Split(crossroadsKicker, " · ") {
		out = append(out, w.Wrap(part, st.Label, width)...)
	}
	return out
}

// cardRole is the line under a path card's title: the role, and for the
// player's own scenarios the file it came from.
func cardRole(sc *scenario.Lazy) string {
	if sc.Bundled {
		return sc.Role
	}
	if sc.Role == "" {
		return filepath.Base(sc.File)
	}
	return sc.Role + " · " + filepath.Base(sc.File)
}
