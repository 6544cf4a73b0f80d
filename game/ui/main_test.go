package ui

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// TestWholeRunEveryBundledScenario plays every bundled scenario from the
// title to its ending with keys and clicks, checking the screens fit at
// 1280x720 and 800x600 along the way, the autosave, and the history.
func TestWholeRunEveryBundledScenario(t *testing.T) {
	probe := newDriver(t, Config{})
	if len(probe.g.c.lib.bundled) == 0 {
		t.Fatal("no bundled scenario")
	}
	for idx, sc := range probe.g.c.lib.all {
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
			cs.scroll.Off = 1e9
			d.checkSizes()
			cs.scroll.Off = 0
			for cs.nav.I < idx {
				d.step(kit.Input{Right: true})
			}
			d.step(kit.Input{Confirm: true})
			if d.g.c.run == nil || d.g.c.run.Scenario().ID != sc.ID {
				t.Fatalf("the run did not start on %s", sc.ID)
			}
			bot, err := sim.NewBot(d.g.c.run.Scenario(), "typical")
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
					m.scroll.Off, m.statScroll.Off = 1e9, 1e9 // the ends of the card and the stats
					d.checkSizes()
					m.scroll.Off, m.statScroll.Off = 0, 0
				}
				d.playMonth(bot, k, k%3 == 1)
				if check {
					d.checkSizes()
				}
				if _, err := store.Read(saveDoc); err != nil {
					t.Fatalf("month %d was not saved: %v", k+1, err)
				}
				d.step(kit.Input{Confirm: true})
				if _, ok := d.g.screen.(*endingScreen); ok {
					break
				}
			}
			if !d.g.c.run.Done() {
				t.Fatal("the ending screen shows a run that has not ended")
			}
			d.checkSizes()
			e := d.g.screen.(*endingScreen)
			e.scroll.Off = 1e9 // the decisions, the axes and the code
			d.checkSizes()
			if e.code == "" || !strings.HasPrefix(e.code, sc.ID+".") {
				t.Errorf("run code %q", e.code)
			}
			// The record is made off the frame; the game adds it when in.
			d.waitFor("the run's record", time.Minute, func() bool { return e.work.done() })
			recs, _, err := history.Open(store).Load()
			if err != nil || len(recs) != 1 || recs[0].Code != e.code {
				t.Errorf("history after the run: %d records, err %v", len(recs), err)
			}
			// Play again starts a fresh run of the same path.
			e.nav.I = 0
			d.step(kit.Input{Confirm: true})
			if _, ok := d.g.screen.(*monthScreen); !ok || d.g.c.run.Done() || d.g.c.run.Month() != 1 {
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
	d.step(kit.Input{Confirm: true})
	bot, _ := sim.NewBot(d.g.c.run.Scenario(), "typical")
	for k := 0; k < 3; k++ {
		d.playMonth(bot, k, false)
		d.step(kit.Input{Confirm: true})
	}
	d.step(kit.Input{Back: true})
	if _, ok := d.g.screen.(*titleScreen); !ok {
		t.Fatalf("Esc from the month: have %T", d.g.screen)
	}
	want, _ := sim.EncodeState(d.g.c.run.State())

	d2 := newDriver(t, Config{Store: store})
	if d2.g.c.notice != "" {
		t.Fatalf("notice on restart: %s", d2.g.c.notice)
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
	got, _ := sim.EncodeState(d2.g.c.run.State())
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
				d0.step(kit.Input{Confirm: true})
				d0.step(kit.Input{Pick: 1})
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
			if !strings.Contains(d.g.c.notice, tc.want) {
				t.Fatalf("notice %q, want it to mention %q", d.g.c.notice, tc.want)
			}
			if d.g.c.run != nil {
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
			d.step(kit.Input{Confirm: true})
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
	errs, _ := d.g.c.lib.problems()
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
	for _, p := range ps.problems(d.g.c) {
		if strings.Contains(p.where, "my_lab.toml:16:") && strings.Contains(p.msg, "monney") {
			found = true
		}
	}
	if !found {
		t.Errorf("the unit typo at my_lab.toml:16 is not listed: %+v", ps.problems(d.g.c))
	}
	d.step(kit.Input{PageDown: true})
	d.checkSizes()

	// The author fixes the file and presses F5.
	fixed, err := os.ReadFile("testdata/example_lab.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, fixed, 0o644); err != nil {
		t.Fatal(err)
	}
	d.step(kit.Input{Reload: true})
	if errs, _ := d.g.c.lib.problems(); len(errs) != 0 {
		t.Fatalf("problems after the fix: %v", errs)
	}
	d.step(kit.Input{Back: true})
	d.titleItem("New run")
	cs := d.g.screen.(*chooseScreen)
	l := cs.layout(d.g.c)
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
	for cs.nav.I < idx {
		d.step(kit.Input{Right: true})
	}
	d.checkSizes()
	d.step(kit.Input{Confirm: true})
	if d.g.c.run == nil || d.g.c.run.Scenario().ID != "example_lab" {
		t.Fatal("the user scenario did not start")
	}
	d.checkSizes()
	d.step(kit.Input{Pick: 1})
	d.step(kit.Input{Confirm: true})

	// Hot reload mid-run: an edit that does not change the months played
	// so far carries the run over; one that does keeps the old version.
	old := d.g.c.run.Scenario()
	d.step(kit.Input{Reload: true})
	if d.g.c.run.Scenario() == old || d.g.c.run.Month() != 2 {
		t.Errorf("an unchanged file did not carry the run over (month %d)", d.g.c.run.Month())
	}
	edited := strings.Replace(string(fixed), "initial = 120_000", "initial = 90_000", 1)
	if edited == string(fixed) {
		t.Fatal("could not edit the example")
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	before := d.g.c.run.Scenario()
	d.step(kit.Input{Reload: true})
	if d.g.c.run.Scenario() != before || !strings.Contains(d.g.toast.Msg, "version it started with") {
		t.Errorf("after an edit that changes the run: notice %q", d.g.toast.Msg)
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
	d.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "my_lab.toml", Data: []byte(brokenExample)}, {Name: "notes.txt", Err: errNotTOML}}})
	errs, _ := d.g.c.lib.problems()
	if len(errs) < 2 || !strings.Contains(d.g.toast.Msg, "problem") {
		t.Fatalf("after a broken drop: %d problems, notice %q", len(errs), d.g.toast.Msg)
	}
	d.checkSizes()
	d.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "example_lab.toml", Data: good}}})
	if _, ok := d.g.c.lib.find("example_lab"); !ok {
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
	d.step(kit.Input{Right: true})
	d.step(kit.Input{Right: true})
	l := laySettings(d.g.c.Bounds(), d.g.c.Style())
	d.click(l.segs[1][1]) // high contrast: on
	d.step(kit.Input{Down: true})
	d.step(kit.Input{Confirm: true}) // reduced motion: on
	want := Settings{TextSize: kit.TextLargest, HighContrast: true, ReducedMotion: true}
	if d.g.c.settings != want {
		t.Fatalf("settings %+v, want %+v (focus %d)", d.g.c.settings, want, s.nav.I)
	}
	d.checkSizes()
	d.clickTarget("Back")
	if d.g.screen.Name() != "title" {
		t.Fatalf("Back on the settings: have %s", d.g.screen.Name())
	}
	d.checkSizes()

	d2 := newDriver(t, Config{Store: store})
	if d2.g.c.settings != want {
		t.Fatalf("after a restart: %+v", d2.g.c.settings)
	}
	d2.titleItem("New run")
	d2.checkSizes()
	d2.step(kit.Input{Confirm: true})
	d2.checkSizes()
	d2.step(kit.Input{Pick: 1})
	d2.checkSizes()
	d2.step(kit.Input{Confirm: true})
	d2.checkDraw(640, 480) // the smallest window the game allows
	d2.checkDraw(1920, 1080)
	if d2.g.c.Animating(d2.now) {
		t.Error("an animation runs with reduced motion")
	}
}

