package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// menuItem is one entry of a menu: a label, a line under it, and what
// choosing it does.
type menuItem struct {
	label, sub string
	primary    bool
	do         func() (Screen, error)
}

// titleScreen is the first screen: continue, new run, session code,
// scenario problems, settings, quit.
type titleScreen struct {
	a     *app
	items []menuItem
	nav   nav
}

func newTitle(a *app) *titleScreen {
	t := &titleScreen{a: a}
	t.build()
	return t
}

func (t *titleScreen) refresh() Screen {
	focus := t.nav.focus
	t.build()
	t.nav.focus = min(focus, len(t.items)-1)
	return t
}

func (t *titleScreen) build() {
	a := t.a
	t.items = t.items[:0]
	if r := a.run; r != nil {
		sc := r.Scenario()
		if r.Done() {
			t.items = append(t.items, menuItem{label: "See your last ending", sub: fmt.Sprintf("%s: %s", sc.Title, r.Ending().Title),
				do: func() (Screen, error) { return newEnding(a), nil }})
		} else {
			t.items = append(t.items, menuItem{label: "Continue", primary: true,
				sub: fmt.Sprintf("%s, month %d of %d", sc.Title, r.Month(), sc.Months),
				do:  func() (Screen, error) { return newMonth(a), nil }})
		}
	}
	newSub := "Choose a path and live it month by month"
	if a.session != "" {
		newSub = "Choose a path, with the luck of session " + a.session
	}
	t.items = append(t.items, menuItem{label: "New run", sub: newSub, primary: a.run == nil || a.run.Done(),
		do: func() (Screen, error) { return newChoose(a), nil }})
	t.items = append(t.items, compareMenuItem(a, t))
	sessSub := "Share the luck of everyone in your workshop"
	if a.session != "" {
		sessSub = "Code " + a.session + ": everyone who enters it faces the same luck"
	}
	t.items = append(t.items, menuItem{label: "Workshop session code", sub: sessSub,
		do: func() (Screen, error) { return newSession(a, t), nil }})
	if errs, warns := a.lib.problems(); len(errs)+len(warns) > 0 {
		sub := fmt.Sprintf("%d %s in your scenario files", len(errs), plural(len(errs), "error", "errors"))
		if len(errs) == 0 {
			sub = fmt.Sprintf("%d %s in your scenario files", len(warns), plural(len(warns), "warning", "warnings"))
		}
		t.items = append(t.items, menuItem{label: "Scenario problems", sub: sub,
			do: func() (Screen, error) { return newProblems(a, t), nil }})
	}
	t.items = append(t.items, menuItem{label: "Settings", sub: "Text size, high contrast, reduced motion",
		do: func() (Screen, error) { return newSettings(a, t), nil }})
	if canQuit {
		t.items = append(t.items, menuItem{label: "Quit", sub: "Your run is saved every month",
			do: func() (Screen, error) { return nil, ebiten.Termination }})
	}
}

// titleLayout places the title, the menu and the notices panel.
type titleLayout struct {
	emblem, title, tagline Rect
	items                  []Rect
	panel                  Rect // zero when there is nothing to report
	footer                 Rect
}

func layTitle(b Rect, st *style, n int, hasPanel bool) titleLayout {
	var l titleLayout
	m := st.d(32)
	body := b.InsetXY(m, st.d(28))
	l.footer, body = body.CutBottom(lineH(st.small))
	// Title block: emblem at the left of the title and tagline.
	titleH := lineH(st.display) + st.d(4) + lineH(st.body)
	es := titleH
	top, body := body.CutTop(titleH)
	l.emblem = Rect{top.X, top.Y, es, es}
	textR := Rect{top.X + es + st.d(18), top.Y, top.W - es - st.d(18), titleH}
	l.title, l.tagline = textR.CutTop(lineH(st.display) + st.d(4))
	_, body = body.CutTop(st.d(28))
	itemH := lineH(st.bodyBold) + lineH(st.small) + st.d(20)
	gap := st.d(10)
	menuW := math.Min(st.d(420), body.W)
	if hasPanel {
		menuW = math.Min(st.d(400), body.W*0.47)
	}
	menuH := float64(n)*itemH + float64(max(n-1, 0))*gap
	if menuH > body.H {
		// Too many items for the height: squeeze the gaps, then the items.
		gap = st.d(4)
		itemH = math.Max((body.H-float64(n-1)*gap)/float64(n), lineH(st.bodyBold)+lineH(st.small)+st.d(6))
	}
	menu := Rect{body.X, body.Y, menuW, body.H}
	if !hasPanel {
		menu.X = body.X + st.d(10)
	}
	y := menu.Y
	for i := 0; i < n; i++ {
		l.items = append(l.items, Rect{menu.X, y, menu.W, itemH})
		y += itemH + gap
	}
	if hasPanel {
		px := menu.Right() + st.d(28)
		l.panel = Rect{px, body.Y, math.Min(body.Right()-px, st.d(560)), body.H}
	}
	return l
}

