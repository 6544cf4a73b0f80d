package history

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Path is one row of a comparison: a player's runs of one scenario.
type Path struct {
	Group
	// Label names the path in prose: its track ("Startup") when no other
	// path shares the track, else its title.
	Label string
	// Order holds indices into Records from the worst run to the best
	// (by Score).
	Order []int
	// Baselines holds the bots' baselines by bot name, once known.
	Baselines map[string]*Baseline
}

// Comparison sets a player's paths side by side on the outcome axes,
// startup first, then corporate, academia and the rest.
type Comparison struct {
	Paths []Path
}

// TrackRank orders paths: startup first, then corporate, academia, the
// rest.
func TrackRank(track string) int {
	switch track {
	case "startup":
		return 0
	case "corporate":
		return 1
	case "academia":
		return 2
	}
	return 3
}

// Compare groups records by scenario into the paths of a comparison. The
// paths have no baselines yet.
func Compare(recs []Record) Comparison {
	groups := ByScenario(recs)
	sort.SliceStable(groups, func(i, j int) bool {
		ri, rj := TrackRank(groups[i].Track), TrackRank(groups[j].Track)
		if ri != rj {
			return ri < rj
		}
		return groups[i].Key < groups[j].Key
	})
	perTrack := map[string]int{}
	for _, g := range groups {
		perTrack[g.Track]++
	}
	var c Comparison
	for _, g := range groups {
		p := Path{Group: g, Label: g.Title, Baselines: map[string]*Baseline{}}
		if g.Track != "" && perTrack[g.Track] == 1 {
			p.Label = strings.ToUpper(g.Track[:1]) + g.Track[1:]
		}
		scores := make([]float64, len(g.Records))
		p.Order = make([]int, len(g.Records))
		for i := range g.Records {
			scores[i] = Score(g.Records[i].Outcome())
			p.Order[i] = i
		}
		sort.SliceStable(p.Order, func(i, j int) bool { return scores[p.Order[i]] < scores[p.Order[j]] })
		c.Paths = append(c.Paths, p)
	}
	return c
}

// Runs counts the runs of every path.
func (c Comparison) Runs() int {
	n := 0
	for _, p := range c.Paths {
		n += len(p.Records)
	}
	return n
}