// TestSessionCode enters a workshop code: the run gets the code's luck
// and keeps the code.
func TestSessionCode(t *testing.T) {
	d := newDriver(t, Config{})
	d.titleItem("Workshop session")
	d.checkSizes()
	d.step(kit.Input{Runes: []rune("x!")})
	d.step(kit.Input{Erase: true})
	d.step(kit.Input{Erase: true})
	d.step(kit.Input{Confirm: true})
	if s := d.g.screen.(*sessionScreen); s.code.Err == "" {
		t.Error("an empty code was accepted")
	}
	d.step(kit.Input{Runes: []rune("lab-2025")})
	d.step(kit.Input{Confirm: true})
	if _, ok := d.g.screen.(*chooseScreen); !ok {
		t.Fatalf("have %T", d.g.screen)
	}
	d.checkSizes()
	d.step(kit.Input{Confirm: true})
	st := d.g.c.run.State()
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
	d.step(kit.Input{Confirm: true})
	m := d.g.screen.(*monthScreen)
	m.card.Choices = append(m.card.Choices, sim.ChoiceView{Label: "Buy the company", Blocked: "Needs $1B"})
	d.step(kit.Input{Pick: len(m.card.Choices)})
	if d.g.screen != m || !strings.Contains(d.g.toast.Msg, "Needs $1B") {
		t.Errorf("screen %T, notice %q", d.g.screen, d.g.toast.Msg)
	}
	d.step(kit.Input{Pick: 4})
}

