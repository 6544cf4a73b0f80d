package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// cmdDebrief reads the run codes a workshop collected and prints a debrief:
// endings by path, the spread of outcomes next to the typical bot's base
// rates, and the decisions where the room split.
func cmdDebrief(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("debrief", stderr)
	baseline := fs.Int("baseline", 1000, "typical-bot runs per scenario for the base rates (0 to skip)")
	var dirs dirsFlag
	fs.Var(&dirs, "scenarios", "extra scenario folder (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: careersim debrief [FILE...]\n\nReads run codes, one per line (from files, or stdin when none), and prints a debrief of the group.")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	scs, err := library(dirs, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim:", err)
		return 1
	}
	var lines []string
	read := func(r io.Reader, name string) error {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		return nil
	}
	if fs.NArg() == 0 {
		if err := read(stdin, "stdin"); err != nil {
			fmt.Fprintln(stderr, "careersim debrief:", err)
			return 1
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, "careersim debrief:", err)
			return 1
		}
		err = read(f, name)
		f.Close()
		if err != nil {
			fmt.Fprintln(stderr, "careersim debrief:", err)
			return 1
		}
	}
	groups := map[string][]*sim.Run{}
	var order []string
	bad := 0
	for i, l := range lines {
		code, err := sim.ParseCode(l)
		if err == nil {
			sc, ok := scenario.Find(scs, code.Scenario)
			if !ok {
				err = fmt.Errorf("scenario %q is not installed", code.Scenario)
			} else {
				var r *sim.Run
				if r, err = sim.Replay(sc, code, sim.Options{}); err == nil {
					if _, seen := groups[sc.ID]; !seen {
						order = append(order, sc.ID)
					}
					groups[sc.ID] = append(groups[sc.ID], r)
					continue
				}
			}
		}
		bad++
		fmt.Fprintf(stdout, "skipped line %d (%q): %v\n", i+1, l, err)
	}
	if len(order) == 0 {
		fmt.Fprintln(stderr, "careersim debrief: no valid run codes")
		return 1
	}
	fmt.Fprintf(stdout, "Debrief of %d runs", len(lines)-bad)
	if bad > 0 {
		fmt.Fprintf(stdout, " (%d codes skipped)", bad)
	}
	fmt.Fprintln(stdout)
	for _, id := range order {
		sc, _ := scenario.Find(scs, id)
		debriefScenario(stdout, sc, groups[id], *baseline)
	}
	return 0
}

func debriefScenario(w io.Writer, sc *scenario.Scenario, runs []*sim.Run, baseline int) {
	fmt.Fprintf(w, "\n== %s: %d runs ==\n", sc.Title, len(runs))
	var base *sim.BalanceReport
	if baseline > 0 {
		base, _ = sim.Balance(sc, sim.BalanceConfig{Runs: baseline, Seed: 1, Bot: "typical", NoBands: true})
	}
	counts := map[string]int{}
	unfinished := 0
	for _, r := range runs {
		if e := r.Ending(); e != nil {
			counts[e.ID]++
		} else {
			unfinished++
		}
	}
	fmt.Fprintln(w, "Endings (the room / the typical bot):")
	for i, e := range sc.Endings {
		room := float64(counts[e.ID]) / float64(len(runs))
		if counts[e.ID] == 0 && (base == nil || base.Endings[i].Count == 0) {
			continue
		}
		fmt.Fprintf(w, "  %-10s %-34s %3d (%3.0f%%)", e.Category, e.Title, counts[e.ID], room*100)
		if base != nil {
			fmt.Fprintf(w, "   typical %3.0f%%", base.Endings[i].Share*100)
		}
		fmt.Fprintln(w)
	}
	if unfinished > 0 {
		fmt.Fprintf(w, "  %d runs not finished yet\n", unfinished)
	}
	fmt.Fprintln(w, "Outcomes (the room's median, lowest-highest; the typical bot's median):")
	units := []scenario.Unit{scenario.Money, scenario.Plain, scenario.Plain, scenario.Plain, scenario.Plain, scenario.Months}
	for a, name := range sim.AxisNames {
		vals := make([]float64, len(runs))
		for i, r := range runs {
			vals[i] = r.Outcome().Axis(a)
		}
		sort.Float64s(vals)
		fmt.Fprintf(w, "  %-10s %10s  (%s to %s)", name, sim.FormatValue(vals[len(vals)/2], units[a]), sim.FormatValue(vals[0], units[a]), sim.FormatValue(vals[len(vals)-1], units[a]))
		if base != nil {
			fmt.Fprintf(w, "   typical %s", sim.FormatValue(base.Axes[a].P50, units[a]))
		}
		fmt.Fprintln(w)
	}
	splits(w, sc, runs)
}

// splits finds, among runs that shared a seed (a workshop session), the
// first month where the room chose differently, and how it split.
func splits(w io.Writer, sc *scenario.Scenario, runs []*sim.Run) {
	bySeed := map[uint64][]*sim.Run{}
	for _, r := range runs {
		st := r.State()
		bySeed[st.Seed] = append(bySeed[st.Seed], r)
	}
	for seed, group := range bySeed {
		if len(group) < 2 {
			continue
		}
		// Identical picks mean identical cards; the first month where the
		// picks differ is where the room split.
		steps := make([][]sim.Step, len(group))
		for i, r := range group {
			steps[i] = r.State().Steps
		}
		for m := 0; ; m++ {
			tally := map[int]int{}
			for _, s := range steps {
				if m < len(s) {
					tally[s[m].Pick]++
				}
			}
			if len(tally) == 0 {
				break
			}
			if len(tally) == 1 {
				continue
			}
			re := sim.New(sc, seed, sim.Options{})
			for _, st := range steps[0][:m] {
				_ = re.PickIndex(st.Pick)
			}
			card := re.Card()
			fmt.Fprintf(w, "The room split in month %d (session seed %d), %q:\n", m+1, seed, card.Title)
			for _, c := range card.Choices {
				if n := tally[c.Index]; n > 0 {
					fmt.Fprintf(w, "  %2d chose %q\n", n, c.Label)
				}
			}
			break
		}
	}
}
