package ui

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
	"runwayladder/scenarios"
)

// The UI tests run inside Ebitengine's game loop (drawing and ReadPixels
// need it): TestMain starts a tiny game whose first Update runs the tests
// and ends the loop. They need a display: run them under xvfb-run.

type testLoop struct {
	m    *testing.M
	code int
	done bool
}

func (l *testLoop) Update() error {
	if !l.done {
		l.done = true
		l.code = l.m.Run()
	}
	return ebiten.Termination
}

func (l *testLoop) Draw(*ebiten.Image)                          {}
func (l *testLoop) Layout(int, int) (int, int)                  { return 320, 240 }
func (l *testLoop) LayoutF(float64, float64) (float64, float64) { return 320, 240 }

func TestMain(m *testing.M) {
	loop := &testLoop{m: m}
	ebiten.SetWindowSize(320, 240)
	ebiten.SetWindowTitle("runwayladder ui tests")
	if err := ebiten.RunGameWithOptions(loop, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil && !errors.Is(err, ebiten.Termination) {
		fmt.Fprintln(os.Stderr, "ui tests:", err)
		os.Exit(1)
	}
	os.Exit(loop.code)
}

// driver plays a Game with kit.Input values, on a clock of its own.
type driver struct {
	t   *testing.T
	g   *Game
	now time.Time
}

func newDriver(t *testing.T, cfg Config) *driver {
	t.Helper()
	if cfg.Bundled == nil {
		cfg.Bundled = scenarios.FS
	}
	if cfg.Store == nil {
		cfg.Store = storage.NewMemory()
	}
	if cfg.Seed == nil {
		seed := uint64(1000)
		cfg.Seed = func() uint64 { seed++; return seed }
	}
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	g.resize(1280, 720)
	return &driver{t: t, g: g, now: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)}
}

// step feeds one tick of input; the clock moves on a second, so
// animations are over by the next tick.
func (d *driver) step(in kit.Input) {
	d.t.Helper()
	d.now = d.now.Add(time.Second)
	in.Now = d.now
	if in.Cursor == (kit.Point{}) {
		in.Cursor = kit.Point{X: -1, Y: -1}
	}
	if err := d.g.step(in); err != nil {
		d.t.Fatalf("step: %v", err)
	}
}

// show makes s the current screen, as the game does: the old one leaves
// and s enters.
func (d *driver) show(s Screen) {
	d.t.Helper()
	d.g.show(s)
}

// click presses the mouse in the middle of r.
func (d *driver) click(r kit.Rect) {
	d.t.Helper()
	if r.W <= 0 || r.H <= 0 {
		d.t.Fatalf("click on an empty rectangle %+v", r)
	}
	d.step(kit.Input{Cursor: kit.Point{X: r.X + r.W/2, Y: r.Y + r.H/2}, Moved: true, Click: true})
}

// target returns the current screen's target whose key is key or whose
// label starts with key, as the screen lists them (Screen.Targets).
func (d *driver) target(key string) kit.Target {
	d.t.Helper()
	tgs := d.g.screen.Targets(d.g.c)
	for _, tg := range tgs {
		if tg.Key == key {
			return tg
		}
	}
	for _, tg := range tgs {
		if strings.HasPrefix(tg.Label, key) {
			return tg
		}
	}
	d.t.Fatalf("the %s screen has no target %q: %+v", d.g.screen.Name(), key, tgs)
	return kit.Target{}
}

// clickTarget clicks the middle of the current screen's target labelled
// label (or keyed key).
func (d *driver) clickTarget(label string) {
	d.t.Helper()
	d.click(d.target(label).R)
}

// titleItem chooses the title menu's item whose label starts with label.
func (d *driver) titleItem(label string) {
	d.t.Helper()
	ts, ok := d.g.screen.(*titleScreen)
	if !ok {
		d.t.Fatalf("want the title screen, have %T", d.g.screen)
	}
	for i, it := range ts.items {
		if strings.HasPrefix(it.label, label) {
			for ts.nav.I > i {
				d.step(kit.Input{Up: true})
			}
			for ts.nav.I < i {
				d.step(kit.Input{Down: true})
			}
			d.step(kit.Input{Confirm: true})
			return
		}
	}
	d.t.Fatalf("the title has no item %q", label)
}