func (t *titleScreen) hasPanel() bool {
	errs, warns := t.a.lib.problems()
	return t.a.notice != "" || len(errs)+len(warns) > 0 || t.a.settingsE != "" || t.a.hist.problem != ""
}

func (t *titleScreen) layout() titleLayout {
	return layTitle(t.a.bounds(), t.a.style(), len(t.items), t.hasPanel())
}

// Update implements Screen.
func (t *titleScreen) Update(in Input) (Screen, error) {
	l := t.layout()
	if i := t.nav.update(in, l.items, nil, 1); i >= 0 {
		return t.items[i].do()
	}
	return t, nil
}

// Draw implements Screen.
func (t *titleScreen) Draw(dst *ebiten.Image) {
	a := t.a
	st := a.style()
	pal := st.pal
	l := t.layout()
	drawRunwayScene(a, dst)
	drawEmblem(a, dst, l.emblem)
	a.paint.text(dst, "Runway & Ladder", st.display, l.title.X, l.title.Y, pal.Text, l.title)
	a.paint.text(dst, ellipsize("Live an AI/ML career month by month, and feel the trade-offs.", st.body, l.tagline.W), st.body, l.tagline.X, l.tagline.Y, pal.Muted, l.tagline)
	for i, it := range t.items {
		r := l.items[i]
		t.drawItem(dst, r, it, i == t.nav.focus)
	}
	if l.panel.W > 0 {
		t.drawPanel(dst, l.panel)
	}
	hint := "↑ ↓ move · Enter choose · " + reloadHint
	a.paint.text(dst, ellipsize(hint, st.small, l.footer.W), st.small, l.footer.X, l.footer.Y, pal.Faint, l.footer)
}

func (t *titleScreen) drawItem(dst *ebiten.Image, r Rect, it menuItem, focused bool) {
	a := t.a
	st := a.style()
	pal := st.pal
	bg, fg, sub := pal.Raised, pal.Text, pal.Muted
	if it.primary {
		bg, fg, sub = pal.Accent, pal.AccentText, alpha(pal.AccentText, 0.75)
	}
	rad := st.d(10)
	a.paint.round(dst, r, rad, bg)
	if !it.primary || a.settings.HighContrast {
		a.paint.roundStroke(dst, r, rad, st.d(1), pal.Border)
	}
	inner := r.InsetXY(st.d(18), 0)
	th := lineH(st.bodyBold) + st.d(2) + lineH(st.small)
	y := r.Y + (r.H-th)/2
	a.paint.text(dst, ellipsize(it.label, st.bodyBold, inner.W), st.bodyBold, inner.X, y, fg, r)
	a.paint.text(dst, ellipsize(it.sub, st.small, inner.W), st.small, inner.X, y+lineH(st.bodyBold)+st.d(2), sub, r)
	if focused {
		a.focusRing(dst, r, rad)
	}
}

