package history

import (
	"errors"
	"fmt"

	"runwayladder/game/sim"
)

// Stint is a stretch of a run in one phase of a format-2 scenario: the
// month it began and the phase's id. A record keeps its run's stints in
// order (about 25 bytes each), so the compare screen can say where a
// career went without replaying it.
type Stint struct {
	From  int    `json:"from"`
	Phase string `json:"phase"`
}

// stintsOf returns a run's stints, nil when its scenario has no phases.
func stintsOf(r *sim.Run) []Stint {
	sc := r.Scenario()
	var out []Stint
	for _, s := range r.Stints() {
		out = append(out, Stint{From: s.From, Phase: sc.Phases[s.Phase].ID})
	}
	return out
}

// validateStints checks a record's stints: each begins after the one
// before, within the months played, with a phase id.
func validateStints(st []Stint, months int) error {
	if len(st) > max(months, 1) {
		return fmt.Errorf("%d stints in %d months", len(st), months)
	}
	for i, s := range st {
		if s.Phase == "" || len(s.Phase) > maxText {
			return errors.New("a stint has a bad phase id")
		}
		if s.From < 1 || s.From > max(months, 1) || i > 0 && s.From <= st[i-1].From {
			return fmt.Errorf("stint %d begins in month %d, out of order or range", i+1, s.From)
		}
	}
	return nil
}

// PhaseTime is the time a run spent in one phase, over all its stints.
type PhaseTime struct {
	Phase          string
	Months, Stints int
}

// PhaseTimes sums a record's stints by phase, in the order each phase was
// first entered; nil for a run without phases.
func (r *Record) PhaseTimes() []PhaseTime {
	var out []PhaseTime
	idx := map[string]int{}
	for i, s := range r.Phases {
		to := r.Months
		if i+1 < len(r.Phases) {
			to = r.Phases[i+1].From - 1
		}
		j, ok := idx[s.Phase]
		if !ok {
			j = len(out)
			idx[s.Phase] = j
			out = append(out, PhaseTime{Phase: s.Phase})
		}
		out[j].Months += max(to-s.From+1, 0)
		out[j].Stints++
	}
	return out
}
