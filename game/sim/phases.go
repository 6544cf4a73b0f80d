package sim

import (
	"fmt"
	"math"

	"runwayladder/game/scenario"
)

// Phases (format 2): a run moves between parts of a career. A switch puts
// every stat without `carry` back to its initial value, applies the new
// phase's [enter], turns systems on and off by their `active` conditions
// and starts the phase's vesting grant. Systems with `active` are handled
// here too, whether or not the scenario has phases.

// hasActive reports whether any system has an `active` condition.
func hasActive(sc *scenario.Scenario) bool {
	return sc.Funding != nil && sc.Funding.Active != nil || sc.Ladder != nil && sc.Ladder.Active != nil ||
		sc.Fight != nil && sc.Fight.Active != nil
}

// start enters the start phase and the systems active at month 1. Systems
// with `active` begin off, so one that holds at month 1 is entered then.
func (r *Run) start() int {
	sc := r.sc
	if hasActive(sc) {
		if sc.Funding != nil && sc.Funding.Active != nil {
			r.st.Off |= offFunding
		}
		if sc.Ladder != nil && sc.Ladder.Active != nil {
			r.st.Off |= offLadder
		}
		if sc.Fight != nil && sc.Fight.Active != nil {
			r.st.Off |= offFight
		}
	}
	if len(sc.Phases) == 0 {
		r.refreshActive()
		return -1
	}
	return r.enterPhase(sc.StartPhase)
}

// switchPhase leaves the current phase for phase p (p may be the current
// one: a new stint). It returns an ending the new phase's [enter] leads to,
// or -1.
func (r *Run) switchPhase(p int) int {
	sc, st := r.sc, r.st
	v := st.Vals
	var sw *Switch
	if r.rep != nil {
		sw = &Switch{From: st.Phase, To: p, FromLabel: r.PhaseLabel(), Forfeited: math.Max(st.Grant-st.Vested, 0), Level: -1, LeftLevel: -1}
		if sc.Ladder != nil && r.on(offLadder) {
			sw.LeftLevel = r.level()
		}
		sw.Reset = make([]Delta, 0, sc.NumDeclared)
		for i := 0; i < sc.NumDeclared; i++ {
			if !sc.Stats[i].Carry {
				sw.Reset = append(sw.Reset, Delta{Stat: i, Before: v[i]})
			}
		}
	}
	// The grant of the phase left is forfeited.
	st.Grant, st.Vested = 0, 0
	v[sc.Var(scenario.VarUnvested)] = 0
	for i := 0; i < sc.NumDeclared; i++ {
		if !sc.Stats[i].Carry {
			v[i] = sc.Stats[i].Initial
		}
	}
	st.Flags[sc.AtFlag(st.Phase)] = false
	off := st.Off
	end := r.enterPhase(p)
	if sw != nil {
		r.recordSwitch(sw, off)
	}
	return end
}

// recordSwitch completes a switch's report once the new phase is entered:
// off is which systems were off before it.
func (r *Run) recordSwitch(sw *Switch, off int) {
	sc, st := r.sc, r.st
	sw.ToLabel, sw.Grant = r.PhaseLabel(), st.Grant
	kept := sw.Reset[:0]
	for _, d := range sw.Reset {
		if d.After = st.Vals[d.Stat]; d.After != d.Before {
			kept = append(kept, d)
		}
	}
	sw.Reset = kept
	for _, s := range []struct {
		bit  int
		name string
	}{{offFunding, "funding"}, {offLadder, "ladder"}, {offFight, "fight"}} {
		was, now := off&s.bit == 0, st.Off&s.bit == 0
		switch {
		case now && !was:
			sw.On = append(sw.On, s.name)
		case was && !now:
			sw.Off = append(sw.Off, s.name)
		}
	}
	if sc.Ladder != nil && st.Off&offLadder == 0 && off&offLadder != 0 {
		sw.Level = r.level()
	}
	if st.Off&offLadder == 0 {
		sw.LeftLevel = -1 // still on the ladder: nothing left
	}
	r.rep.Switches = append(r.rep.Switches, *sw)
}

// enterPhase starts a stint in phase p.
func (r *Run) enterPhase(p int) int {
	sc, st := r.sc, r.st
	v := st.Vals
	ph := &sc.Phases[p]
	st.Phase = p
	st.PhaseLog = append(st.PhaseLog, PhaseStep{Month: st.Month, Phase: p})
	st.Flags[sc.AtFlag(p)] = true
	v[sc.StintsVar(p)]++
	v[sc.Var(scenario.VarPhaseMonths)] = 0
	r.env.Stale = true
	// Systems first, so [enter] can adjust what entering them set (the
	// salary of the start level) or start a funding round.
	r.refreshActive()
	end := r.apply(&ph.Enter)
	if vs := ph.Vesting; vs != nil {
		st.Grant = math.Max(finite(vs.Grant(&r.env)), 0)
		v[sc.Var(scenario.VarUnvested)] = st.Grant
	}
	r.env.Stale = true
	return end
}

