package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
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

// driver plays a Game with Input values, on a clock of its own.
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
func (d *driver) step(in Input) {
	d.t.Helper()
	d.now = d.now.Add(time.Second)
	in.Now = d.now
	if in.Cursor == (Point{}) {
		in.Cursor = Point{-1, -1}
	}
	if err := d.g.step(in); err != nil {
		d.t.Fatalf("step: %v", err)
	}
}

// click presses the mouse in the middle of r.
func (d *driver) click(r Rect) {
	d.t.Helper()
	if r.W <= 0 || r.H <= 0 {
		d.t.Fatalf("click on an empty rectangle %+v", r)
	}
	d.step(Input{Cursor: Point{r.X + r.W/2, r.Y + r.H/2}, Moved: true, Click: true})
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
			for ts.nav.focus > i {
				d.step(Input{Up: true})
			}
			for ts.nav.focus < i {
				d.step(Input{Down: true})
			}
			d.step(Input{Confirm: true})
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
	oldW, oldH := g.a.w, g.a.h
	defer func() { g.resize(oldW, oldH) }()
	g.resize(float64(w), float64(h))
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	var texts []drawnText
	g.a.paint.rec = &texts
	g.render(img)
	g.a.paint.rec = nil
	screen := Rect{0, 0, float64(w), float64(h)}
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
	run := d.g.a.run
	n := visibleIndex(d.t, m.card, bot.Choose(run, k))
	rects := m.choiceRects(m.layout())
	switch {
	case mouse && rects[n].W > 0:
		d.click(rects[n])
	case n < 4:
		d.step(Input{Pick: n + 1})
	default:
		for m.nav.focus < n {
			d.step(Input{Down: true})
		}
		d.step(Input{Confirm: true})
	}
	if _, ok := d.g.screen.(*happenedScreen); !ok {
		d.t.Fatalf("month %d: after the pick, want what happened, have %T", run.Month(), d.g.screen)
	}
}

// TestWholeRunEveryBundledScenario plays every bundled scenario from the
// title to its ending with keys and clicks, checking the screens fit at
// 1280x720 and 800x600 along the way, the autosave, and the history.
func TestWholeRunEveryBundledScenario(t *testing.T) {
	probe := newDriver(t, Config{})
	if len(probe.g.a.lib.bundled) == 0 {
		t.Fatal("no bundled scenario")
	}
	for idx, sc := range probe.g.a.lib.all {
		t.Run(sc.ID, func(t *testing.T) {
			store := storage.NewMemory()
			d := newDriver(t, Config{Store: store})
			d.checkSizes()
			d.titleItem("New run")
			cs, ok := d.g.screen.(*chooseScreen)
			if !ok {
				t.Fatalf("want choose a path, have %T", d.g.screen)
			}
			d.checkSizes()
			cs.scroll.off = 1e9
			d.checkSizes()
			cs.scroll.off = 0
			for cs.nav.focus < idx {
				d.step(Input{Right: true})
			}
			d.step(Input{Confirm: true})
			if d.g.a.run == nil || d.g.a.run.Scenario().ID != sc.ID {
				t.Fatalf("the run did not start on %s", sc.ID)
			}
			bot, err := sim.NewBot(d.g.a.run.Scenario(), "typical")
			if err != nil {
				t.Fatal(err)
			}
			for k := 0; ; k++ {
				if k > sc.Months+1 {
					t.Fatal("the run did not end")
				}
				check := k < 2 || k%12 == 5
				if check {
					d.checkSizes()
					m := d.g.screen.(*monthScreen)
					m.scroll.off, m.statScroll.off = 1e9, 1e9 // the ends of the card and the stats
					d.checkSizes()
					m.scroll.off, m.statScroll.off = 0, 0
				}
				d.playMonth(bot, k, k%3 == 1)
				if check {
					d.checkSizes()
				}
				if _, err := store.Read(saveDoc); err != nil {
					t.Fatalf("month %d was not saved: %v", k+1, err)
				}
				d.step(Input{Confirm: true})
				if _, ok := d.g.screen.(*endingScreen); ok {
					break
				}
			}
			if !d.g.a.run.Done() {
				t.Fatal("the ending screen shows a run that has not ended")
			}
			d.checkSizes()
			e := d.g.screen.(*endingScreen)
			e.scroll.off = 1e9 // the decisions, the axes and the code
			d.checkSizes()
			if e.code == "" || !strings.HasPrefix(e.code, sc.ID+".") {
				t.Errorf("run code %q", e.code)
			}
			recs, _, err := history.Open(store).Load()
			if err != nil || len(recs) != 1 || recs[0].Code != e.code {
				t.Errorf("history after the run: %d records, err %v", len(recs), err)
			}
			// Play again starts a fresh run of the same path.
			e.nav.focus = 0
			d.step(Input{Confirm: true})
			if _, ok := d.g.screen.(*monthScreen); !ok || d.g.a.run.Done() || d.g.a.run.Month() != 1 {
				t.Errorf("play again: have %T", d.g.screen)
			}
		})
	}
}

