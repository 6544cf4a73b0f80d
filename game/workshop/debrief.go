package workshop

import (
	"sort"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// The debrief of one scenario's runs: the numbers careersim debrief prints
// for the same run codes (endings against the typical bot's base rates,
// the spread of outcomes, the month the room split), as data for the
// projector and the report.

// GroupDebrief is the debrief of the runs of one scenario.
type GroupDebrief struct {
	Scenario   *scenario.Scenario
	Runs       int
	Unfinished int
	Endings    []EndingRow
	Axes       []AxisRow
	Split      *Split
	// Base is false when the base rates could not be computed.
	Base bool
}

// EndingRow is one ending: how many of the room reached it (Share is of
// all the group's runs, as careersim debrief counts), and the typical
// bot's share.
type EndingRow struct {
	Ending *scenario.Ending
	Count  int
	Share  float64
	Base   float64
}

// AxisRow is one outcome axis: the room's median, lowest and highest, and
// the typical bot's median.
type AxisRow struct {
	Name                string
	Unit                scenario.Unit
	Median, Low, High   float64
	Base                float64
	Values              []float64 // every run's value, sorted
	BaseLow, BaseHigh   float64   // the bot's 10th and 90th percentiles
	BaseP25, BaseP75    float64
	RoomP25, RoomP75    float64
	HasQuartiles, Shown bool
}

// Split is the first month where runs that shared a seed chose
// differently, and how.
type Split struct {
	Month   int
	Seed    uint64
	Title   string
	Tallies []Tally
}

// Tally is how many chose one choice.
type Tally struct {
	Index int // in the card's full choice list
	Label string
	Count int
}

// AxisUnits are the units of sim.AxisNames, in order.
var AxisUnits = []scenario.Unit{scenario.Money, scenario.Plain, scenario.Plain, scenario.Plain, scenario.Plain, scenario.Months}

// DebriefGroup summarises one scenario's runs (at least one) against base
// (the typical bot's report; nil to leave base rates out).
func DebriefGroup(sc *scenario.Scenario, runs []*sim.Run, base *sim.BalanceReport) GroupDebrief {
	g := GroupDebrief{Scenario: sc, Runs: len(runs), Base: base != nil}
	counts := map[string]int{}
	for _, r := range runs {
		if e := r.Ending(); e != nil {
			counts[e.ID]++
		} else {
			g.Unfinished++
		}
	}
	for i := range sc.Endings {
		e := &sc.Endings[i]
		row := EndingRow{Ending: e, Count: counts[e.ID]}
		if len(runs) > 0 {
			row.Share = float64(row.Count) / float64(len(runs))
		}
		if base != nil && i < len(base.Endings) {
			row.Base = base.Endings[i].Share
		}
		if row.Count == 0 && row.Base == 0 {
			continue
		}
		g.Endings = append(g.Endings, row)
	}
	for a, name := range sim.AxisNames {
		vals := make([]float64, len(runs))
		for i, r := range runs {
			vals[i] = r.Outcome().Axis(a)
		}
		sort.Float64s(vals)
		row := AxisRow{Name: name, Unit: AxisUnits[a], Values: vals}
		if len(vals) > 0 {
			row.Median, row.Low, row.High = vals[len(vals)/2], vals[0], vals[len(vals)-1]
			row.RoomP25, row.RoomP75 = vals[len(vals)/4], vals[(3*len(vals))/4]
		}
		if base != nil && a < len(base.Axes) {
			ax := base.Axes[a]
			row.Base, row.BaseLow, row.BaseHigh, row.BaseP25, row.BaseP75 = ax.P50, ax.P10, ax.P90, ax.P25, ax.P75
			row.HasQuartiles = true
		}
		g.Axes = append(g.Axes, row)
	}
	g.Split = FindSplit(sc, runs)
	return g
}

// FindSplit finds, among runs that shared a seed (a workshop session), the
// first month where they chose differently. Identical picks mean identical
// cards, so before that month everyone saw the same card. With several
// seeds, the first seed group (in run order) of at least two runs that
// split is reported.
func FindSplit(sc *scenario.Scenario, runs []*sim.Run) *Split {
	bySeed := map[uint64][][]sim.Step{}
	var seeds []uint64
	for _, r := range runs {
		st := r.State()
		if _, ok := bySeed[st.Seed]; !ok {
			seeds = append(seeds, st.Seed)
		}
		bySeed[st.Seed] = append(bySeed[st.Seed], st.Steps)
	}
	for _, seed := range seeds {
		steps := bySeed[seed]
		if len(steps) < 2 {
			continue
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
			sp := &Split{Month: m + 1, Seed: seed, Title: card.Title}
			for _, c := range card.Choices {
				if n := tally[c.Index]; n > 0 {
					sp.Tallies = append(sp.Tallies, Tally{Index: c.Index, Label: c.Label, Count: n})
				}
			}
			return sp
		}
	}
	return nil
}
