package main

import (
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

func cmdReplay(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("replay", stderr)
	fs := c.flags
	quiet := fs.Bool("outcome", false, "print only the ending and outcome")
	c.withScenarios("")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: careersim replay [-outcome] CODE")
		return 2
	}
	code, err := sim.ParseCode(fs.Arg(0))
	if err != nil {
		return c.fail(err)
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	sc, ok := scenario.Find(scs, code.Scenario)
	if !ok {
		fmt.Fprintf(stderr, "careersim replay: the code is for scenario %q, which is not installed (have: %s)\n", code.Scenario, ids(scs))
		return 1
	}
	if _, err := sim.Replay(sc, code, sim.Options{}); err != nil {
		return c.fail(err)
	}
	// Replay again, printing each month as it is played.
	r := sim.New(sc, code.Seed, sim.Options{})
	t := sim.Transcript{W: stdout}
	if *quiet {
		t.W = io.Discard
	}
	t.Intro(r)
	for _, p := range code.Picks {
		t.Month(r)
		fmt.Fprintf(t.W, "> %s\n", choiceNumber(r, p))
		rep, err := r.PickIndexReport(p)
		if err != nil {
			return c.fail(err)
		}
		t.Report(r, rep)
	}
	if !r.Done() {
		fmt.Fprintf(stdout, "\nThe code stops at month %d, before an ending.\n", r.Month())
		return 0
	}
	sim.Transcript{W: stdout}.Ending(r)
	return 0
}

// choiceNumber is the number the player pressed for a full-list index.
func choiceNumber(r *sim.Run, index int) string {
	for i, c := range r.Choices() {
		if c.Index == index {
			return fmt.Sprintf("%d", i+1)
		}
	}
	return strings.TrimSpace(fmt.Sprintf("#%d", index+1))
}