// checkDraw draws the current screen at w x h and checks what a player
// would see: every piece of text inside the window and inside its box,
// and no two pieces of text on top of each other.
func (d *driver) checkDraw(w, h int) {
	d.t.Helper()
	g := d.g
	oldW, oldH := g.c.W, g.c.H
	defer func() { g.resize(oldW, oldH) }()
	g.resize(float64(w), float64(h))
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	var texts []kit.DrawnText
	g.c.Paint.Rec = &texts
	g.render(img)
	g.c.Paint.Rec = nil
	screen := kit.Rect{X: 0, Y: 0, W: float64(w), H: float64(h)}
	name := fmt.Sprintf("%T at %dx%d", g.screen, w, h)
	if len(texts) == 0 {
		d.t.Errorf("%s: no text drawn", name)
	}
	for _, tx := range texts {
		if !tx.Box.Within(screen, 1) {
			d.t.Errorf("%s: %q at %+v is outside the window", name, tx.Text, tx.Box)
		}
		if !tx.Box.Within(tx.Clip, 1.5) {
			d.t.Errorf("%s: %q at %+v spills out of its box %+v", name, tx.Text, tx.Box, tx.Clip)
		}
		if m := rawPlaceholder.FindString(tx.Text); m != "" {
			d.t.Errorf("%s: %q shows the template %s, not its value", name, tx.Text, m)
		}
	}
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			a, b := texts[i].Box.InsetXY(1, 1), texts[j].Box.InsetXY(1, 1)
			if a.Overlaps(b) && !texts[i].Overlay && !texts[j].Overlay {
				d.t.Errorf("%s: %q at %+v overlaps %q at %+v", name, texts[i].Text, texts[i].Box, texts[j].Text, texts[j].Box)
			}
		}
	}
}

// rawPlaceholder matches a format-2 text placeholder ({cash},
// {months_left:months}) left unfilled on screen.
var rawPlaceholder = regexp.MustCompile(`\{[a-z_][a-z0-9_]*(:[A-Za-z]+)?\}`)

// checkSizes draws the current screen at the sizes the game promises.
func (d *driver) checkSizes() {
	d.t.Helper()
	d.checkDraw(1280, 720)
	d.checkDraw(800, 600)
}

// visibleIndex maps a full-list choice index to its place on the card.
func visibleIndex(t *testing.T, card sim.CardView, full int) int {
	t.Helper()
	for n, c := range card.Choices {
		if c.Index == full {
			return n
		}
	}
	t.Fatalf("choice %d is not on the card %q", full, card.Title)
	return -1
}

// playMonth picks a choice on the month screen the way a player would:
// by number key, or by clicking it, and continues past what happened.
func (d *driver) playMonth(bot *sim.Bot, k int, mouse bool) {
	d.t.Helper()
	m, ok := d.g.screen.(*monthScreen)
	if !ok {
		d.t.Fatalf("want the month screen, have %T", d.g.screen)
	}
	run := d.g.c.run
	n := visibleIndex(d.t, m.card, bot.Choose(run, k))
	tg := d.target(fmt.Sprint(n + 1))
	switch {
	case mouse && tg.Visible():
		d.click(tg.R)
	case n < 4:
		d.step(kit.Input{Pick: n + 1})
	default:
		for m.nav.I < n {
			d.step(kit.Input{Down: true})
		}
		d.step(kit.Input{Confirm: true})
	}
	if _, ok := d.g.screen.(*happenedScreen); !ok {
		d.t.Fatalf("month %d: after the pick, want what happened, have %T", run.Month(), d.g.screen)
	}
}

// compiled returns every scenario of the library, compiled.
func compiled(t *testing.T, lib *library) []*scenario.Scenario {
	t.Helper()
	var out []*scenario.Scenario
	for _, e := range lib.all {
		sc, ok := lib.compile(e)
		if !ok {
			t.Fatalf("%s does not compile: %v", e.File, lib.errs)
		}
		out = append(out, sc)
	}
	return out
}

// settleImports waits for the history files being imported in the
// background and lets the game add them, as the next frames would.
func (d *driver) settleImports() {
	d.t.Helper()
	for j := d.g.c.hist.importing; j != nil; j = d.g.c.hist.importing {
		if !j.job.wait(2 * time.Minute) {
			d.t.Fatal("an import did not finish in two minutes")
		}
		d.step(kit.Input{})
	}
}
