package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
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
	items []menuItem
	nav   kit.Focus
}

func newTitle(c *Context) *titleScreen {
	t := &titleScreen{}
	t.build(c)
	return t
}

// Name implements Screen.
func (t *titleScreen) Name() string { return "title" }

// Enter implements Screen: the menu says what is true now (a run finished,
// a session code entered, a problem fixed).
func (t *titleScreen) Enter(c *Context) { t.refresh(c) }

// Leave implements Screen.
func (t *titleScreen) Leave(*Context, Screen) {}

// Targets implements Screen: the menu's items.
func (t *titleScreen) Targets(c *Context) []kit.Target {
	l := t.layout(c)
	var out []kit.Target
	for i, it := range t.items {
		if i < len(l.items) {
			out = append(out, kit.Target{Label: it.label, R: l.items[i], Enabled: true})
		}
	}
	return out
}

func (t *titleScreen) refresh(c *Context) Screen {
	focus := t.nav.I
	t.build(c)
	t.nav.I = min(focus, len(t.items)-1)
	return t
}

func (t *titleScreen) build(c *Context) {
	t.items = t.items[:0]
	if r := c.run; r != nil {
		sc := r.Scenario()
		if r.Done() {
			t.items = append(t.items, menuItem{label: "See your last ending", sub: fmt.Sprintf("%s: %s", sc.Title, r.Ending().Title),
				do: func() (Screen, error) { return newEnding(c), nil }})
		} else {
			t.items = append(t.items, menuItem{label: "Continue", primary: true,
				sub: fmt.Sprintf("%s, month %d of %d", sc.Title, r.Month(), sc.Months),
				do:  func() (Screen, error) { return newMonth(c), nil }})
		}
	}
	newSub := "Choose a path and live it month by month"
	if c.session != "" {
		newSub = "Choose a path, with the luck of session " + c.session
	}
	t.items = append(t.items, menuItem{label: "New run", sub: newSub, primary: c.run == nil || c.run.Done(),
		do: func() (Screen, error) { return newChoose(c), nil }})
	t.items = append(t.items, compareMenuItem(c, t))
	sessSub := "Share the luck of everyone in your workshop"
	if c.session != "" {
		sessSub = "Code " + c.session + ": everyone who enters it faces the same luck"
	}
	t.items = append(t.items, menuItem{label: "Workshop session code", sub: sessSub,
		do: func() (Screen, error) { return newSession(c, t), nil }})
	if errs, warns := c.lib.problems(); len(errs)+len(warns) > 0 {
		sub := fmt.Sprintf("%d %s in your scenario files", len(errs), words.Plural(len(errs), "error", "errors"))
		if len(errs) == 0 {
			sub = fmt.Sprintf("%d %s in your scenario files", len(warns), words.Plural(len(warns), "warning", "warnings"))
		}
		t.items = append(t.items, menuItem{label: "Scenario problems", sub: sub,
			do: func() (Screen, error) { return newProblems(t), nil }})
	}
	t.items = append(t.items, menuItem{label: "Settings", sub: "Text size, high contrast, reduced motion",
		do: func() (Screen, error) { return newSettings(t), nil }})
	if canQuit {
		t.items = append(t.items, menuItem{label: "Quit", sub: "Your run is saved every month",
			do: func() (Screen, error) { return nil, ebiten.Termination }})
	}
}

// titleLayout places the title, the menu and the notices panel.
type titleLayout struct {
	emblem, title, tagline kit.Rect
	items                  []kit.Rect
	panel                  kit.Rect // zero when there is nothing to report
	footer                 kit.Rect
}

