package whatif

import (
	"fmt"
	"math"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// PickedOption returns the option the player chose.
func (d *Decision) PickedOption() *Option {
	if d.Picked < 0 || d.Picked >= len(d.Options) {
		return nil
	}
	return &d.Options[d.Picked]
}

// Headline says in one sentence how option i compares with the choice
// made, both played on by the bot with the same luck:
//
//	Had you picked “Raise the Series A now” in month 9: thrived 31% vs 12%, median wealth $1.2M vs $310k, skills 64 vs 58.
//
// It names the ending category whose share moved most, the median wealth,
// and the other axis whose median moved most against its spread. For the
// option picked it describes that option alone.
func (d *Decision) Headline(i int) string {
	if i < 0 || i >= len(d.Options) {
		return ""
	}
	alt, act := &d.Options[i], d.PickedOption()
	if act == nil {
		return ""
	}
	if i == d.Picked {
		return fmt.Sprintf("You picked “%s” in month %d: played on %d times, %s, median wealth %s.",
			alt.Label, d.Month, alt.Summary.Count, topCategory(alt.Summary), sim.FormatValue(alt.Summary.Axis(0).Median, scenario.Money))
	}
	cat, a, b := movedCategory(alt.Summary, act.Summary)
	s := fmt.Sprintf("Had you picked “%s” in month %d: %s %.0f%% vs %.0f%%, median wealth %s vs %s",
		alt.Label, d.Month, cat, a*100, b*100,
		sim.FormatValue(alt.Summary.Axis(0).Median, scenario.Money), sim.FormatValue(act.Summary.Axis(0).Median, scenario.Money))
	if ax := movedAxis(alt.Summary, act.Summary); ax > 0 {
		u := history.AxisUnit(ax)
		s += fmt.Sprintf(", %s %s vs %s", sim.AxisNames[ax],
			sim.FormatValue(alt.Summary.Axis(ax).Median, u), sim.FormatValue(act.Summary.Axis(ax).Median, u))
	}
	return s + "."
}

// topCategory describes the most common ending category: "failed 80%".
func topCategory(s history.Summary) string {
	best := history.CategoryCount{}
	for _, c := range s.Categories {
		if c.Count > best.Count {
			best = c
		}
	}
	if best.Count == 0 {
		return "no endings"
	}
	return fmt.Sprintf("%s %.0f%%", best.Category, best.Share*100)
}

// movedCategory returns the category whose share differs most; when none
// differs, the most common one.
func movedCategory(alt, act history.Summary) (string, float64, float64) {
	cat, a, b, diff := "", 0.0, 0.0, 0.0
	top := -1
	for i, c := range alt.Categories {
		if i >= len(act.Categories) {
			break
		}
		if d := math.Abs(c.Share - act.Categories[i].Share); d > diff {
			cat, a, b, diff = c.Category, c.Share, act.Categories[i].Share, d
		}
		if top < 0 || c.Count > alt.Categories[top].Count {
			top = i
		}
	}
	if cat == "" && top >= 0 {
		cat, a, b = alt.Categories[top].Category, alt.Categories[top].Share, act.Categories[top].Share
	}
	return cat, a, b
}

// movedAxis returns the axis other than wealth and months (1-4) whose
// median moved most relative to the two options' interquartile ranges, or
// -1 when none moved.
func movedAxis(alt, act history.Summary) int {
	best, bestV := -1, 0.0
	for ax := 1; ax <= 4; ax++ {
		x, y := alt.Axis(ax), act.Axis(ax)
		spread := math.Max(x.Q3-x.Q1, 0) + math.Max(y.Q3-y.Q1, 0) + 1e-9*(math.Abs(x.Median)+math.Abs(y.Median)) + 1e-12
		if v := math.Abs(x.Median-y.Median) / spread; x.Median != y.Median && v > bestV {
			best, bestV = ax, v
		}
	}
	return best
}
