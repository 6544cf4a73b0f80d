package workshop

import (
	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// GroupDebrief is the debrief of one scenario's runs in a room: the
// numbers careersim debrief prints for the same run codes
// (history.DebriefRuns), with the scenario they are about.
type GroupDebrief struct {
	Scenario *scenario.Scenario
	history.ScenarioDebrief
}

// HasBase reports whether the typical bot's base rates are in.
func (g GroupDebrief) HasBase() bool { return g.Baseline > 0 }

// FirstSplit is the month where the group first chose differently, or nil.
func (g GroupDebrief) FirstSplit() *history.Split {
	if len(g.Splits) == 0 {
		return nil
	}
	return &g.Splits[0]
}

// DebriefGroup summarises one scenario's runs against base (the typical
// bot's balance report; nil to leave base rates out).
func DebriefGroup(sc *scenario.Scenario, runs []*sim.Run, base *sim.BalanceReport) GroupDebrief {
	return GroupDebrief{Scenario: sc, ScenarioDebrief: history.DebriefRuns(sc, runs, base)}
}

// Tally is how many chose one choice of a card.
type Tally struct {
	Index int // in the card's full choice list (-1 when not known)
	Label string
	Count int
}

// splitTallies turns a split's counts into tallies for bars.
func splitTallies(sp *history.Split) []Tally {
	if sp == nil {
		return nil
	}
	out := make([]Tally, len(sp.Choices))
	for i, c := range sp.Choices {
		out[i] = Tally{Index: -1, Label: c.Label, Count: c.Count}
	}
	return out
}
