package main

import (
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// cmdReport writes the balance report of every scenario as Markdown
// (docs/balance.md is made by `make balance-report`).
func cmdReport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("report", stderr)
	runs := fs.Int("runs", 10000, "runs per bot")
	seed := fs.Uint64("seed", 1, "base seed")
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
	w := stdout
	fmt.Fprintf(w, "# Balance report\n\nMade by `make balance-report` (`careersim report --runs %d --seed %d`): every bundled scenario played %d times by each bot. Do not edit by hand.\n\n", *runs, *seed, *runs)
	fmt.Fprintln(w, "Bots: **random** picks any available choice; **typical** weighs expected outcomes with a quarter of picks on a whim, valuing the outcome axes and what the systems show (ladder standing, runway, rounds); **cautious** judges each choice by its worst outcome; **bold** by its best; **first**, **second** and **last** always press that position (the next available one when it is greyed out): the player who does not read. Random, typical and the positional bots are the same in every scenario; a scenario may tune cautious and bold and add bots of its own.")
	for _, sc := range scs {
		fmt.Fprintf(stderr, "report: %s\n", sc.ID)
		if err := reportScenario(w, sc, *runs, *seed); err != nil {
			fmt.Fprintf(stderr, "careersim report %s: %v\n", sc.ID, err)
			return 1
		}
	}
	return 0
}

func reportScenario(w io.Writer, sc *scenario.Scenario, runs int, seed uint64) error {
	fmt.Fprintf(w, "\n## %s (`%s`, v%d)\n\n%s months, track %s; systems: %s.\n", sc.Title, sc.ID, sc.Version, fmt.Sprint(sc.Months), sc.Track, strings.Join(sc.Systems(), ", "))
	reps := map[string]*sim.BalanceReport{}
	var names []string
	for _, b := range sim.BotNames(sc) {
		cfg := sim.BalanceConfig{Runs: runs, Seed: seed, Bot: b, NoBands: b != "typical"}
		rep, err := sim.Balance(sc, cfg)
		if err != nil {
			return err
		}
		reps[b] = rep
		names = append(names, b)
	}
	fmt.Fprintf(w, "\n### Endings\n\n| ending | category | %s |\n|---|---|%s\n", strings.Join(names, " | "), strings.Repeat("---:|", len(names)))
	for i, e := range sc.Endings {
		fmt.Fprintf(w, "| %s | %s |", e.Title, e.Category)
		for _, n := range names {
			fmt.Fprintf(w, " %.1f%% |", reps[n].Endings[i].Share*100)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "| **good or thrived** | |")
	for _, n := range names {
		fmt.Fprintf(w, " **%.1f%%** |", reps[n].GoodOrThrived*100)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "\n### Outcome axes (median, p10-p90)\n\n| axis | %s |\n|---|%s\n", strings.Join(names, " | "), strings.Repeat("---:|", len(names)))
	for a, axis := range sim.AxisNames {
		fmt.Fprintf(w, "| %s |", axis)
		for _, n := range names {
			s := reps[n].Axes[a]
			u := unitOf(s.Unit)
			fmt.Fprintf(w, " %s (%s to %s) |", sim.FormatValue(s.P50, u), sim.FormatValue(s.P10, u), sim.FormatValue(s.P90, u))
		}
		fmt.Fprintln(w)
	}
	typ := reps["typical"]
	if len(typ.Calibration) > 0 {
		fmt.Fprintf(w, "\n### Calibration bands\n\n| band | bot | measured | band | verdict | source |\n|---|---|---:|---:|---|---|\n")
		for _, b := range typ.Calibration {
			verdict := "pass"
			if !b.Pass {
				verdict = "**MISS**"
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", b.Label, b.Bot, bandValue(b.Metric, b.Value), bandRange(b), verdict, b.Source)
		}
	}
	rnd := reps["random"]
	fmt.Fprintf(w, "\n### Coverage\n\n%d of %d events fired in %d runs of the random bot", len(sc.Events)-len(rnd.NeverFired), len(sc.Events), runs)
	if len(rnd.NeverFired) > 0 {
		fmt.Fprintf(w, "; never: %s", strings.Join(rnd.NeverFired, ", "))
	}
	fmt.Fprintf(w, ". Quiet months (no event eligible): %.1f%% for the typical bot.\n", typ.QuietMonths*100)
	fmt.Fprintf(w, "\nRepeats (typical bot): %.1f%% of months show a card the run has already shown; a run meets %.1f different cards.", typ.RepeatShare*100, typ.DistinctCards)
	if len(typ.Repeats) > 0 {
		fmt.Fprint(w, " Most repeated, times per run:")
		for i, e := range typ.Repeats[:min(len(typ.Repeats), 5)] {
			sep := ","
			if i == 0 {
				sep = ""
			}
			fmt.Fprintf(w, "%s `%s` %.1f", sep, e.ID, e.Shows)
		}
		fmt.Fprint(w, ".")
	}
	fmt.Fprintln(w)
	cmp, err := sim.CompareBots(sc, sim.BalanceConfig{Runs: min(runs, 2000), Seed: seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nStrategy check: %s.\n", cmp.Verdict)
	fmt.Fprintf(w, "\nSpeed: the typical bot played %.0f decisions per second on %d workers (random bot: %.0f).\n", typ.DecisionsPerSecond, typ.Workers, rnd.DecisionsPerSecond)
	return nil
}
