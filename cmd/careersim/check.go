package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// cmdCheck is the content gate CI runs: for every scenario, the calibration
// bands hold and can fail, every event fires in some run of the random bot,
// every ending is reached by some bot, no run fails to finish, and the
// positional bots (the player who does not read) end good or thrived at
// least 5 points less often than the typical player.
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
	for _, b := range sc.Calibration {
		if why := degenerateBand(b, sc.Months); why != "" {
			problems = append(problems, fmt.Sprintf("%s: band %s cannot fail: %s", sc.ID, b.ID, why))
		}
	}
	reached := map[string]bool{}
	for _, e := range rep.Endings {
		if e.Count > 0 {
			reached[e.ID] = true
		}
	}
	fmt.Fprintf(stdout, "  good or thrived: typical %.1f%%", rep.GoodOrThrived*100)
	for _, bot := range sim.BotNames(sc) {
		if bot == "typical" {
			continue
		}
		r, err := sim.Balance(sc, sim.BalanceConfig{Runs: runs, Seed: seed, Bot: bot, NoBands: true})
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stdout, ", %s %.1f%%", bot, r.GoodOrThrived*100)
		if r.Failures > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d runs of the %s bot did not finish", sc.ID, r.Failures, bot))
		}
		for _, e := range r.Endings {
			if e.Count > 0 {
				reached[e.ID] = true
			}
		}
		if bot == "random" && len(r.NeverFired) > 0 {
			problems = append(problems, fmt.Sprintf("%s: events never fired in %d random-bot runs: %s", sc.ID, runs, strings.Join(r.NeverFired, ", ")))
		}
		if positional(bot) && r.GoodOrThrived > rep.GoodOrThrived-positionalMargin {
			problems = append(problems, fmt.Sprintf("%s: the %s bot (always the %s choice) ends good or thrived in %.1f%% of runs, within %.0f points of the typical player's %.1f%%: pressing the same button without reading pays", sc.ID, bot, bot, r.GoodOrThrived*100, positionalMargin*100, rep.GoodOrThrived*100))
		}
	}
	fmt.Fprintln(stdout)
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

// positionalMargin is how much less often than the typical player a
// positional bot may end good or thrived, at most.
const positionalMargin = 0.05

func positional(bot string) bool {
	for _, p := range sim.PositionalBots() {
		if p.Name == bot {
			return true
		}
	}
	return false
}

// degenerateBand says why a band cannot fail, or "" when it can: a share
// band that includes 0% passes a rule that makes the thing never happen (a
// 0-10% band measuring 0.0% checks nothing), one that includes 100% passes
// a rule that makes it always happen, and a median-month band spanning the
// whole run passes any timing.
func degenerateBand(b scenario.Calibration, months int) string {
	switch b.Metric {
	case "share":
		if b.Min <= 0 {
			return fmt.Sprintf("its interval %s includes 0%%, so a rule that makes it never happen passes; set min above 0", bandInterval(b.Metric, b.Min, b.Max))
		}
		if b.Max >= 1 {
			return fmt.Sprintf("its interval %s includes 100%%, so a rule that makes it always happen passes; set max below 1", bandInterval(b.Metric, b.Min, b.Max))
		}
	case "median_month":
		if b.Min <= 1 && b.Max >= float64(months) {
			return fmt.Sprintf("its interval %s spans the whole run of %d months", bandInterval(b.Metric, b.Min, b.Max), months)
		}
	}
	return ""
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

func bandRange(b sim.BandResult) string { return bandInterval(b.Metric, b.Min, b.Max) }

func bandInterval(metric string, lo, hi float64) string {
	if metric == "median_month" {
		return fmt.Sprintf("%.0f-%.0f", lo, hi)
	}
	pct := func(x float64) string { return strconv.FormatFloat(math.Round(x*1000)/10, 'f', -1, 64) }
	return fmt.Sprintf("%s-%s%%", pct(lo), pct(hi))
}