func layTitle(b kit.Rect, st *kit.Style, n int, hasPanel bool) titleLayout {
	var l titleLayout
	m := st.D(32)
	body := b.InsetXY(m, st.D(28))
	l.footer, body = body.CutBottom(kit.LineH(st.Small))
	// Title block: emblem at the left of the title and tagline.
	titleH := kit.LineH(st.Display) + st.D(4) + kit.LineH(st.Body)
	es := titleH
	top, body := body.CutTop(titleH)
	l.emblem = kit.Rect{X: top.X, Y: top.Y, W: es, H: es}
	textR := kit.Rect{X: top.X + es + st.D(18), Y: top.Y, W: top.W - es - st.D(18), H: titleH}
	l.title, l.tagline = textR.CutTop(kit.LineH(st.Display) + st.D(4))
	_, body = body.CutTop(st.D(28))
	itemH := kit.LineH(st.BodyBold) + kit.LineH(st.Small) + st.D(20)
	gap := st.D(10)
	menuW := math.Min(st.D(420), body.W)
	if hasPanel {
		menuW = math.Min(st.D(400), body.W*0.47)
	}
	menuH := float64(n)*itemH + float64(max(n-1, 0))*gap
	if menuH > body.H {
		// Too many items for the height: squeeze the gaps, then the items.
		gap = st.D(4)
		itemH = math.Max((body.H-float64(n-1)*gap)/float64(n), kit.LineH(st.BodyBold)+kit.LineH(st.Small)+st.D(6))
	}
	menu := kit.Rect{X: body.X, Y: body.Y, W: menuW, H: body.H}
	if !hasPanel {
		menu.X = body.X + st.D(10)
	}
	y := menu.Y
	for i := 0; i < n; i++ {
		l.items = append(l.items, kit.Rect{X: menu.X, Y: y, W: menu.W, H: itemH})
		y += itemH + gap
	}
	if hasPanel {
		px := menu.Right() + st.D(28)
		l.panel = kit.Rect{X: px, Y: body.Y, W: math.Min(body.Right()-px, st.D(560)), H: body.H}
	}
	return l
}

func (t *titleScreen) hasPanel(c *Context) bool {
	errs, warns := c.lib.problems()
	return c.notice != "" || len(errs)+len(warns) > 0 || c.settingsE != "" || c.hist.problem != ""
}

func (t *titleScreen) layout(c *Context) titleLayout {
	return layTitle(c.Bounds(), c.Style(), len(t.items), t.hasPanel(c))
}

// Update implements Screen.
func (t *titleScreen) Update(c *Context, in kit.Input) (Screen, error) {
	l := t.layout(c)
	if i := t.nav.Update(in, l.items, nil, 1); i >= 0 {
		return t.items[i].do()
	}
	return t, nil
}

// Draw implements Screen.
func (t *titleScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := t.layout(c)
	drawRunwayScene(c, dst)
	drawEmblem(c, dst, l.emblem)
	c.Paint.Text(dst, "Runway & Ladder", st.Display, l.title.X, l.title.Y, pal.Text, l.title)
	c.Paint.Text(dst, kit.Ellipsize("Live an AI/ML career month by month, and feel the trade-offs.", st.Body, l.tagline.W), st.Body, l.tagline.X, l.tagline.Y, pal.Muted, l.tagline)
	for i, it := range t.items {
		r := l.items[i]
		t.drawItem(c, dst, r, it, i == t.nav.I)
	}
	if l.panel.W > 0 {
		t.drawPanel(c, dst, l.panel)
	}
	hint := "↑ ↓ move · Enter choose · " + reloadHint
	c.Paint.Text(dst, kit.Ellipsize(hint, st.Small, l.footer.W), st.Small, l.footer.X, l.footer.Y, pal.Faint, l.footer)
}

func (t *titleScreen) drawItem(c *Context, dst *ebiten.Image, r kit.Rect, it menuItem, focused bool) {
	st := c.Style()
	pal := st.Pal
	bg, fg, sub := pal.Raised, pal.Text, pal.Muted
	if it.primary {
		bg, fg, sub = pal.Accent, pal.AccentText, kit.Alpha(pal.AccentText, 0.75)
	}
	rad := st.D(10)
	c.Paint.Round(dst, r, rad, bg)
	if !it.primary || st.HighContrast {
		c.Paint.RoundStroke(dst, r, rad, st.D(1), pal.Border)
	}
	inner := r.InsetXY(st.D(18), 0)
	th := kit.LineH(st.BodyBold) + st.D(2) + kit.LineH(st.Small)
	y := r.Y + (r.H-th)/2
	c.Paint.Text(dst, kit.Ellipsize(it.label, st.BodyBold, inner.W), st.BodyBold, inner.X, y, fg, r)
	c.Paint.Text(dst, kit.Ellipsize(it.sub, st.Small, inner.W), st.Small, inner.X, y+kit.LineH(st.BodyBold)+st.D(2), sub, r)
	if focused {
		kit.FocusRing(c.Context, dst, r, rad)
	}
}

