package main

import (
	"fmt"
	"io"
	"slices"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

// smokeRuns is how many random playthroughs validate plays per scenario.
const smokeRuns = 20

func cmdValidate(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	quiet := fs.Bool("q", false, "print only problems")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: careersim validate [-q] [PATH...]\n\nChecks scenario files or folders (default: the bundled set). Exit 0 when clean (warnings allowed), 1 otherwise.")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var scs []*scenario.Scenario
	var errs scenario.Errors
	if fs.NArg() == 0 {
		scs, errs = scenario.LoadBundled(scenarios.FS)
	} else {
		scs, errs = scenario.LoadPaths(fs.Args())
		// A user scenario is checked against the bundled ones it would
		// meet in the game.
		bundled, _ := scenario.LoadBundled(scenarios.FS)
		_, merrs := scenario.Combine(bundled, scs)
		for _, e := range merrs {
			if !e.Warning {
				scs = slices.DeleteFunc(scs, func(sc *scenario.Scenario) bool { return sc.File == e.File })
			}
		}
		errs = append(errs, merrs...)
	}
	// What only play shows: a few random playthroughs of each.
	var ok []*scenario.Scenario
	for _, sc := range scs {
		if err := sim.Smoke(sc, smokeRuns); err != nil {
			errs = append(errs, scenario.Error{File: sc.File, Msg: err.Error()})
			continue
		}
		ok = append(ok, sc)
	}
	scs = ok
	for _, e := range errs {
		fmt.Fprintln(stdout, e.Error())
	}
	if !*quiet {
		for _, sc := range scs {
			fmt.Fprintf(stdout, "ok   %s (%s): %d stats, %d events, %d endings\n", sc.File, sc.ID, len(sc.Stats), len(sc.Events), len(sc.Endings))
		}
	}
	nerr := len(errs) - len(errs.Warnings())
	if nerr > 0 {
		fmt.Fprintf(stdout, "%d error(s), %d warning(s)\n", nerr, len(errs.Warnings()))
		return 1
	}
	return 0
}