// TestResumeAfterRestart quits mid-run and starts a new game over the same
// store: Continue goes back to the same month with the same state.
func TestResumeAfterRestart(t *testing.T) {
	store := storage.NewMemory()
	d := newDriver(t, Config{Store: store})
	d.titleItem("New run")
	d.step(Input{Confirm: true})
	bot, _ := sim.NewBot(d.g.a.run.Scenario(), "typical")
	for k := 0; k < 3; k++ {
		d.playMonth(bot, k, false)
		d.step(Input{Confirm: true})
	}
	d.step(Input{Back: true})
	if _, ok := d.g.screen.(*titleScreen); !ok {
		t.Fatalf("Esc from the month: have %T", d.g.screen)
	}
	want, _ := sim.EncodeState(d.g.a.run.State())

	d2 := newDriver(t, Config{Store: store})
	if d2.g.a.notice != "" {
		t.Fatalf("notice on restart: %s", d2.g.a.notice)
	}
	d2.checkSizes()
	d2.titleItem("Continue")
	m, ok := d2.g.screen.(*monthScreen)
	if !ok {
		t.Fatalf("Continue: have %T", d2.g.screen)
	}
	if m.month != 4 {
		t.Errorf("resumed at month %d, want 4", m.month)
	}
	got, _ := sim.EncodeState(d2.g.a.run.State())
	if string(got) != string(want) {
		t.Error("the resumed state differs from the state at quitting")
	}
}

// TestBrokenSave starts over a damaged save: the title explains it, the
// file is set aside, and a new run can start.
func TestBrokenSave(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"garbage", "{not json", "damaged"},
		{"tampered", "", "damaged"},
		{"unknown scenario", `{"v":1,"scenario":"gone_for_good","content":1,"seed":1,"month":1}`, "not loaded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := storage.NewMemory()
			data := tc.data
			if tc.name == "tampered" {
				// A real save with one value changed: the replay disagrees.
				d0 := newDriver(t, Config{Store: store})
				d0.titleItem("New run")
				d0.step(Input{Confirm: true})
				d0.step(Input{Pick: 1})
				raw, _ := store.Read(saveDoc)
				data = strings.Replace(string(raw), `"month":2`, `"month":3`, 1)
				if data == string(raw) {
					t.Fatal("could not tamper with the save")
				}
			}
			if err := store.Write(saveDoc, []byte(data)); err != nil {
				t.Fatal(err)
			}
			d := newDriver(t, Config{Store: store})
			if !strings.Contains(d.g.a.notice, tc.want) {
				t.Fatalf("notice %q, want it to mention %q", d.g.a.notice, tc.want)
			}
			if d.g.a.run != nil {
				t.Fatal("a broken save was loaded")
			}
			d.checkSizes()
			_, asideErr := store.Read(saveDoc + ".broken")
			if tc.name == "unknown scenario" {
				if asideErr == nil {
					t.Fatal("a save of a scenario that is not loaded was set aside at start")
				}
			} else if asideErr != nil {
				t.Fatalf("the broken save was not set aside: %v", asideErr)
			}
			d.titleItem("New run")
			d.step(Input{Confirm: true})
			if _, ok := d.g.screen.(*monthScreen); !ok {
				t.Fatalf("new run after a broken save: have %T", d.g.screen)
			}
			if _, err := store.Read(saveDoc + ".broken"); err != nil {
				t.Errorf("the old save is lost: %v", err)
			}
		})
	}
}