// drawPanel lists what went wrong: the saved run, the settings, the
// scenario files.
func (t *titleScreen) drawPanel(c *Context, dst *ebiten.Image, r kit.Rect) {
	st := c.Style()
	pal := st.Pal
	kit.Panel(c.Context, dst, r)
	in := r.Inset(st.D(18))
	y := in.Y
	heading := func(s string, iconName string, clip kit.Rect) {
		kit.DrawIcon(c.Paint, dst, iconName, kit.Rect{X: in.X, Y: y + st.D(1), W: st.D(20), H: st.D(20)}, pal.Warn)
		c.Paint.Text(dst, kit.Ellipsize(s, st.Heading, in.W-st.D(28)), st.Heading, in.X+st.D(28), y, pal.Text, clip)
		y += kit.LineH(st.Heading) + st.D(6)
	}
	para := func(s string, maxLines int) {
		ls := kit.ClampLines(c.Wrap.Wrap(s, st.Small, in.W), maxLines, st.Small, in.W)
		for _, ln := range ls {
			if y+kit.LineH(st.Small) > in.Bottom() {
				return
			}
			c.Paint.Text(dst, ln, st.Small, in.X, y, pal.Muted, in)
			y += kit.LineH(st.Small) * 1.25
		}
		y += st.D(10)
	}
	if c.notice != "" {
		heading("Your saved run", "lock", in)
		para(c.notice, 5)
	}
	if c.settingsE != "" {
		heading("Settings", "lock", in)
		para(c.settingsE, 3)
	}
	if c.hist.problem != "" {
		heading("Your history", "chart", in)
		para(c.hist.problem, 5)
	}
	errs, warns := c.lib.problems()
	all := append(append([]scenarioProblem(nil), problemsOf(errs)...), problemsOf(warns)...)
	if len(all) == 0 {
		return
	}
	title := fmt.Sprintf("%d %s in your scenarios", len(errs), words.Plural(len(errs), "error", "errors"))
	if len(errs) == 0 {
		title = fmt.Sprintf("%d %s in your scenarios", len(warns), words.Plural(len(warns), "warning", "warnings"))
	}
	heading(title, "research", in)
	shown := 0
	for _, p := range all {
		need := kit.LineH(st.MonoSmall) + kit.LineH(st.Small)*1.25 + st.D(8)
		if y+need+kit.LineH(st.Small) > in.Bottom() {
			break
		}
		clr := pal.Bad
		if p.warning {
			clr = pal.Warn
		}
		c.Paint.Text(dst, kit.Ellipsize(p.where, st.MonoSmall, in.W), st.MonoSmall, in.X, y, clr, in)
		y += kit.LineH(st.MonoSmall) + st.D(2)
		ls := kit.ClampLines(c.Wrap.Wrap(p.msg, st.Small, in.W), 2, st.Small, in.W)
		for _, ln := range ls {
			c.Paint.Text(dst, ln, st.Small, in.X, y, pal.Text, in)
			y += kit.LineH(st.Small) * 1.2
		}
		y += st.D(8)
		shown++
	}
	if rest := len(all) - shown; rest > 0 {
		c.Paint.Text(dst, kit.Ellipsize(fmt.Sprintf("and %d more under Scenario problems", rest), st.Small, in.W), st.Small, in.X, y, pal.Faint, in)
	} else {
		c.Paint.Text(dst, kit.Ellipsize("Fix the file and "+reloadHow+" to load it again.", st.Small, in.W), st.Small, in.X, y, pal.Faint, in)
	}
}

// drawEmblem draws the game's mark: a runway in perspective with a ladder
// rising from it.
func drawEmblem(c *Context, dst *ebiten.Image, r kit.Rect) {
	size := int(math.Round(r.W))
	pal := c.Style().Pal
	t := c.Paint.Tile(kit.TileKey{Kind: kit.TileScene, Size: size, Clr: pal.Accent, Name: "emblem"}, size, size, func(img *ebiten.Image) {
		drawEmblemShapes(c, img, kit.Rect{X: 0, Y: 0, W: float64(size), H: float64(size)})
	})
	kit.Blit(dst, t, t.Bounds(), math.Round(r.X), math.Round(r.Y))
}

func drawEmblemShapes(c *Context, dst *ebiten.Image, r kit.Rect) {
	st := c.Style()
	pal := st.Pal
	c.Paint.Round(dst, r, r.W*0.22, pal.Raised)
	c.Paint.RoundStroke(dst, r, r.W*0.22, st.D(1), pal.Border)
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
	c.Paint.Fill(dst, &strip, kit.Mix(pal.Raised, pal.Muted, 0.35))
	for _, d := range [][2]float64{{10.5, 11.3}, {13.4, 15.2}, {17, 19.2}} {
		x0, y0 := pt(12, d[0])
		x1, y1 := pt(12, d[1])
		c.Paint.Line(dst, float64(x0), float64(y0), float64(x1), float64(y1), k*0.9, pal.Text)
	}
	// The ladder: two rails and rungs, rising from the runway's end.
	rail := k * 1.1
	lx0, lx1 := r.X+15.5*k, r.X+19.5*k
	c.Paint.Line(dst, lx0, r.Y+3.5*k, lx0-0.8*k, r.Y+12*k, rail, pal.Accent)
	c.Paint.Line(dst, lx1, r.Y+3.5*k, lx1-0.8*k, r.Y+12*k, rail, pal.Accent)
	for i := 0; i < 3; i++ {
		yy := r.Y + (5.5+float64(i)*2.7)*k
		off := float64(i) * 0.27 * k
		c.Paint.Line(dst, lx0-off, yy, lx1-off, yy, rail, pal.Accent)
	}
	c.Paint.Circle(dst, r.X+6*k, r.Y+6*k, 1.6*k, pal.Accent)
}

