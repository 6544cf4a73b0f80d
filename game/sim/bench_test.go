package sim_test

import (
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Benchmarks of the rules for mini.toml and every bundled scenario (the
// bundled set is read from scenarios.FS, so new scenarios are included).
// Run them with `make bench`, or:
//
//	go test -run '^$' -bench . -benchmem ./game/sim/
//
// ns/decision is the time of one month: the pick, its outcome, the monthly
// rules, the systems, the endings and the next card.

// recorded is one random-bot run: its seed and its picks.
type recorded struct {
	seed  uint64
	picks []int
}

// recordRuns plays n random-bot runs of sc to replay in a benchmark.
func recordRuns(b *testing.B, sc *scenario.Scenario, n int) []recorded {
	b.Helper()
	bot, err := sim.NewBot(sc, "random")
	if err != nil {
		b.Fatal(err)
	}
	out := make([]recorded, n)
	for i := range out {
		seed := uint64(1000 + i)
		out[i] = recorded{seed: seed, picks: bot.Play(seed, sim.Options{}).State().Picks()}
	}
	return out
}

// BenchmarkStep measures one month step in steady state: the picks of
// recorded random runs are replayed with PickIndex; starting a new run
// when one ends happens outside the timer.
func BenchmarkStep(b *testing.B) {
	for _, sc := range allScenarios(b) {
		b.Run(sc.ID, func(b *testing.B) {
			benchSteps(b, sc, func(r *sim.Run, pick int) error { return r.PickIndex(pick) })
		})
	}
}

// BenchmarkStepReport is BenchmarkStep through the path the game and the
// text mode use, which also builds the month's report.
func BenchmarkStepReport(b *testing.B) {
	for _, sc := range allScenarios(b) {
		b.Run(sc.ID, func(b *testing.B) {
			benchSteps(b, sc, func(r *sim.Run, pick int) error { _, err := r.PickIndexReport(pick); return err })
		})
	}
}

func benchSteps(b *testing.B, sc *scenario.Scenario, step func(*sim.Run, int) error) {
	runs := recordRuns(b, sc, 64)
	k, j := 0, 0
	r := sim.New(sc, runs[0].seed, sim.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if j == len(runs[k].picks) {
			b.StopTimer()
			k, j = (k+1)%len(runs), 0
			r = sim.New(sc, runs[k].seed, sim.Options{})
			b.StartTimer()
		}
		if err := step(r, runs[k].picks[j]); err != nil {
			b.Fatal(err)
		}
		j++
	}
	reportDecisions(b, int64(b.N))
}

// BenchmarkRun measures whole runs played by a bot, from New to the
// ending, bot decisions included.
func BenchmarkRun(b *testing.B) {
	for _, sc := range allScenarios(b) {
		for _, name := range []string{"random", "typical"} {
			b.Run(sc.ID+"/"+name, func(b *testing.B) {
				bot, err := sim.NewBot(sc, name)
				if err != nil {
					b.Fatal(err)
				}
				var decisions int64
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r := bot.Play(uint64(i), sim.Options{})
					decisions += int64(len(r.State().Steps))
				}
				reportDecisions(b, decisions)
				b.ReportMetric(float64(decisions)/float64(b.N), "decisions/run")
			})
		}
	}
}

// reportDecisions adds ns/decision and decisions/s (on one core: the
// benchmark loop runs on one goroutine).
func reportDecisions(b *testing.B, decisions int64) {
	if decisions == 0 {
		return
	}
	ns := float64(b.Elapsed().Nanoseconds()) / float64(decisions)
	b.ReportMetric(ns, "ns/decision")
	b.ReportMetric(1e9/ns, "decisions/s")
}
