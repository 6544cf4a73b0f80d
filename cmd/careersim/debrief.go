package main

import (
	"fmt"
	"io"
	"os"

	"runwayladder/game/history"
	"runwayladder/game/sim"
	"runwayladder/game/words"
)

// cmdDebrief reads the run codes a workshop collected and prints a debrief
// (history.NewDebrief): endings by path, the spread of outcomes next to the
// typical bot's base rates, and the decisions where the room split.
func cmdDebrief(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("debrief", stderr)
	fs := c.flags
	baseline := fs.Int("baseline", 1000, "typical-bot runs per scenario for the base rates (0 to skip)")
	c.withScenarios("")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: careersim debrief [FILE...]\n\nReads run codes, one per line (from files, or stdin when none), and prints a debrief of the group.")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	var codes []history.CodeLine
	var skipped []history.Skipped
	read := func(r io.Reader, name string) error {
		c, s, err := history.ReadCodes(r, name)
		codes, skipped = append(codes, c...), append(skipped, s...)
		return err
	}
	if fs.NArg() == 0 {
		if err := read(stdin, "stdin"); err != nil {
			return c.fail(err)
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return c.fail(err)
		}
		err = read(f, name)
		f.Close()
		if err != nil {
			return c.fail(err)
		}
	}
	d, err := history.NewDebrief(scs, codes, history.DebriefConfig{Baseline: *baseline})
	d.Skipped = append(skipped, d.Skipped...)
	for _, s := range d.Skipped {
		if s.Line > 0 {
			fmt.Fprintf(stdout, "skipped %s:%d (%q): %s\n", s.Source, s.Line, s.Text, s.Reason)
		} else {
			fmt.Fprintf(stdout, "skipped in %s: %s\n", s.Source, s.Reason)
		}
	}
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(stdout, "Debrief of %d %s", d.Runs, words.Plural(d.Runs, "run", "runs"))
	if d.Repeats > 0 {
		fmt.Fprintf(stdout, " (%d repeated %s counted once)", d.Repeats, words.Plural(d.Repeats, "code", "codes"))
	}
	if n := len(d.Skipped); n > 0 {
		fmt.Fprintf(stdout, " (%d %s skipped)", n, words.Plural(n, "line", "lines"))
	}
	fmt.Fprintln(stdout)
	for i := range d.Scenarios {
		printDebrief(stdout, &d.Scenarios[i])
	}
	return 0
}

func printDebrief(w io.Writer, sd *history.ScenarioDebrief) {
	fmt.Fprintf(w, "\n== %s: %d %s ==\n", sd.Title, sd.Runs, words.Plural(sd.Runs, "run", "runs"))
	fmt.Fprintln(w, "Endings (the room / the typical bot):")
	for _, e := range sd.Endings {
		fmt.Fprintf(w, "  %-10s %-34s %3d (%3.0f%%)", e.Category, e.Title, e.Count, e.Share*100)
		if sd.Baseline > 0 {
			fmt.Fprintf(w, "   typical %3.0f%%", e.Typical*100)
		}
		fmt.Fprintln(w)
	}
	if sd.Unfinished > 0 {
		fmt.Fprintf(w, "  %d runs not finished yet\n", sd.Unfinished)
	}
	fmt.Fprintln(w, "Outcomes (the room's median, lowest-highest; the typical bot's median):")
	for _, a := range sd.Axes {
		fmt.Fprintf(w, "  %-10s %10s  (%s to %s)", a.Axis, sim.FormatValue(a.Median, a.Unit), sim.FormatValue(a.Min, a.Unit), sim.FormatValue(a.Max, a.Unit))
		if sd.Baseline > 0 {
			fmt.Fprintf(w, "   typical %s", sim.FormatValue(a.Typical, a.Unit))
		}
		fmt.Fprintln(w)
	}
	for _, s := range sd.Splits {
		fmt.Fprintf(w, "The room split in month %d (session seed %d), %q:\n", s.Month, s.Seed, s.Card)
		for _, c := range s.Choices {
			fmt.Fprintf(w, "  %2d chose %q\n", c.Count, c.Label)
		}
	}
}
