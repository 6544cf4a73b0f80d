package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/ui/kit"
	"runwayladder/scenarios"
)

// examplesDir holds the guide's annotated format-2 example (track
// "crossroads", two phases with a switch each way).
const examplesDir = "../../docs/examples"

// TestCrossroadsFirst: scenarios of the crossroads track come first on the
// choose screen, by their track (a player's own too), and the rest keep
// their order.
func TestCrossroadsFirst(t *testing.T) {
	plain := newLibrary(scenarios.FS, nil)
	lib := newLibrary(scenarios.FS, []ScenarioDir{{Path: examplesDir}})
	if len(lib.all) != len(plain.all)+1 {
		t.Fatalf("%d scenarios with the example, %d without", len(lib.all), len(plain.all))
	}
	seen := false
	var rest []string
	for i, sc := range lib.all {
		if sc.ID == "example_two_offices" {
			seen = true
		}
		if sc.Track == crossroadsTrack {
			if i > 0 && lib.all[i-1].Track != crossroadsTrack {
				t.Fatalf("%s (track crossroads) comes after %s", sc.ID, lib.all[i-1].ID)
			}
			continue
		}
		rest = append(rest, sc.ID)
	}
	if !seen || lib.all[0].Track != crossroadsTrack {
		t.Fatalf("the crossroads example is not first: %s", lib.all[0].ID)
	}
	var want []string
	for _, sc := range plain.all {
		if sc.Track != crossroadsTrack {
			want = append(want, sc.ID)
		}
	}
	if len(rest) != len(want) {
		t.Fatalf("the other paths %v, want %v", rest, want)
	}
	for i := range want {
		if rest[i] != want[i] {
			t.Fatalf("the other paths %v, want %v", rest, want)
		}
	}
}

// pickByLabel plays the month on the month screen with the number key of
// the first available choice whose label is in want (the first available
// choice when none is), continues past what happened, and returns the
// label picked.
func (d *driver) pickByLabel(want ...string) string {
	d.t.Helper()
	m, ok := d.g.screen.(*monthScreen)
	if !ok {
		d.t.Fatalf("want the month screen, have %T", d.g.screen)
	}
	n := -1
	for i, c := range m.card.Choices {
		if !c.Available {
			continue
		}
		if n < 0 || slices.Contains(want, c.Label) && !slices.Contains(want, m.card.Choices[n].Label) {
			n = i
		}
	}
	label := m.card.Choices[n].Label
	d.step(kit.Input{Pick: n + 1})
	if _, ok := d.g.screen.(*happenedScreen); !ok {
		d.t.Fatalf("month %d: after the pick, want what happened, have %T", d.g.c.run.Month(), d.g.screen)
	}
	return label
}

// startPath starts a run of the scenario with id from the choose screen.
func (d *driver) startPath(id string) {
	d.t.Helper()
	d.titleItem("New run")
	d.clickTarget(id)
	if d.g.c.run == nil || d.g.c.run.Scenario().ID != id {
		d.t.Fatalf("the run did not start on %s", id)
	}
}

// TestEndingTimeline plays the guide's two-office example through a switch
// each way to its ending: the ending shows the phases lived as a timeline
// whose legend names each stint with its months.
func TestEndingTimeline(t *testing.T) {
	d := newDriver(t, Config{Dirs: []ScenarioDir{{Path: examplesDir}}})
	d.startPath("example_two_offices")
	for k := 0; !d.g.c.run.Done(); k++ {
		if k > 40 {
			t.Fatal("the run did not end")
		}
		d.pickByLabel("Join her", "Go back", "Take the hard ticket", "Stay general")
		d.step(kit.Input{Confirm: true})
	}
	e, ok := d.g.screen.(*endingScreen)
	if !ok {
		t.Fatalf("want the ending, have %T", d.g.screen)
	}
	l := e.layout(d.g.c)
	texts := l.phases.texts
	if len(texts) != 3 || !strings.HasPrefix(texts[0], "Big company · months 1–") || !strings.HasPrefix(texts[1], "Startup · months ") ||
		!strings.HasPrefix(texts[2], "Big company · months ") || !strings.HasSuffix(texts[2], fmt.Sprintf("–%d", d.g.c.run.Played())) {
		t.Fatalf("timeline legend %q", texts)
	}
	d.checkSizes()
	// The record keeps the stints, and the compare screen says where the
	// career went.
	d.waitFor("the run's record", time.Minute, func() bool { return e.work.done() })
	recs, _, err := history.Open(d.g.c.store).Load()
	if err != nil || len(recs) != 1 || len(recs[0].Phases) != 3 {
		t.Fatalf("history after the run: %+v, err %v", recs, err)
	}
	d.show(newCompare(d.g.c, e))
	cp := d.g.screen.(*compareScreen)
	p, rec := cp.selected()
	if p == nil || rec == nil {
		t.Fatal("the compare screen selects no run")
	}
	if got := phaseTimesText(p.sc, rec); !strings.HasPrefix(got, "Big company ") || !strings.Contains(got, ", Startup ") {
		t.Errorf("phase times %q", got)
	}
	d.checkSizes()
}