// drawRunwayScene draws the title's backdrop: a runway running to the
// horizon with its edge lights, kept faint behind the menu.
func drawRunwayScene(c *Context, dst *ebiten.Image) {
	if c.Style().HighContrast {
		return
	}
	w, h := int(c.W), int(c.H)
	t := c.Paint.Tile(kit.TileKey{Kind: kit.TileScene, Size: w, Width: h, Clr: c.Style().Pal.Bg, Name: "runway"}, w, h, func(img *ebiten.Image) {
		drawRunwayShapes(c, img, float64(w), float64(h))
	})
	kit.Blit(dst, t, t.Bounds(), 0, 0)
}

func drawRunwayShapes(c *Context, dst *ebiten.Image, w, h float64) {
	st := c.Style()
	pal := st.Pal
	hy := h * 0.56
	vx := w * 0.72
	// Sky glow above the horizon.
	for i := 0; i < 6; i++ {
		t := float64(i) / 6
		c.Paint.FillRect(dst, kit.Rect{X: 0, Y: hy - h*0.06*(1-t), W: w, H: h * 0.01}, kit.Alpha(pal.Accent, 0.012*(1+t*2)))
	}
	c.Paint.FillRect(dst, kit.Rect{X: 0, Y: hy, W: w, H: st.D(1)}, kit.Alpha(pal.Border, 0.7))
	var strip vector.Path
	strip.MoveTo(float32(vx-w*0.01), float32(hy))
	strip.LineTo(float32(vx+w*0.01), float32(hy))
	strip.LineTo(float32(vx+w*0.30), float32(h))
	strip.LineTo(float32(vx-w*0.30), float32(h))
	strip.Close()
	c.Paint.Fill(dst, &strip, kit.Alpha(pal.Raised, 0.55))
	for i := 0; i < 14; i++ {
		t0 := math.Pow(float64(i)/14, 1.8)
		t1 := math.Pow((float64(i)+0.45)/14, 1.8)
		y0, y1 := kit.Lerp(hy, h, t0), kit.Lerp(hy, h, t1)
		c.Paint.Line(dst, vx, y0, vx, y1, st.D(1)+st.D(3)*t0, kit.Alpha(pal.Muted, 0.18))
	}
	for i := 1; i < 16; i++ {
		t := math.Pow(float64(i)/16, 1.7)
		y := kit.Lerp(hy, h, t)
		r := st.D(0.8) + st.D(2.6)*t
		for _, side := range []float64{-1, 1} {
			x := vx + side*kit.Lerp(w*0.01, w*0.30, t)*1.04
			c.Paint.Circle(dst, x, y, r, kit.Alpha(pal.Accent, 0.18+0.3*t))
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
		c.Paint.Circle(dst, x, y, st.D(0.6+1.1*next()), kit.Alpha(pal.Text, 0.10+0.25*next()))
	}
	// The ladder: rising out of the horizon beside the runway, its rungs
	// closer together as it climbs away.
	lx := w * 0.90
	base, top := hy, h*0.10
	half0, half1 := w*0.030, w*0.012
	rail := math.Max(st.D(2), 1.5)
	clr := kit.Alpha(pal.Muted, 0.30)
	var rails vector.Path
	for _, side := range []float64{-1, 1} {
		rails.MoveTo(float32(lx+side*half0), float32(base))
		rails.LineTo(float32(lx+side*half1), float32(top))
	}
	c.Paint.Stroke(dst, &rails, rail, clr)
	var rungs vector.Path
	for i := 0; i < 9; i++ {
		t := 1 - math.Pow(1-float64(i+1)/10, 1.35)
		y := kit.Lerp(base, top, t)
		half := kit.Lerp(half0, half1, t)
		rungs.MoveTo(float32(lx-half), float32(y))
		rungs.LineTo(float32(lx+half), float32(y))
	}
	c.Paint.Stroke(dst, &rungs, rail, clr)
}