// phaseMonth counts a month in the current phase and vests what is due;
// it runs after the month's rules and systems.
func (r *Run) phaseMonth() {
	sc, st := r.sc, r.st
	if len(sc.Phases) == 0 {
		return
	}
	v := st.Vals
	pm := sc.Var(scenario.VarPhaseMonths)
	v[pm]++
	v[sc.MonthsAtVar(st.Phase)]++
	vs := sc.Phases[st.Phase].Vesting
	if vs == nil || st.Grant == 0 {
		return
	}
	// Nothing until the cliff, then the cliff's share at once, then
	// monthly; at the end of the period exactly the whole grant.
	k := v[pm]
	target := 0.0
	switch {
	case k >= float64(vs.Months):
		target = st.Grant
	case k >= float64(vs.Cliff):
		target = float64(st.Grant*k) / float64(vs.Months)
	}
	if d := target - st.Vested; d > 0 {
		v[vs.Into] = r.clamp(vs.Into, v[vs.Into]+d)
		st.Vested = target
		v[sc.Var(scenario.VarUnvested)] = st.Grant - st.Vested
		r.env.Stale = true
		if r.rep != nil {
			r.rep.note(NotePhase, fmt.Sprintf("%s of your grant vests (%s still unvested).", FormatValue(d, scenario.Money), FormatValue(st.Grant-st.Vested, scenario.Money)))
		}
	}
}

// refreshActive turns systems with an `active` condition on or off: a
// system turning on is entered afresh, one turning off drops what it had
// in progress.
func (r *Run) refreshActive() {
	sc, st := r.sc, r.st
	if fu := sc.Funding; fu != nil && fu.Active != nil {
		on := fu.Active(&r.env)
		if was := st.Off&offFunding == 0; on != was {
			st.Off ^= offFunding
			r.resetFunding(on)
		}
	}
	if ld := sc.Ladder; ld != nil && ld.Active != nil {
		on := ld.Active(&r.env)
		if was := st.Off&offLadder == 0; on != was {
			st.Off ^= offLadder
			if on {
				r.enterLadder()
			}
		}
	}
	if f := sc.Fight; f != nil && f.Active != nil {
		on := f.Active(&r.env)
		if was := st.Off&offFight == 0; on != was {
			st.Off ^= offFight
			if on {
				st.FightFrom = st.Month - 1
			}
		}
	}
}

// resetFunding clears the raise in progress; entering the system also
// starts its rounds from the first.
func (r *Run) resetFunding(entering bool) {
	sc, st := r.sc, r.st
	st.Raising = -1
	st.Vals[sc.Var(scenario.VarRaiseMonths)] = 0
	st.Flags[sc.FlagVar(scenario.FlagRaising)] = false
	if entering {
		st.NextRound, st.OfferAfter, st.Broke = 0, 0, false
		st.Vals[sc.Var(scenario.VarRoundsClosed)] = 0
	}
	r.env.Stale = true
}

// enterLadder starts the ladder afresh at its start level.
func (r *Run) enterLadder() {
	sc, st := r.sc, r.st
	ld := sc.Ladder
	v := st.Vals
	v[sc.Var(scenario.VarMonthsInLevel)] = 0
	v[sc.Var(scenario.VarGoodRatings)] = 0
	v[sc.Var(scenario.VarLastRating)] = 0
	st.LowStreak = 0
	st.LadderFrom = st.Month - 1
	lvl := 0
	if ld.StartLevel != nil {
		lvl = int(math.Floor(finite(ld.StartLevel(&r.env))))
	}
	lvl = min(max(lvl, 0), len(ld.Levels)-1)
	v[ld.Level] = r.clamp(ld.Level, float64(lvl))
	if ld.Salary >= 0 {
		v[ld.Salary] = r.clamp(ld.Salary, ld.Levels[lvl].Pay)
	}
	r.env.Stale = true
}

// on reports whether a system runs now.
func (r *Run) on(sys int) bool { return r.st.Off&sys == 0 }

// Phase returns the current phase, an index into Scenario.Phases, or -1
// when the scenario has no phases.
func (r *Run) Phase() int {
	if len(r.sc.Phases) == 0 {
		return -1
	}
	return r.st.Phase
}

// PhaseLabel returns the current phase's label as shown now ("" without
// phases).
func (r *Run) PhaseLabel() string {
	if len(r.sc.Phases) == 0 {
		return ""
	}
	return r.sc.Phases[r.st.Phase].Show(&r.env)
}

// PhaseLog returns the month each phase began, oldest first. It is the
// run's own memory: read it, never change it.
func (r *Run) PhaseLog() []PhaseStep { return r.st.PhaseLog }

// Vesting returns the current phase's grant and how much of it has vested.
func (r *Run) Vesting() (grant, vested float64) { return r.st.Grant, r.st.Vested }

// SystemOn reports whether a system runs now: "funding", "ladder" or
// "fight". A system the scenario does not have is off.
func (r *Run) SystemOn(name string) bool {
	switch name {
	case "funding":
		return r.sc.Funding != nil && r.on(offFunding)
	case "ladder":
		return r.sc.Ladder != nil && r.on(offLadder)
	case "fight":
		return r.sc.Fight != nil && r.on(offFight)
	}
	return false
}

// Shown reports whether the HUD shows a stat now: not hidden, and its
// `active` condition (if any) holds.
func (r *Run) Shown(stat int) bool {
	st := &r.sc.Stats[stat]
	return !st.Hidden && (st.Active == nil || st.Active(&r.env))
}
