package sim_test

import (
	"slices"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// TestSwitchReport: the month's report says what a switch did, so the
// front ends can present it (old and new phase, what reset, the grant
// forfeited and the new one, the level started at, the systems).
func TestSwitchReport(t *testing.T) {
	sc := loadPhases(t)
	bigco, _ := sc.PhaseIndex("bigco")
	startup, _ := sc.PhaseIndex("startup")
	r := sim.New(sc, 5, sim.Options{})
	v := phaseVars{sc, r}
	var rep *sim.Report
	for m := 1; ; m++ {
		if m > 12 {
			t.Fatal("the friend's startup never asked")
		}
		var label string
		if rep, label = pickLabel(t, r, "Join the startup"); label == "Join the startup" {
			break
		}
		if len(rep.Switches) != 0 {
			t.Fatalf("month %d: switches %v without a switch", m, rep.Switches)
		}
	}
	if len(rep.Switches) != 1 {
		t.Fatalf("switches %+v, want one", rep.Switches)
	}
	sw := rep.Switches[0]
	if sw.From != bigco || sw.To != startup || sw.FromLabel != "Big company" || sw.ToLabel != "Startup" {
		t.Fatalf("switch %+v", sw)
	}
	if sw.Forfeited <= 0 || sw.Grant != 0 || sw.Level != -1 || sw.LeftLevel != 0 {
		t.Fatalf("forfeited %v (want the unvested rest of 12k), grant %v, level %d", sw.Forfeited, sw.Grant, sw.Level)
	}
	if !slices.Equal(sw.On, []string{"funding"}) || !slices.Equal(sw.Off, []string{"ladder"}) {
		t.Fatalf("systems on %v off %v", sw.On, sw.Off)
	}
	reset := map[string]sim.Delta{}
	for _, d := range sw.Reset {
		reset[sc.Stats[d.Stat].ID] = d
	}
	if d, ok := reset["cash"]; !ok || d.Before != 0 || d.After != 120_000 {
		t.Fatalf("cash not reported as set by [enter]: %+v", reset)
	}
	if d, ok := reset["salary"]; !ok || d.Before != 8_000 || d.After != 0 {
		t.Fatalf("salary not reported as reset: %+v", reset)
	}
	for _, id := range []string{"savings", "skills"} {
		if _, ok := reset[id]; ok {
			t.Fatalf("%s carries but is reported as reset", id)
		}
	}

	// Back to the big company: the ladder starts at the boomerang's level
	// with a new grant.
	for m := 0; ; m++ {
		if m > 20 {
			t.Fatal("the old manager never wrote")
		}
		var label string
		if rep, label = pickLabel(t, r, "Go back"); label == "Go back" {
			break
		}
	}
	if len(rep.Switches) != 1 {
		t.Fatalf("switches %+v, want one", rep.Switches)
	}
	sw = rep.Switches[0]
	if sw.To != bigco || sw.Grant != 24_000 || sw.Level != 1 || sw.LeftLevel != -1 || sw.Forfeited != 0 {
		t.Fatalf("back: %+v", sw)
	}
	if !slices.Equal(sw.On, []string{"ladder"}) || !slices.Equal(sw.Off, []string{"funding"}) {
		t.Fatalf("back: systems on %v off %v", sw.On, sw.Off)
	}
	if v.stat("level") != 1 {
		t.Fatalf("level %v", v.stat("level"))
	}
}

// TestSwitchStory words a switch: the title, the level and grant, what
// was left, started and carried, and the systems.
func TestSwitchStory(t *testing.T) {
	sc := loadPhases(t)
	r := sim.New(sc, 5, sim.Options{})
	var rep *sim.Report
	for m := 1; ; m++ {
		if m > 12 {
			t.Fatal("the friend's startup never asked")
		}
		var label string
		if rep, label = pickLabel(t, r, "Join the startup"); label == "Join the startup" {
			break
		}
	}
	s := r.Story(rep.Switches[0])
	if s.Title != "Big company → Startup" || s.Level != "" || s.LeftLevel == "" || s.Grant != "" || !strings.HasSuffix(s.Forfeited, " of unvested stock") {
		t.Fatalf("story %+v", s)
	}
	has := func(items []sim.StoryItem, prefix string) bool {
		for _, it := range items {
			if strings.HasPrefix(it.Text, prefix) {
				return true
			}
		}
		return false
	}
	if !has(s.Left, "Salary $8k") || has(s.Left, "Salary $8k →") || !has(s.Left, "Morale ") || !has(s.Started, "Company cash $120k") || !has(s.Carried, "Savings ") || has(s.Carried, "Salary") {
		t.Fatalf("left %v started %v carried %v", s.Left, s.Started, s.Carried)
	}
	if !slices.Equal(s.Systems, []string{"The funding runway starts", "No more promotion ladder"}) {
		t.Fatalf("systems %v", s.Systems)
	}
	for {
		var label string
		if rep, label = pickLabel(t, r, "Go back"); label == "Go back" {
			break
		}
	}
	s = r.Story(rep.Switches[0])
	lines := strings.Join(s.Lines(), "\n")
	for _, want := range []string{"A new chapter: Startup → Big company.", "You start at ", "Stock grant: $24k over 12 months: nothing for 3 months, then $6k at the cliff, then monthly.", "Carried over: Savings "} {
		if !strings.Contains(lines, want) {
			t.Errorf("story lines lack %q:\n%s", want, lines)
		}
	}
}

// TestStints: the phases lived, as month ranges.
func TestStints(t *testing.T) {
	sc := loadPhases(t)
	r := sim.New(sc, 5, sim.Options{})
	if got := r.Stints(); len(got) != 1 || got[0].From != 1 || got[0].To != 1 || got[0].Label != "Big company" || got[0].Track != "corporate" {
		t.Fatalf("month 1: %+v", got)
	}
	for _, want := range []string{"Join the startup", "Go back"} {
		for m := 0; ; m++ {
			if m > 20 {
				t.Fatalf("never offered %q", want)
			}
			if _, label := pickLabel(t, r, want); label == want {
				break
			}
		}
	}
	for !r.Done() {
		pickLabel(t, r, "Stay")
	}
	st := r.Stints()
	if len(st) != 3 || st[0].From != 1 || st[2].To != len(r.State().Steps) {
		t.Fatalf("stints %+v", st)
	}
	for i := 1; i < len(st); i++ {
		if st[i].From != st[i-1].To+1 {
			t.Fatalf("stints do not follow each other: %+v", st)
		}
	}
	if st[1].Label != "Startup" || st[1].Track != "startup" || st[2].Label != "Big company" {
		t.Fatalf("stints %+v", st)
	}
}