// TestIdleDrawsNothing checks the redraw-only-on-change idle mode: with no
// input the frame is left alone; input redraws it.
func TestIdleDrawsNothing(t *testing.T) {
	d := newDriver(t, Config{})
	img := ebiten.NewImage(1280, 720)
	defer img.Deallocate()
	d.step(kit.Input{})
	d.g.Draw(img)
	d.step(kit.Input{})
	d.step(kit.Input{})
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
	d.step(kit.Input{Down: true})
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
	d.step(kit.Input{Confirm: true})
	g := d.g
	g.c.DSF = 2
	u1 := kit.UnitFor(1280, 720, 1, kit.TextNormal)
	u2 := kit.UnitFor(2560, 1440, 2, kit.TextNormal)
	if u2 != 2*u1 {
		t.Errorf("unit at 2x = %v, want %v", u2, 2*u1)
	}
	img := ebiten.NewImage(2560, 1440)
	defer img.Deallocate()
	var texts []kit.DrawnText
	g.c.Paint.Rec = &texts
	g.c.W, g.c.H = 2560, 1440
	g.render(img)
	g.c.Paint.Rec = nil
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
			img, err := shoot(d.g.c, sh, size[0], size[1])
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
	a := d.g.c
	if err := playTo(a, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
		t.Fatal(err)
	}
	e := newEnding(a)
	copied := ""
	e.actions = []runAction{
		{label: "Copy code", key: 'c', do: func(run *sim.Run, _ time.Time) (string, error) { copied = run.Code(); return "Copied.", nil }},
		{label: "Save run file", key: 's', do: func(*sim.Run, time.Time) (string, error) { return "", errors.New("no disk here") }},
	}
	d.show(e)
	e.scroll.Off = 1e9
	d.checkSizes()
	d.step(kit.Input{Runes: []rune{'C'}})
	if copied != e.code || d.g.toast.Msg != "Copied." {
		t.Errorf("copy: got %q, notice %q", copied, d.g.toast.Msg)
	}
	d.step(kit.Input{Runes: []rune{'s'}})
	if !d.g.toast.Bad || !strings.Contains(d.g.toast.Msg, "no disk") {
		t.Errorf("a failing action says %q", d.g.toast.Msg)
	}
}
