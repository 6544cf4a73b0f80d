package history

import (
	"os"
	"strings"
	"testing"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// phasedScenario loads the guide's two-office example (format 2, a switch
// each way).
func phasedScenario(t *testing.T) *scenario.Scenario {
	t.Helper()
	data, err := os.ReadFile("../../docs/examples/two_offices.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, errs := scenario.Parse("two_offices.toml", data)
	if sc == nil || len(errs) > 0 {
		t.Fatal(errs)
	}
	return sc
}

// TestRecordPhases: a format-2 run's record keeps its stints, they survive
// the line codec, and PhaseTimes sums them by phase.
func TestRecordPhases(t *testing.T) {
	sc := phasedScenario(t)
	r := sim.New(sc, 3, sim.Options{})
	for _, want := range []string{"Join her", "Go back"} {
		for k := 0; ; k++ {
			if k > 30 || r.Done() {
				t.Fatalf("never offered %q", want)
			}
			n := 0
			for i, c := range r.Choices() {
				if c.Available && c.Label == want {
					n = i
				}
			}
			label := r.Choices()[n].Label
			if _, err := r.Pick(n); err != nil {
				t.Fatal(err)
			}
			if label == want {
				break
			}
		}
	}
	for !r.Done() {
		if _, err := r.Pick(0); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := FromRun(r, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Phases) != 3 || rec.Phases[0] != (Stint{From: 1, Phase: "bigco"}) || rec.Phases[1].Phase != "startup" || rec.Phases[2].Phase != "bigco" {
		t.Fatalf("phases %+v", rec.Phases)
	}
	line, err := EncodeLine(rec)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := DecodeLine(line)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Phases) != 3 || back.Phases[1] != rec.Phases[1] {
		t.Fatalf("decoded phases %+v", back.Phases)
	}
	pt := rec.PhaseTimes()
	if len(pt) != 2 || pt[0].Phase != "bigco" || pt[0].Stints != 2 || pt[1].Phase != "startup" || pt[0].Months+pt[1].Months != rec.Months {
		t.Fatalf("phase times %+v over %d months", pt, rec.Months)
	}
	// Stints out of order or range are refused.
	for _, bad := range [][]Stint{
		{{From: 1, Phase: "bigco"}, {From: 1, Phase: "startup"}},
		{{From: 0, Phase: "bigco"}},
		{{From: rec.Months + 1, Phase: "bigco"}},
		{{From: 1, Phase: ""}},
	} {
		b := rec
		b.Phases = bad
		if _, err := EncodeLine(b); err == nil || !strings.Contains(err.Error(), "phases") {
			t.Errorf("stints %+v: %v", bad, err)
		}
	}
}
