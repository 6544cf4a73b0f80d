package sim_test

import (
	"encoding/json"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

func forkScenarios(t *testing.T) []*scenario.Scenario {
	t.Helper()
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	if len(scs) == 0 {
		t.Fatal("no bundled scenarios")
	}
	return scs
}

// playOn finishes a run with a bot, numbering decisions from the run's
// current step as Bot.Play does.
func playOn(t *testing.T, r *sim.Run, bot *sim.Bot) {
	t.Helper()
	for d := len(r.State().Steps); !r.Done(); d++ {
		if err := r.PickIndex(bot.Choose(r, d)); err != nil {
			t.Fatal(err)
		}
	}
}

func stateJSON(t *testing.T, r *sim.Run) string {
	t.Helper()
	b, err := json.Marshal(r.State())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestForkSameSeedIsExactCopy(t *testing.T) {
	for _, sc := range forkScenarios(t) {
		bot, _ := sim.NewBot(sc, "typical")
		for seed := uint64(1); seed <= 20; seed++ {
			whole := bot.Play(seed, sim.Options{Record: true})
			picks := whole.State().Picks()
			at := len(picks) / 2
			r := sim.New(sc, seed, sim.Options{Record: true})
			for _, p := range picks[:at] {
				if err := r.PickIndex(p); err != nil {
					t.Fatal(err)
				}
			}
			f := r.Fork(seed)
			for _, p := range picks[at:] {
				if err := f.PickIndex(p); err != nil {
					t.Fatalf("%s seed %d: fork with its own seed refuses the original pick: %v", sc.ID, seed, err)
				}
			}
			if got, want := stateJSON(t, f), stateJSON(t, whole); got != want {
				t.Fatalf("%s seed %d: fork with the same seed diverged from the original run", sc.ID, seed)
			}
			if len(r.State().Steps) != at {
				t.Fatalf("%s seed %d: playing the fork changed the original", sc.ID, seed)
			}
		}
	}
}

func TestForkKeepsThePastAndVariesTheFuture(t *testing.T) {
	for _, sc := range forkScenarios(t) {
		bot, _ := sim.NewBot(sc, "typical")
		base := sim.New(sc, 7, sim.Options{})
		for d := 0; d < 3 && !base.Done(); d++ {
			if err := base.PickIndex(bot.Choose(base, d)); err != nil {
				t.Fatal(err)
			}
		}
		before := stateJSON(t, base)
		endings := map[string]int{}
		months := map[int]bool{}
		for seed := uint64(100); seed < 160; seed++ {
			f := base.Fork(seed)
			st := f.State()
			if st.Month != base.Month() || len(st.Steps) != 3 || st.Card != base.State().Card {
				t.Fatalf("%s: fork did not keep the past", sc.ID)
			}
			playOn(t, f, bot)
			o := f.Outcome()
			endings[o.Ending]++
			months[o.Months] = true
			// Same new seed, same future.
			g := base.Fork(seed)
			playOn(t, g, bot)
			if stateJSON(t, g) != stateJSON(t, f) {
				t.Fatalf("%s: two forks with seed %d differ", sc.ID, seed)
			}
		}
		if stateJSON(t, base) != before {
			t.Fatalf("%s: forking changed the original run", sc.ID)
		}
		if len(endings) < 2 && len(months) < 2 {
			t.Errorf("%s: 60 forks with different seeds all ended the same way (%v): the future is not reseeded", sc.ID, endings)
		}
	}
}