// Scale is the range of an axis every path shares: the player's runs and
// the middle half of the bots' runs (their whiskers may run off the edge).
// Wealth and time start at zero.
func (c Comparison) Scale(axis int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range c.Paths {
		s := p.Summary.Axes[axis]
		if s.Count > 0 {
			lo, hi = math.Min(lo, s.Min), math.Max(hi, s.Max)
		}
		for _, b := range p.Baselines {
			// The bots' middle halves, not their extremes: a bot's one
			// lucky run must not squeeze the player's runs into a corner.
			if b != nil && len(b.Summary.Axes) > axis && b.Summary.Axes[axis].Count > 0 {
				lo, hi = math.Min(lo, b.Summary.Axes[axis].Q1), math.Max(hi, b.Summary.Axes[axis].Q3)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if sim.AxisNames[axis] == "wealth" || sim.AxisNames[axis] == "months" {
		lo = math.Min(lo, 0)
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	return lo, hi
}

// Headline says in one line which path leads on which axis: the trade-off
// at a glance, from the medians. Medians closer than a twentieth of the
// axis' scale read as the same.
func (c Comparison) Headline() string {
	if len(c.Paths) == 1 {
		return fmt.Sprintf("%s on its own: finish runs on another path to see the trade-offs.", c.Paths[0].Title)
	}
	leads := map[int][]string{}
	for axis, name := range sim.AxisNames {
		if name == "months" {
			continue // a longer run is not a better one
		}
		hi, lo := -1, -1
		for i, p := range c.Paths {
			s := p.Summary.Axes[axis]
			if s.Count == 0 {
				continue
			}
			if hi < 0 || s.Median > c.Paths[hi].Summary.Axes[axis].Median {
				hi = i
			}
			if lo < 0 || s.Median < c.Paths[lo].Summary.Axes[axis].Median {
				lo = i
			}
		}
		if hi < 0 || hi == lo {
			continue
		}
		lo0, hi0 := c.Scale(axis)
		if c.Paths[hi].Summary.Axes[axis].Median-c.Paths[lo].Summary.Axes[axis].Median <= (hi0-lo0)/20 {
			continue // about the same
		}
		leads[hi] = append(leads[hi], name)
	}
	var parts []string
	for i, p := range c.Paths {
		if len(leads[i]) == 0 {
			continue
		}
		names := leads[i]
		list := strings.Join(names, ", ")
		if len(names) > 1 {
			list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
		}
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("%s leads on %s", p.Label, list))
		} else {
			parts = append(parts, fmt.Sprintf("%s on %s", p.Label, list))
		}
	}
	if len(parts) == 0 {
		return "Your paths end about the same on every axis."
	}
	return "Medians: " + strings.Join(parts, "; ") + "."
}

// Spread is what a takeaway compares: one path on one axis.
type Spread struct {
	Label          string
	Median, Q1, Q3 float64
	Min, Max       float64
}

// Takeaway says in one line what an axis shows across the paths, from the
// data: which path spreads widest, which has the highest median, and with a
// single path, how the player compares with a typical player.
func (c Comparison) Takeaway(axis int) string {
	var ps []Spread
	for _, p := range c.Paths {
		s := p.Summary.Axes[axis]
		if s.Count == 0 {
			continue
		}
		ps = append(ps, Spread{Label: p.Label, Median: s.Median, Q1: s.Q1, Q3: s.Q3, Min: s.Min, Max: s.Max})
	}
	return TakeawayText(axis, ps, c.typicalMedian(axis))
}

// typicalMedian is the typical bot's median on an axis when there is a
// single path (the comparison that matters then); NaN otherwise.
func (c Comparison) typicalMedian(axis int) float64 {
	if len(c.Paths) != 1 {
		return math.NaN()
	}
	b := c.Paths[0].Baselines["typical"]
	if b == nil || len(b.Summary.Axes) <= axis || b.Summary.Axes[axis].Count == 0 {
		return math.NaN()
	}
	return b.Summary.Axes[axis].Median
}

// TakeawayText is the takeaway of an axis over the spreads of the paths;
// typical is a typical player's median (NaN when not known).
func TakeawayText(axis int, ps []Spread, typical float64) string {
	f := func(v float64) string { return FormatAxis(axis, v) }
	switch len(ps) {
	case 0:
		return ""
	case 1:
		p := ps[0]
		s := fmt.Sprintf("Median %s, middle half %s.", f(p.Median), FormatRange(axis, p.Q1, p.Q3))
		if !math.IsNaN(typical) {
			s = fmt.Sprintf("Your median %s; a typical player's %s.", f(p.Median), f(typical))
		}
		return s
	}
	hi, lo, wide := 0, 0, 0
	for i, p := range ps {
		if p.Median > ps[hi].Median {
			hi = i
		}
		if p.Median < ps[lo].Median {
			lo = i
		}
		if p.Max-p.Min > ps[wide].Max-ps[wide].Min {
			wide = i
		}
	}
	// Medians closer than a twentieth of the range read as the same.
	rlo, rhi := ps[0].Min, ps[0].Max
	for _, p := range ps {
		rlo, rhi = math.Min(rlo, p.Min), math.Max(rhi, p.Max)
	}
	if ps[hi].Median-ps[lo].Median <= (rhi-rlo)/20 {
		return fmt.Sprintf("Every path ends about the same: medians %s to %s.", f(ps[lo].Median), f(ps[hi].Median))
	}
	switch wide {
	case hi:
		return fmt.Sprintf("%s: highest median (%s) and the widest range, %s.", ps[hi].Label, f(ps[hi].Median), FormatRange(axis, ps[hi].Min, ps[hi].Max))
	case lo:
		return fmt.Sprintf("%s: widest range, yet the lowest median: %s vs %s for %s.", ps[wide].Label, f(ps[wide].Median), f(ps[hi].Median), ps[hi].Label)
	}
	return fmt.Sprintf("%s: widest range, up to %s; median %s, below %s's %s.", ps[wide].Label, f(ps[wide].Max), f(ps[wide].Median), ps[hi].Label, f(ps[hi].Median))
}

// CategoryLine says how a group's runs ended: the share that did well
// (thrived or good) and the share that failed.
func CategoryLine(s Summary) string {
	well, failed := 0.0, 0.0
	for _, cc := range s.Categories {
		switch scenario.Category(cc.Category) {
		case scenario.Thrived, scenario.Good:
			well += cc.Share
		case scenario.Failed:
			failed += cc.Share
		}
	}
	return fmt.Sprintf("%.0f%% did well · %.0f%% failed", well*100, failed*100)
}

// AxisTitle names an outcome axis (index into sim.AxisNames) for a
// player: "Wealth", "Time". The level axis is formal rank on a ladder, not
// the title on the door (a startup's "VP of AI" is a title; the run's
// record keeps it apart), so it is called the ladder level.
func AxisTitle(i int) string {
	switch sim.AxisNames[i] {
	case "wealth":
		return "Wealth"
	case "level":
		return "Ladder level"
	case "skills":
		return "Skills"
	case "wellbeing":
		return "Wellbeing"
	case "autonomy":
		return "Autonomy"
	case "months":
		return "Time"
	}
	return sim.AxisNames[i]
}

// FormatAxis renders a value of axis i: money for wealth, one decimal for
// the level, months for time, whole numbers for the 0-100 scales.
func FormatAxis(i int, v float64) string {
	switch sim.AxisNames[i] {
	case "wealth":
		return sim.FormatValue(v, scenario.Money)
	case "level":
		return fmt.Sprintf("%.1f", v)
	case "months":
		return sim.FormatValue(math.Round(v), scenario.Months)
	}
	return fmt.Sprintf("%.0f", v)
}

// FormatRange renders lo–hi on axis i.
func FormatRange(i int, lo, hi float64) string {
	return FormatAxis(i, lo) + "–" + FormatAxis(i, hi)
}
