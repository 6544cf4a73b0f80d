package history

import (
	"sync"
	"testing"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

// bundled loads the scenarios that ship with the game.
// Loaded once: scenarios are read-only after load.
func bundled(t testing.TB) []*scenario.Scenario {
	t.Helper()
	bundledOnce.Do(func() {
		bundledScs, bundledErr = scenario.LoadBundled(scenarios.FS)
	})
	if bundledErr.HasErrors() {
		t.Fatal(bundledErr)
	}
	if len(bundledScs) == 0 {
		t.Fatal("no bundled scenarios")
	}
	return bundledScs
}

var (
	bundledOnce sync.Once
	bundledScs  []*scenario.Scenario
	bundledErr  scenario.Errors
)

// t0 is the time the test runs "finish".
var t0 = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

// played returns n records of bot runs of sc, seeds 1..n.
func played(t testing.TB, sc *scenario.Scenario, bot string, n int) []Record {
	t.Helper()
	b, err := sim.NewBot(sc, bot)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Record, n)
	for i := range out {
		r := b.Play(uint64(i+1), sim.Options{})
		rec, err := FromRun(r, t0.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		out[i] = rec
	}
	return out
}

// fake returns a valid record without playing: its code holds seed and
// months zero picks, which is all Validate checks.
func fake(t testing.TB, scen, track string, seed uint64, months int, cat scenario.Category, o sim.Outcome) Record {
	t.Helper()
	code, err := sim.Code{Scenario: scen, Version: 1, Seed: seed, Picks: make([]int, months)}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return Record{V: FormatVersion, Code: code, Scenario: scen, Content: 1, ScenarioTitle: "Title of " + scen, Track: track,
		Ending: "end_" + string(cat), Category: string(cat), Wealth: o.Wealth, Level: o.Level, Skills: o.Skills,
		Wellbeing: o.Wellbeing, Autonomy: o.Autonomy, Months: months, FinishedAt: t0}
}

func mustLine(t testing.TB, r Record) []byte {
	t.Helper()
	b, err := EncodeLine(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
