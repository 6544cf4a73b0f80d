package sim_test

import (
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

func TestKeyDecisions(t *testing.T) {
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	for _, sc := range scs {
		bot, err := sim.NewBot(sc, "random")
		if err != nil {
			t.Fatal(err)
		}
		r := bot.Play(42, sim.Options{})
		kds := sim.KeyDecisions(r, 3)
		if len(kds) == 0 || len(kds) > 3 {
			t.Fatalf("%s: %d key decisions, want 1-3", sc.ID, len(kds))
		}
		for i, kd := range kds {
			if kd.PickedOption < 0 || kd.Best < 0 || len(kd.Options) < 2 || len(kd.Values) != len(kd.Options) {
				t.Errorf("%s: malformed key decision %+v", sc.ID, kd)
			}
			if i > 0 && kds[i-1].Month > kd.Month {
				t.Errorf("%s: key decisions not in month order", sc.ID)
			}
			if got := r.State().Steps[kd.Step].Month; got != kd.Month {
				t.Errorf("%s: step %d is month %d, decision says %d", sc.ID, kd.Step, got, kd.Month)
			}
		}
		// The same run gives the same answer.
		again := sim.KeyDecisions(r, 3)
		for i := range kds {
			if again[i].Month != kds[i].Month || again[i].Impact != kds[i].Impact {
				t.Fatalf("%s: KeyDecisions is not deterministic", sc.ID)
			}
		}
	}
}
