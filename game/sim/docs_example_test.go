package sim_test

import (
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// TestDocsFormat2ExamplePlays plays docs/examples/two_offices.toml, the
// guide's annotated format-2 example, with the random bot and checks that
// what the guide says it shows happens in play: switches both ways,
// vesting, the ladder only at the big company and funding only at the
// startup, filled-in placeholders, variants and a follow-up's cause.
func TestDocsFormat2ExamplePlays(t *testing.T) {
	sc, errs := scenario.LoadFile("../../docs/examples/two_offices.toml")
	if sc == nil || len(errs) > 0 {
		t.Fatalf("%v", errs)
	}
	bigco, _ := sc.PhaseIndex("bigco")
	startup, _ := sc.PhaseIndex("startup")
	bot, _ := sim.NewBot(sc, "random")
	seen := map[string]int{}
	for seed := uint64(1); seed <= 150; seed++ {
		code, _ := sim.ParseCode(bot.Play(seed, sim.Options{}).Code())
		r := sim.New(sc, seed, sim.Options{})
		for _, p := range code.Picks {
			before := r.Phase()
			c := r.Card()
			for _, s := range append([]string{c.Title, c.Text}, labels(c)...) {
				if strings.ContainsAny(s, "{}") {
					t.Fatalf("seed %d month %d: a placeholder was not filled in: %q", seed, r.Month(), s)
				}
			}
			if c.Kind == sim.CardOffer && before != startup {
				t.Fatalf("seed %d month %d: a funding offer outside the startup", seed, r.Month())
			}
			if strings.HasPrefix(c.Text, "Monday again:") {
				seen["standup variant"]++
			}
			if c.ID == "demo_echo" && strings.HasPrefix(c.Because, "Month ") {
				seen["because"]++
			}
			rep, err := r.PickIndexReport(p)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Calibration != nil {
				seen["calibration"]++
				if before != bigco {
					t.Fatalf("seed %d month %d: a calibration outside the big company", seed, rep.Month)
				}
			}
			if strings.Contains(rep.Text, "Payroll bounces.") {
				seen["broke"]++
			}
			for _, n := range rep.Notes {
				if strings.Contains(n.Text, "of your grant vests") {
					seen["vesting"]++
				}
			}
			switch {
			case before == bigco && r.Phase() == startup:
				seen["to startup"]++
			case before == startup && r.Phase() == bigco:
				seen["back"]++
				if lv, _ := sc.StatIndex("level"); r.Value(lv) != 1 {
					t.Fatalf("seed %d: a boomerang comes back at level %v, want 1", seed, r.Value(lv))
				}
			}
		}
		if e := r.Ending(); e.Title == "There and back" || e.Title == "Still building" {
			seen["ending variant"]++
		}
	}
	for _, k := range []string{"to startup", "back", "vesting", "calibration", "broke", "standup variant", "because", "ending variant"} {
		if seen[k] == 0 {
			t.Errorf("150 random runs never showed %s", k)
		}
	}
	t.Logf("%v", seen)
}

func labels(c sim.CardView) []string {
	var out []string
	for _, ch := range c.Choices {
		out = append(out, ch.Label, ch.Blocked)
		for _, o := range ch.Odds {
			out = append(out, o.Label)
		}
	}
	return out
}
