package sim

import "runwayladder/game/scenario"

// Saves of an older state version are migrated by replay: DecodeState
// replays the save's seed and picks with this build and compares the
// result, seen as the old version would have written it, with the save.
// When they agree, the replayed run is the save in today's layout.

// version1Vars is the number of built-in variables state version 1 had
// (month … award); version 2 added phase_months, unvested, cause_month and
// seen after them.
const version1Vars = scenario.VarAward + 1

// asVersion returns the state as state version v wrote it; for the current
// version, the state itself.
func (s *State) asVersion(v int, sc *scenario.Scenario) *State {
	if v >= StateVersion {
		return s
	}
	old := s.Clone()
	old.V = v
	// Version 1: no format-2 built-ins, no cause of follow-ups, and none of
	// the format-2 fields (a format-1 scenario leaves them zero anyway).
	n := sc.NumStats()
	old.Vals = append(old.Vals[:n+version1Vars:n+version1Vars], s.Vals[n+scenario.NumBuiltinVars:]...)
	for i := range old.FollowUps {
		old.FollowUps[i].From, old.FollowUps[i].ByChoice = 0, false
	}
	old.Phase, old.PhaseLog, old.Grant, old.Vested, old.Off, old.Because = 0, nil, 0, 0, 0, 0
	old.LadderFrom, old.FightFrom, old.Injected, old.Broke = 0, 0, nil, false
	return old
}