// drawPanel lists what went wrong: the saved run, the settings, the
// scenario files.
func (t *titleScreen) drawPanel(dst *ebiten.Image, r Rect) {
	a := t.a
	st := a.style()
	pal := st.pal
	a.panel(dst, r)
	in := r.Inset(st.d(18))
	y := in.Y
	heading := func(s string, iconName string, c Rect) {
		drawIcon(a.paint, dst, iconName, Rect{in.X, y + st.d(1), st.d(20), st.d(20)}, pal.Warn)
		a.paint.text(dst, ellipsize(s, st.heading, in.W-st.d(28)), st.heading, in.X+st.d(28), y, pal.Text, c)
		y += lineH(st.heading) + st.d(6)
	}
	para := func(s string, maxLines int) {
		ls := clampLines(a.wrap.wrap(s, st.small, in.W), maxLines, st.small, in.W)
		for _, ln := range ls {
			if y+lineH(st.small) > in.Bottom() {
				return
			}
			a.paint.text(dst, ln, st.small, in.X, y, pal.Muted, in)
			y += lineH(st.small) * 1.25
		}
		y += st.d(10)
	}
	if a.notice != "" {
		heading("Your saved run", "lock", in)
		para(a.notice, 5)
	}
	if a.settingsE != "" {
		heading("Settings", "lock", in)
		para(a.settingsE, 3)
	}
	if a.hist.problem != "" {
		heading("Your history", "chart", in)
		para(a.hist.problem, 5)
	}
	errs, warns := a.lib.problems()
	all := append(append([]scenarioProblem(nil), problemsOf(errs)...), problemsOf(warns)...)
	if len(all) == 0 {
		return
	}
	title := fmt.Sprintf("%d %s in your scenarios", len(errs), plural(len(errs), "error", "errors"))
	if len(errs) == 0 {
		title = fmt.Sprintf("%d %s in your scenarios", len(warns), plural(len(warns), "warning", "warnings"))
	}
	heading(title, "research", in)
	shown := 0
	for _, p := range all {
		need := lineH(st.monoSmall) + lineH(st.small)*1.25 + st.d(8)
		if y+need+lineH(st.small) > in.Bottom() {
			break
		}
		clr := pal.Bad
		if p.warning {
			clr = pal.Warn
		}
		a.paint.text(dst, ellipsize(p.where, st.monoSmall, in.W), st.monoSmall, in.X, y, clr, in)
		y += lineH(st.monoSmall) + st.d(2)
		ls := clampLines(a.wrap.wrap(p.msg, st.small, in.W), 2, st.small, in.W)
		for _, ln := range ls {
			a.paint.text(dst, ln, st.small, in.X, y, pal.Text, in)
			y += lineH(st.small) * 1.2
		}
		y += st.d(8)
		shown++
	}
	if rest := len(all) - shown; rest > 0 {
		a.paint.text(dst, ellipsize(fmt.Sprintf("and %d more under Scenario problems", rest), st.small, in.W), st.small, in.X, y, pal.Faint, in)
	} else {
		a.paint.text(dst, ellipsize("Fix the file and "+reloadHow+" to load it again.", st.small, in.W), st.small, in.X, y, pal.Faint, in)
	}
}

// drawEmblem draws the game's mark: a runway in perspective with a ladder
// rising from it.
func drawEmblem(a *app, dst *ebiten.Image, r Rect) {
	size := int(math.Round(r.W))
	pal := a.style().pal
	t := a.paint.tile(tileKey{kind: tileScene, size: size, clr: pal.Accent, name: "emblem"}, size, size, func(img *ebiten.Image) {
		drawEmblemShapes(a, img, Rect{0, 0, float64(size), float64(size)})
	})
	blit(dst, t, t.Bounds(), math.Round(r.X), math.Round(r.Y))
}

func drawEmblemShapes(a *app, dst *ebiten.Image, r Rect) {
	st := a.style()
	pal := st.pal
	a.paint.round(dst, r, r.W*0.22, pal.Raised)
	a.paint.roundStroke(dst, r, r.W*0.22, st.d(1), pal.Border)
	k := r.W / 24
	pt := func(x, y float64) (float32, float32) { return float32(r.X + x*k), float32(r.Y + y*k) }
	var strip vector.Path
	x, y := pt(9.5, 9)
	strip.MoveTo(x, y)
	x, y = pt(14.5, 9)
	strip.LineTo(x, y)
	x, y = pt(19, 20)
	strip.LineTo(x, y)
	x, y = pt(5, 20)
	strip.LineTo(x, y)
	strip.Close()
	a.paint.fill(dst, &strip, mix(pal.Raised, pal.Muted, 0.35))
	for _, d := range [][2]float64{{10.5, 11.3}, {13.4, 15.2}, {17, 19.2}} {
		x0, y0 := pt(12, d[0])
		x1, y1 := pt(12, d[1])
		a.paint.line(dst, float64(x0), float64(y0), float64(x1), float64(y1), k*0.9, pal.Text)
	}
	// The ladder: two rails and rungs, rising from the runway's end.
	rail := k * 1.1
	lx0, lx1 := r.X+15.5*k, r.X+19.5*k
	a.paint.line(dst, lx0, r.Y+3.5*k, lx0-0.8*k, r.Y+12*k, rail, pal.Accent)
	a.paint.line(dst, lx1, r.Y+3.5*k, lx1-0.8*k, r.Y+12*k, rail, pal.Accent)
	for i := 0; i < 3; i++ {
		yy := r.Y + (5.5+float64(i)*2.7)*k
		off := float64(i) * 0.27 * k
		a.paint.line(dst, lx0-off, yy, lx1-off, yy, rail, pal.Accent)
	}
	a.paint.circle(dst, r.X+6*k, r.Y+6*k, 1.6*k, pal.Accent)
}

