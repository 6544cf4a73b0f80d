package sim

import (
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/words"
)

// Transcript writes a run as plain text: one idea per line, no tables or
// box drawing, so it reads well on a terminal and through a screen reader.
// The text mode, the replayer and the golden tests all use it.
type Transcript struct {
	W io.Writer
}

func (t Transcript) printf(format string, args ...any) { fmt.Fprintf(t.W, format, args...) }

// Intro introduces the scenario.
func (t Transcript) Intro(r *Run) {
	sc := r.Scenario()
	t.printf("%s", sc.Title)
	if sc.Role != "" {
		t.printf(" — %s", sc.Role)
	}
	t.printf("\n%s\n", wrap(sc.Pitch, 78))
	t.printf("Promise: %s\nPrice: %s\n", sc.Promise, sc.Price)
	if sys := sc.Systems(); len(sys) > 0 {
		t.printf("Systems: %s\n", strings.Join(sys, ", "))
	}
	t.printf("Seed %d. %d months.\n", r.st.Seed, sc.Months)
}

// Month prints the month header, the stats and the card with its choices.
func (t Transcript) Month(r *Run) {
	sc := r.Scenario()
	t.printf("\n== Month %d of %d ==\n", r.Month(), sc.Months)
	if p := r.Phase(); p >= 0 {
		log := r.PhaseLog()
		t.printf("Phase: %s, since month %d.\n", r.PhaseLabel(), log[len(log)-1].Month)
	}
	t.printf("%s\n", StatusLine(r))
	if round, months := r.Raising(); round >= 0 {
		t.printf("Raising the %s: month %d of about %d.\n", sc.Funding.Rounds[round].Label, months+1, sc.Funding.Rounds[round].Months)
	}
	if ld := sc.Ladder; ld != nil && r.on(offLadder) {
		t.printf("Level: %s, %d months in level.\n", ld.Levels[r.level()].Title, int(r.Builtin(scenario.VarMonthsInLevel)))
	}
	c := r.Card()
	if c.Because != "" && sc.Format >= 2 {
		t.printf("\nBecause: %s", c.Because)
	}
	t.printf("\n%s\n%s\n", c.Title, wrap(c.Text, 78))
	if f := c.Fight; f != nil {
		t.printf("At stake: %s. Teams before luck:", poolText(f.Pool, f.Unit, f.PoolName))
		for i, tm := range f.Teams {
			sep := ","
			if i == 0 {
				sep = ""
			}
			t.printf("%s %s effort %.0f", sep, tm.Name, tm.Effort)
		}
		t.printf(".\n")
	}
	t.printf("\n")
	for i, ch := range c.Choices {
		t.printf("  %d. %s", i+1, ch.Label)
		if !ch.Available {
			t.printf(" (unavailable: %s)", ch.Blocked)
		}
		t.printf("\n")
		if ch.ShowOdds && len(ch.Odds) > 0 {
			t.printf("     Odds: %s\n", OddsText(ch.Odds))
		}
	}
}

// OddsText renders outcome odds: "60% the model holds up, 40% accuracy drops".
func OddsText(odds []OddsView) string {
	parts := make([]string, len(odds))
	for i, o := range odds {
		label := o.Label
		if label == "" {
			label = fmt.Sprintf("outcome %d", i+1)
		}
		parts[i] = words.Chance(o.Chance) + " " + label
	}
	return strings.Join(parts, ", ")
}

func outcomeName(labels []string, i int) string {
	if labels[i] != "" {
		return labels[i]
	}
	return fmt.Sprintf("outcome %d", i+1)
}

// Display renders a stat's current value for the player: the ladder's level
// stat as its title, everything else in its unit.
func (r *Run) Display(stat int) string {
	sc := r.Scenario()
	if ld := sc.Ladder; ld != nil && stat == ld.Level {
		return ld.Levels[r.level()].Title
	}
	return FormatValue(r.Value(stat), sc.Stats[stat].Unit)
}

// poolText renders an amount of a resource-fight pool: "6 new hires",
// "$2M of budget".
func poolText(v float64, u scenario.Unit, name string) string {
	if name == "" {
		return FormatValue(v, u)
	}
	if u == scenario.Money {
		return FormatValue(v, u) + " of " + name
	}
	return FormatValue(v, u) + " " + name
}

// StatusLine lists the visible stats with their units.
func StatusLine(r *Run) string {
	sc := r.Scenario()
	var parts []string
	for i, st := range sc.Stats {
		if !r.Shown(i) {
			continue
		}
		parts = append(parts, st.Label+" "+r.Display(i))
	}
	return strings.Join(parts, " · ")
}

// Report prints what happened in a month.
func (t Transcript) Report(r *Run, rep *Report) {
	sc := r.Scenario()
	t.printf("\nYou chose: %s.\n", rep.Choice)
	if rep.Text != "" {
		t.printf("%s\n", wrap(rep.Text, 78))
	}
	if rl := rep.Roll; rl != nil {
		shown := ""
		if !rl.Shown {
			shown = " (hidden from you)"
		}
		odds := make([]OddsView, len(rl.Odds))
		for i, p := range rl.Odds {
			odds[i] = OddsView{Label: rl.Labels[i], Chance: p}
		}
		t.printf("Roll: %.0f out of 100. Odds%s: %s. Outcome: %s.\n", rl.Value*100, shown, OddsText(odds), outcomeName(rl.Labels, rl.Outcome))
	}
	for _, n := range rep.Notes {
		t.printf("%s\n", wrap(n.Text, 78))
	}
	for _, sw := range rep.Switches {
		for _, ln := range r.Story(sw).Lines() {
			t.printf("%s\n", wrap(ln, 78))
		}
	}
	if len(rep.Rules) > 0 {
		t.printf("Every month: %s.\n", strings.Join(rep.Rules, "; "))
	}
	if len(rep.Deltas) > 0 {
		var parts []string
		for _, d := range rep.Deltas {
			st := sc.Stats[d.Stat]
			if st.Hidden {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %s (%s to %s)", st.Label, FormatDelta(d.After-d.Before, st.Unit), FormatValue(d.Before, st.Unit), FormatValue(d.After, st.Unit)))
		}
		if len(parts) > 0 {
			t.printf("Changes: %s.\n", strings.Join(parts, "; "))
		}
	}
}

// Ending prints the ending, the outcome axes and the run code.
func (t Transcript) Ending(r *Run) {
	e := r.Ending()
	if e == nil {
		return
	}
	o := r.Outcome()
	t.printf("\n== Ending: %s (%s) ==\n%s\n", e.Title, e.Category, wrap(e.Text, 78))
	if src, ok := r.Scenario().Sources[e.Source]; ok {
		t.printf("Source: %s (%s)\n", src.Fact, src.Source)
	}
	t.printf("\nOutcome: wealth %s, level %.1f", FormatValue(o.Wealth, scenario.Money), o.Level)
	if o.Title != "" {
		t.printf(" (%s)", o.Title)
	}
	t.printf(", skills %.0f, wellbeing %.0f, autonomy %.0f, %d months.\n", o.Skills, o.Wellbeing, o.Autonomy, o.Months)
	t.printf("Run code: %s\n", r.Code())
}

// wrap breaks text into lines of at most width characters.
func wrap(s string, width int) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			if line != "" && len(line)+1+len(w) > width {
				out = append(out, line)
				line = w
				continue
			}
			if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
