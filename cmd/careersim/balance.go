package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

func cmdBalance(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("balance", stderr)
	id := fs.String("scenario", "", "scenario id")
	runs := fs.Int("runs", 2000, "playthroughs per bot")
	seed := fs.Uint64("seed", 1, "base seed (run i uses a seed derived from it)")
	bot := fs.String("bot", "typical", "bot: random, typical, cautious, bold, first, second, last, a scenario's own, or all")
	asJSON := fs.Bool("json", false, "print JSON")
	workers := fs.Int("workers", 0, "parallel workers (default: one per core)")
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
	sc, err := findScenario(scs, *id)
	if err != nil {
		fmt.Fprintln(stderr, "careersim balance:", err)
		return 2
	}
	if *runs < 1 || *runs > 10_000_000 {
		fmt.Fprintln(stderr, "careersim balance: --runs must be 1 to 10000000")
		return 2
	}
	cfg := sim.BalanceConfig{Runs: *runs, Seed: *seed, Bot: *bot, Workers: *workers}
	if *runs >= 5000 {
		cfg.Progress = func(done, total int) {
			fmt.Fprintf(stderr, "\rbalance %s: %d/%d runs", sc.ID, done, total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	if *bot == "all" {
		return balanceAll(sc, cfg, *asJSON, stdout, stderr)
	}
	rep, err := sim.Balance(sc, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "careersim balance:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "careersim balance:", err)
			return 1
		}
	} else {
		printBalance(stdout, sc, rep)
	}
	if !rep.Passed() {
		fmt.Fprintf(stderr, "careersim balance: %s misses a calibration band\n", sc.ID)
		return 1
	}
	if rep.Failures > 0 {
		fmt.Fprintf(stderr, "careersim balance: %d runs failed to finish\n", rep.Failures)
		return 1
	}
	return 0
}

func balanceAll(sc *scenario.Scenario, cfg sim.BalanceConfig, asJSON bool, stdout, stderr io.Writer) int {
	cmp, err := sim.CompareBots(sc, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "careersim balance:", err)
		return 2
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(cmp)
	} else {
		fmt.Fprintf(stdout, "%s: median outcome by bot (%d runs each)\n\n", sc.ID, cfg.Runs)
		fmt.Fprintf(stdout, "%-10s %12s %7s %7s %10s %9s %14s\n", "bot", "wealth", "level", "skills", "wellbeing", "autonomy", "thrived/good")
		for _, b := range cmp.Bots {
			m := cmp.Medians[b]
			fmt.Fprintf(stdout, "%-10s %12s %7.1f %7.0f %10.0f %9.0f %13.0f%%\n", b, sim.FormatValue(m[0], scenario.Money), m[1], m[2], m[3], m[4], cmp.Thrived[b]*100)
		}
		fmt.Fprintf(stdout, "\n%s\n", cmp.Verdict)
	}
	return 0
}

func printBalance(w io.Writer, sc *scenario.Scenario, rep *sim.BalanceReport) {
	fmt.Fprintf(w, "%s v%d — %d runs by the %s bot (seed %d)\n\n", sc.Title, sc.Version, rep.Runs, rep.Bot, rep.Seed)
	fmt.Fprintln(w, "Endings")
	for _, e := range rep.Endings {
		fmt.Fprintf(w, "  %5.1f%%  %-10s %s\n", e.Share*100, e.Category, e.Title)
	}
	fmt.Fprintln(w, "\nOutcome axes (p10 / median / p90)")
	for _, a := range rep.Axes {
		u := unitOf(a.Unit)
		fmt.Fprintf(w, "  %-10s %10s %10s %10s\n", a.Name, sim.FormatValue(a.P10, u), sim.FormatValue(a.P50, u), sim.FormatValue(a.P90, u))
	}
	fmt.Fprintln(w, "\nStats at the end (min / p10 / median / p90 / max)")
	for _, s := range rep.Stats {
		u := unitOf(s.Unit)
		fmt.Fprintf(w, "  %-14s %10s %10s %10s %10s %10s\n", s.Name, sim.FormatValue(s.Min, u), sim.FormatValue(s.P10, u), sim.FormatValue(s.P50, u), sim.FormatValue(s.P90, u), sim.FormatValue(s.Max, u))
	}
	fmt.Fprintf(w, "\nCoverage: %d of %d events fired in some run", len(sc.Events)-len(rep.NeverFired), len(sc.Events))
	if len(rep.NeverFired) > 0 {
		fmt.Fprintf(w, "; never fired: %s", strings.Join(rep.NeverFired, ", "))
	}
	fmt.Fprintf(w, "\nQuiet months (no event eligible): %.1f%%\n", rep.QuietMonths*100)
	fmt.Fprintf(w, "Repeats: %.1f%% of months show a card the run has already shown; %.1f different cards per run\n", rep.RepeatShare*100, rep.DistinctCards)
	if len(rep.Phases) > 0 {
		parts := make([]string, len(rep.Phases))
		for i, p := range rep.Phases {
			parts[i] = fmt.Sprintf("%s %.1f%%", p.ID, p.Share*100)
		}
		fmt.Fprintf(w, "Phases (runs with a month or more there): %s\n", strings.Join(parts, ", "))
	}
	if len(rep.Repeats) > 0 {
		fmt.Fprint(w, "  most repeated (times per run):")
		for i, e := range rep.Repeats[:min(len(rep.Repeats), 6)] {
			sep := ","
			if i == 0 {
				sep = ""
			}
			fmt.Fprintf(w, "%s %s %.1f", sep, e.ID, e.Shows)
		}
		fmt.Fprintln(w)
	}
	if len(rep.Calibration) > 0 {
		fmt.Fprintln(w, "\nCalibration bands")
		for _, b := range rep.Calibration {
			mark := "PASS"
			if !b.Pass {
				mark = "MISS"
			}
			val, lo, hi := fmt.Sprintf("%.1f%%", b.Value*100), fmt.Sprintf("%.0f%%", b.Min*100), fmt.Sprintf("%.0f%%", b.Max*100)
			if b.Metric == "median_month" {
				val, lo, hi = bandValue(b.Metric, b.Value), fmt.Sprintf("%.0f", b.Min), fmt.Sprintf("%.0f", b.Max)
			}
			fmt.Fprintf(w, "  %s  %-55s %12s  band %s-%s  [%s bot, %s]\n", mark, b.Label, val, lo, hi, b.Bot, b.Source)
		}
	}
	fmt.Fprintf(w, "\nSpeed: %d decisions in %.2fs on %d workers = %.0f decisions/s\n", rep.Decisions, rep.Seconds, rep.Workers, rep.DecisionsPerSecond)
	fmt.Fprintln(w, "\nSample run codes (careersim replay CODE):")
	for _, c := range rep.SampleCodes {
		fmt.Fprintln(w, "  "+c)
	}
}

func unitOf(name string) scenario.Unit {
	for _, u := range []scenario.Unit{scenario.Money, scenario.Months, scenario.Percent, scenario.Fraction, scenario.Level} {
		if u.String() == name {
			return u
		}
	}
	return scenario.Plain
}