// drawRunwayScene draws the title's backdrop: a runway running to the
// horizon with its edge lights, kept faint behind the menu.
func drawRunwayScene(a *app, dst *ebiten.Image) {
	if a.settings.HighContrast {
		return
	}
	w, h := int(a.w), int(a.h)
	t := a.paint.tile(tileKey{kind: tileScene, size: w, width: h, clr: a.style().pal.Bg, name: "runway"}, w, h, func(img *ebiten.Image) {
		drawRunwayShapes(a, img, float64(w), float64(h))
	})
	blit(dst, t, t.Bounds(), 0, 0)
}

func drawRunwayShapes(a *app, dst *ebiten.Image, w, h float64) {
	st := a.style()
	pal := st.pal
	hy := h * 0.56
	vx := w * 0.72
	// Sky glow above the horizon.
	for i := 0; i < 6; i++ {
		t := float64(i) / 6
		a.paint.rect(dst, Rect{0, hy - h*0.06*(1-t), w, h * 0.01}, alpha(pal.Accent, 0.012*(1+t*2)))
	}
	a.paint.rect(dst, Rect{0, hy, w, st.d(1)}, alpha(pal.Border, 0.7))
	var strip vector.Path
	strip.MoveTo(float32(vx-w*0.01), float32(hy))
	strip.LineTo(float32(vx+w*0.01), float32(hy))
	strip.LineTo(float32(vx+w*0.30), float32(h))
	strip.LineTo(float32(vx-w*0.30), float32(h))
	strip.Close()
	a.paint.fill(dst, &strip, alpha(pal.Raised, 0.55))
	for i := 0; i < 14; i++ {
		t0 := math.Pow(float64(i)/14, 1.8)
		t1 := math.Pow((float64(i)+0.45)/14, 1.8)
		y0, y1 := lerp(hy, h, t0), lerp(hy, h, t1)
		a.paint.line(dst, vx, y0, vx, y1, st.d(1)+st.d(3)*t0, alpha(pal.Muted, 0.18))
	}
	for i := 1; i < 16; i++ {
		t := math.Pow(float64(i)/16, 1.7)
		y := lerp(hy, h, t)
		r := st.d(0.8) + st.d(2.6)*t
		for _, side := range []float64{-1, 1} {
			x := vx + side*lerp(w*0.01, w*0.30, t)*1.04
			a.paint.circle(dst, x, y, r, alpha(pal.Accent, 0.18+0.3*t))
		}
	}
	// Stars, placed by a fixed sequence so the sky never changes.
	seq := uint32(2463534242)
	next := func() float64 {
		seq ^= seq << 13
		seq ^= seq >> 17
		seq ^= seq << 5
		return float64(seq%10000) / 10000
	}
	for i := 0; i < 70; i++ {
		x, y := w*(0.38+0.62*next()), hy*0.92*next()
		a.paint.circle(dst, x, y, st.d(0.6+1.1*next()), alpha(pal.Text, 0.10+0.25*next()))
	}
	// The ladder: rising out of the horizon beside the runway, its rungs
	// closer together as it climbs away.
	lx := w * 0.90
	base, top := hy, h*0.10
	half0, half1 := w*0.030, w*0.012
	rail := math.Max(st.d(2), 1.5)
	clr := alpha(pal.Muted, 0.30)
	var rails vector.Path
	for _, side := range []float64{-1, 1} {
		rails.MoveTo(float32(lx+side*half0), float32(base))
		rails.LineTo(float32(lx+side*half1), float32(top))
	}
	a.paint.stroke(dst, &rails, rail, clr)
	var rungs vector.Path
	for i := 0; i < 9; i++ {
		t := 1 - math.Pow(1-float64(i+1)/10, 1.35)
		y := lerp(base, top, t)
		half := lerp(half0, half1, t)
		rungs.MoveTo(float32(lx-half), float32(y))
		rungs.LineTo(float32(lx+half), float32(y))
	}
	a.paint.stroke(dst, &rungs, rail, clr)
}