// TestBrokenUserScenario loads a broken scenario from a folder: the title
// lists the problems with file:line, the problems screen shows them all,
// and F5 after a fix loads the scenario beside the bundled ones.
func TestBrokenUserScenario(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/my_lab.toml"
	if err := os.WriteFile(file, []byte(brokenExample), 0o644); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Config{Dirs: []ScenarioDir{{Path: dir}}})
	errs, _ := d.g.a.lib.problems()
	if len(errs) == 0 {
		t.Fatal("no problem reported for a broken scenario")
	}
	if !strings.Contains(errs[0].Error(), "my_lab.toml:") || errs[0].Pos.Line == 0 {
		t.Errorf("problem without file:line: %v", errs[0])
	}
	d.checkSizes()
	d.titleItem("Scenario problems")
	ps, ok := d.g.screen.(*problemsScreen)
	if !ok {
		t.Fatalf("want the problems screen, have %T", d.g.screen)
	}
	d.checkSizes()
	found := false
	for _, p := range ps.problems() {
		if strings.Contains(p.where, "my_lab.toml:16:") && strings.Contains(p.msg, "monney") {
			found = true
		}
	}
	if !found {
		t.Errorf("the unit typo at my_lab.toml:16 is not listed: %+v", ps.problems())
	}
	d.step(Input{PageDown: true})
	d.checkSizes()

	// The author fixes the file and presses F5.
	fixed, err := os.ReadFile("testdata/example_lab.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, fixed, 0o644); err != nil {
		t.Fatal(err)
	}
	d.step(Input{Reload: true})
	if errs, _ := d.g.a.lib.problems(); len(errs) != 0 {
		t.Fatalf("problems after the fix: %v", errs)
	}
	d.step(Input{Back: true})
	d.titleItem("New run")
	cs := d.g.screen.(*chooseScreen)
	l := cs.layout()
	idx := -1
	for i, pc := range l.cards {
		if pc.sc.ID == "example_lab" {
			idx = i
			if pc.sc.Bundled {
				t.Error("a user scenario is marked as bundled")
			}
		}
	}
	if idx < 0 {
		t.Fatal("the fixed scenario is not on the choose screen")
	}
	d.checkSizes()
	for cs.nav.focus < idx {
		d.step(Input{Right: true})
	}
	d.checkSizes()
	d.step(Input{Confirm: true})
	if d.g.a.run == nil || d.g.a.run.Scenario().ID != "example_lab" {
		t.Fatal("the user scenario did not start")
	}
	d.checkSizes()
	d.step(Input{Pick: 1})
	d.step(Input{Confirm: true})

	// Hot reload mid-run: an edit that does not change the months played
	// so far carries the run over; one that does keeps the old version.
	old := d.g.a.run.Scenario()
	d.step(Input{Reload: true})
	if d.g.a.run.Scenario() == old || d.g.a.run.Month() != 2 {
		t.Errorf("an unchanged file did not carry the run over (month %d)", d.g.a.run.Month())
	}
	edited := strings.Replace(string(fixed), "initial = 120_000", "initial = 90_000", 1)
	if edited == string(fixed) {
		t.Fatal("could not edit the example")
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	before := d.g.a.run.Scenario()
	d.step(Input{Reload: true})
	if d.g.a.run.Scenario() != before || !strings.Contains(d.g.a.toast, "version it started with") {
		t.Errorf("after an edit that changes the run: notice %q", d.g.a.toast)
	}
	d.checkSizes()
}