// TestSwitchIsAnEvent plays the two-office example to each switch: what
// happened says so in a box of its own (old → new employer, the level and
// the grant, what was left behind and carried), at both sizes.
func TestSwitchIsAnEvent(t *testing.T) {
	d := newDriver(t, Config{Dirs: []ScenarioDir{{Path: examplesDir}}})
	d.startPath("example_two_offices")
	for _, want := range []struct {
		pick, title, to string
		keys            []string
		runway, ladder  bool
	}{
		{"Join her", "Big company → Startup", "Startup", []string{"FORFEITED", "LEFT BEHIND", "CARRIED OVER", "SYSTEMS"}, true, false},
		{"Go back", "Startup → Big company", "Big company", []string{"YOU START AT", "STOCK GRANT", "CARRIED OVER", "SYSTEMS"}, false, true},
	} {
		for k := 0; ; k++ {
			if k > 30 || d.g.c.run.Done() {
				t.Fatalf("never offered %q", want.pick)
			}
			label := d.pickByLabel(want.pick, "Take the hard ticket")
			h := d.g.screen.(*happenedScreen)
			l := h.layout(d.g.c)
			if label != want.pick {
				if len(l.switches) != 0 {
					t.Fatalf("%q: a switch box without a switch", label)
				}
				d.step(kit.Input{Confirm: true})
				continue
			}
			if len(l.switches) != 1 || strings.Join(l.switches[0].title, " ") != want.title {
				t.Fatalf("%q: switch boxes %+v", label, l.switches)
			}
			var keys []string
			for _, r := range l.switches[0].rows {
				keys = append(keys, r.key)
			}
			for _, k := range want.keys {
				if !slices.Contains(keys, k) {
					t.Errorf("%q: the switch box has no %s row: %v", label, k, keys)
				}
			}
			d.checkSizes()
			d.step(kit.Input{Confirm: true})
			d.checkChapter(want.to, want.runway, want.ladder)
			break
		}
	}
}

// checkChapter checks the month screen after a switch: the top bar names
// the new phase, the card opens with the chapter banner, and the system
// panels are the new phase's.
func (d *driver) checkChapter(phase string, runway, ladder bool) {
	d.t.Helper()
	m, ok := d.g.screen.(*monthScreen)
	if !ok {
		d.t.Fatalf("after a switch, want the month, have %T", d.g.screen)
	}
	run := d.g.c.run
	if run.PhaseLabel() != phase || !strings.Contains(monthSub(run), phase+" since month ") {
		d.t.Errorf("month %d: phase %q, top bar %q; want %s", run.Month(), run.PhaseLabel(), monthSub(run), phase)
	}
	l := m.layout(d.g.c)
	if n, s, ok := chapter(run); !ok || s.Label != phase || n < 2 || l.cardTop <= d.g.c.Style().D(26) {
		d.t.Errorf("month %d: no chapter banner for %s (chapter %d %+v)", run.Month(), phase, n, s)
	}
	if (l.runway.W > 0) != runway || (l.ladder.W > 0) != ladder {
		d.t.Errorf("month %d at %s: runway panel %v ladder panel %v, want %v %v", run.Month(), phase, l.runway.W > 0, l.ladder.W > 0, runway, ladder)
	}
	for _, i := range l.statIDs {
		if !run.Shown(i) {
			d.t.Errorf("month %d: the HUD lists %s, which the run does not show now", run.Month(), run.Scenario().Stats[i].ID)
		}
	}
	d.checkSizes()
}

// TestBecauseLine: a follow-up the player's choice scheduled says, above
// its text, which choice of which month it comes from.
func TestBecauseLine(t *testing.T) {
	d := newDriver(t, Config{Dirs: []ScenarioDir{{Path: examplesDir}}})
	d.startPath("example_two_offices")
	demo := 0
	for k := 0; ; k++ {
		if k > 30 || d.g.c.run.Done() {
			t.Fatalf("the demo's echo never came (month %d, demo in month %d)", d.g.c.run.Month(), demo)
		}
		m := d.g.screen.(*monthScreen)
		l := m.layout(d.g.c)
		if m.card.ID == "demo_echo" && demo > 0 {
			want := fmt.Sprintf("Because of month %d: %q", demo, "Demo it live")
			if got := strings.Join(l.because, " "); got != want {
				t.Fatalf("because line %q, want %q", got, want)
			}
			d.checkSizes()
			return
		}
		if len(l.because) != 0 {
			t.Fatalf("month %d (%s): a because line %q on a card nothing scheduled", d.g.c.run.Month(), m.card.ID, l.because)
		}
		month := d.g.c.run.Month()
		if d.pickByLabel("Demo it live", "Take the hard ticket", "Stay") == "Demo it live" && demo == 0 {
			demo = month
		}
		d.step(kit.Input{Confirm: true})
	}
}
