package main

import (
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// cmdCheck is the content gate CI runs: for every scenario, the calibration
// bands hold, every event fires in some run of the random bot, every ending
// is reached by some bot, and no run fails to finish.
func cmdCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	runs := fs.Int("runs", 1500, "runs per bot")
	seed := fs.Uint64("seed", 1, "base seed")
	only := fs.String("scenario", "", "check only this scenario")
	var dirs dirsFlag
	fs.Var(&dirs, "scenarios", "extra scenario folder (repeatable)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	scs, err := library(dirs, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim:", err)
		return 1
	}
	failed := 0
	for _, sc := range scs {
		if *only != "" && sc.ID != *only {
			continue
		}
		problems, err := checkScenario(sc, *runs, *seed, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "careersim check %s: %v\n", sc.ID, err)
			return 1
		}
		for _, p := range problems {
			fmt.Fprintf(stdout, "  FAIL %s\n", p)
		}
		if len(problems) > 0 {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "%d scenario(s) failed the content check\n", failed)
		return 1
	}
	fmt.Fprintln(stdout, "all scenarios pass the content check")
	return 0
}

func checkScenario(sc *scenario.Scenario, runs int, seed uint64, stdout io.Writer) ([]string, error) {
	var problems []string
	cfg := sim.BalanceConfig{Runs: runs, Seed: seed, Bot: "typical"}
	rep, err := sim.Balance(sc, cfg)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "%s (v%d): %d runs, %.0f decisions/s\n", sc.ID, sc.Version, runs, rep.DecisionsPerSecond)
	for _, b := range rep.Calibration {
		mark := "ok  "
		if !b.Pass {
			mark = "MISS"
			problems = append(problems, fmt.Sprintf("%s: band %s (%s) measured %s, outside %s", sc.ID, b.ID, b.Label, bandValue(b.Metric, b.Value), bandRange(b)))
		}
		fmt.Fprintf(stdout, "  %s %-40s %10s in %s\n", mark, b.ID, bandValue(b.Metric, b.Value), bandRange(b))
	}
	reached := map[string]bool{}
	for _, e := range rep.Endings {
		if e.Count > 0 {
			reached[e.ID] = true
		}
	}
	for _, bot := range sc.Bots {
		if bot.Name == "typical" {
			continue
		}
		r, err := sim.Balance(sc, sim.BalanceConfig{Runs: runs, Seed: seed, Bot: bot.Name, NoBands: true})
		if err != nil {
			return nil, err
		}
		if r.Failures > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d runs of the %s bot did not finish", sc.ID, r.Failures, bot.Name))
		}
		for _, e := range r.Endings {
			if e.Count > 0 {
				reached[e.ID] = true
			}
		}
		if bot.Name == "random" && len(r.NeverFired) > 0 {
			problems = append(problems, fmt.Sprintf("%s: events never fired in %d random-bot runs: %s", sc.ID, runs, strings.Join(r.NeverFired, ", ")))
		}
	}
	var unreached []string
	for _, e := range sc.Endings {
		if !reached[e.ID] {
			unreached = append(unreached, e.ID)
		}
	}
	if len(unreached) > 0 {
		problems = append(problems, fmt.Sprintf("%s: endings no bot reached: %s", sc.ID, strings.Join(unreached, ", ")))
	}
	if rep.Failures > 0 {
		problems = append(problems, fmt.Sprintf("%s: %d runs of the typical bot did not finish", sc.ID, rep.Failures))
	}
	return problems, nil
}

func bandValue(metric string, v float64) string {
	if metric == "median_month" {
		if v == 0 {
			return "never"
		}
		return fmt.Sprintf("month %.0f", v)
	}
	return fmt.Sprintf("%.1f%%", v*100)
}

func bandRange(b sim.BandResult) string {
	if b.Metric == "median_month" {
		return fmt.Sprintf("%.0f-%.0f", b.Min, b.Max)
	}
	return fmt.Sprintf("%.0f-%.0f%%", b.Min*100, b.Max*100)
}