// TestDroppedFiles drops a broken and a good scenario on the window.
func TestDroppedFiles(t *testing.T) {
	good, err := os.ReadFile("testdata/example_lab.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Config{})
	d.step(Input{Dropped: []DroppedFile{{Name: "my_lab.toml", Data: []byte(brokenExample)}, {Name: "notes.txt", Err: errNotTOML}}})
	errs, _ := d.g.a.lib.problems()
	if len(errs) < 2 || !strings.Contains(d.g.a.toast, "problem") {
		t.Fatalf("after a broken drop: %d problems, notice %q", len(errs), d.g.a.toast)
	}
	d.checkSizes()
	d.step(Input{Dropped: []DroppedFile{{Name: "example_lab.toml", Data: good}}})
	if _, ok := d.g.a.lib.find("example_lab"); !ok {
		t.Fatal("the dropped scenario did not load")
	}
	if _, ok := d.g.screen.(*titleScreen); !ok {
		t.Fatalf("have %T", d.g.screen)
	}
}

// TestSettingsKept changes every setting and finds them again after a
// restart; every screen still fits with the largest text.
func TestSettingsKept(t *testing.T) {
	store := storage.NewMemory()
	d := newDriver(t, Config{Store: store})
	d.titleItem("Settings")
	s, ok := d.g.screen.(*settingsScreen)
	if !ok {
		t.Fatalf("have %T", d.g.screen)
	}
	d.step(Input{Right: true})
	d.step(Input{Right: true})
	l := laySettings(d.g.a.bounds(), d.g.a.style())
	d.click(l.segs[1][1]) // high contrast: on
	d.step(Input{Down: true})
	d.step(Input{Confirm: true}) // reduced motion: on
	want := Settings{TextSize: TextLargest, HighContrast: true, ReducedMotion: true}
	if d.g.a.settings != want {
		t.Fatalf("settings %+v, want %+v (focus %d)", d.g.a.settings, want, s.nav.focus)
	}
	d.checkSizes()
	d.step(Input{Back: true})
	d.checkSizes()

	d2 := newDriver(t, Config{Store: store})
	if d2.g.a.settings != want {
		t.Fatalf("after a restart: %+v", d2.g.a.settings)
	}
	d2.titleItem("New run")
	d2.checkSizes()
	d2.step(Input{Confirm: true})
	d2.checkSizes()
	d2.step(Input{Pick: 1})
	d2.checkSizes()
	d2.step(Input{Confirm: true})
	d2.checkDraw(640, 480) // the smallest window the game allows
	d2.checkDraw(1920, 1080)
	if d2.g.a.animating(d2.now) {
		t.Error("an animation runs with reduced motion")
	}
}

// TestSessionCode enters a workshop code: the run gets the code's luck
// and keeps the code.
func TestSessionCode(t *testing.T) {
	d := newDriver(t, Config{})
	d.titleItem("Workshop session")
	d.checkSizes()
	d.step(Input{Runes: []rune("x!")})
	d.step(Input{Erase: true})
	d.step(Input{Erase: true})
	d.step(Input{Confirm: true})
	if s := d.g.screen.(*sessionScreen); s.err == "" {
		t.Error("an empty code was accepted")
	}
	d.step(Input{Runes: []rune("lab-2025")})
	d.step(Input{Confirm: true})
	if _, ok := d.g.screen.(*chooseScreen); !ok {
		t.Fatalf("have %T", d.g.screen)
	}
	d.checkSizes()
	d.step(Input{Confirm: true})
	st := d.g.a.run.State()
	seed, _ := sim.SessionSeed("LAB-2025")
	if st.Session != "LAB-2025" || st.Seed != seed {
		t.Errorf("session %q seed %d, want LAB-2025 and %d", st.Session, st.Seed, seed)
	}
}

// TestUnavailableChoice presses the number of a greyed-out choice: nothing
// is picked and the reason is shown.
func TestUnavailableChoice(t *testing.T) {
	d := newDriver(t, Config{})
	d.titleItem("New run")
	d.step(Input{Confirm: true})
	m := d.g.screen.(*monthScreen)
	m.card.Choices = append(m.card.Choices, sim.ChoiceView{Label: "Buy the company", Blocked: "Needs $1B"})
	d.step(Input{Pick: len(m.card.Choices)})
	if d.g.screen != m || !strings.Contains(d.g.a.toast, "Needs $1B") {
		t.Errorf("screen %T, notice %q", d.g.screen, d.g.a.toast)
	}
	d.step(Input{Pick: 4})
}

// TestIdleDrawsNothing checks the redraw-only-on-change idle mode: with no
// input the frame is left alone; input redraws it.
func TestIdleDrawsNothing(t *testing.T) {
	d := newDriver(t, Config{})
	img := ebiten.NewImage(1280, 720)
	defer img.Deallocate()
	d.step(Input{})
	d.g.Draw(img)
	d.step(Input{})
	d.step(Input{})
	marker := []byte{255, 0, 255, 255}
	t0 := time.Now()
	img.WritePixels(bytesOf(marker, 1280*720))
	t.Log("write", time.Since(t0))
	d.g.Draw(img)
	t.Log("draw", time.Since(t0))
	px := make([]byte, 4*1280*720)
	img.ReadPixels(px)
	t.Log("read", time.Since(t0))
	if string(px[:4]) != string(marker) {
		t.Fatal("an idle frame was redrawn")
	}
	d.step(Input{Down: true})
	d.g.Draw(img)
	img.ReadPixels(px)
	if string(px[:4]) == string(marker) {
		t.Fatal("a frame with input was not redrawn")
	}
}

func bytesOf(px []byte, n int) []byte {
	out := make([]byte, 0, len(px)*n)
	for i := 0; i < n; i++ {
		out = append(out, px...)
	}
	return out
}

// TestHighDPI draws at a device scale of 2: twice the pixels, the same
// layout, nothing outside its box.
func TestHighDPI(t *testing.T) {
	d := newDriver(t, Config{})
	d.titleItem("New run")
	d.step(Input{Confirm: true})
	g := d.g
	g.a.dsf = 2
	u1 := unitFor(1280, 720, 1, TextNormal)
	u2 := unitFor(2560, 1440, 2, TextNormal)
	if u2 != 2*u1 {
		t.Errorf("unit at 2x = %v, want %v", u2, 2*u1)
	}
	img := ebiten.NewImage(2560, 1440)
	defer img.Deallocate()
	var texts []drawnText
	g.a.paint.rec = &texts
	g.a.w, g.a.h = 2560, 1440
	g.render(img)
	g.a.paint.rec = nil
	for _, tx := range texts {
		if !tx.Box.Within(tx.Clip, 3) {
			t.Errorf("%q spills out of its box at 2x", tx.Text)
		}
	}
}

// TestScreenshotScript runs the scripted screenshots into a temporary
// folder: every screen of the script renders at both sizes.
func TestScreenshotScript(t *testing.T) {
	d := newDriver(t, Config{})
	for _, sh := range screenshotScript() {
		for _, size := range shotSizes {
			img, err := shoot(d.g.a, sh, size[0], size[1])
			if err != nil {
				t.Errorf("%s at %dx%d: %v", sh.name, size[0], size[1], err)
				continue
			}
			if img.Bounds().Dx() != size[0] {
				t.Errorf("%s: size %v", sh.name, img.Bounds())
			}
		}
	}
}

// TestEndingActions gives the ending screen a platform action (the
// browser's copy and save): it is drawn inside the code panel and its
// letter runs it.
func TestEndingActions(t *testing.T) {
	d := newDriver(t, Config{})
	a := d.g.a
	if err := playTo(a, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
		t.Fatal(err)
	}
	e := newEnding(a)
	copied := ""
	e.actions = []runAction{
		{label: "Copy code", key: 'c', do: func(_ *app, code string) (string, error) { copied = code; return "Copied.", nil }},
		{label: "Save run file", key: 's', do: func(*app, string) (string, error) { return "", errors.New("no disk here") }},
	}
	d.g.screen = e
	e.scroll.off = 1e9
	d.checkSizes()
	d.step(Input{Runes: []rune{'C'}})
	if copied != e.code || a.toast != "Copied." {
		t.Errorf("copy: got %q, notice %q", copied, a.toast)
	}
	d.step(Input{Runes: []rune{'s'}})
	if !a.toastBad || !strings.Contains(a.toast, "no disk") {
		t.Errorf("a failing action says %q", a.toast)
	}
}
