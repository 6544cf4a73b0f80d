package sim

import (
	"fmt"

	"runwayladder/game/scenario"
)

// Shared events (format 2): an event with trigger = "shared" is never drawn.
// A workshop facilitator injects it for a whole room: Inject makes it the
// next month's card for each run, replacing the draw. The state records
// the month and the event, and the run code carries them, so a replay is
// exact.

// Inject makes a shared event the next month's card. It fails when the run
// is over or in its last month, when the event is unknown or not shared, or
// when a shared event already waits for next month.
func (r *Run) Inject(eventID string) error {
	sc, st := r.sc, r.st
	if r.Done() {
		return ErrRunOver
	}
	i, ok := sc.EventIndex(eventID)
	if !ok {
		return fmt.Errorf("scenario %q has no event %q", sc.ID, eventID)
	}
	if sc.Events[i].Trigger != scenario.Shared {
		return fmt.Errorf("event %q is not a shared event (trigger = \"shared\")", eventID)
	}
	m := st.Month + 1
	if m > sc.Months {
		return fmt.Errorf("the run ends with month %d: no month is left for %q", sc.Months, eventID)
	}
	if n := len(st.Injected); n > 0 && st.Injected[n-1].Month >= m {
		return fmt.Errorf("shared event %q already waits for month %d", sc.Events[st.Injected[n-1].Event].ID, m)
	}
	if len(st.Injected) >= MaxInjections {
		return fmt.Errorf("this run has had %d shared events, the most one run can hold", MaxInjections)
	}
	st.Injected = append(st.Injected, Injection{Month: m, Event: i})
	return nil
}

// injected returns the shared event injected for month m, or -1.
func (r *Run) injected(m int) int {
	inj := r.st.Injected
	for k := len(inj) - 1; k >= 0 && inj[k].Month >= m; k-- {
		if inj[k].Month == m {
			return inj[k].Event
		}
	}
	return -1
}

// preload gives a run being rebuilt (from a code or a save) the shared
// events it was given; picks is the number of months it will replay.
func (r *Run) preload(inj []Injection, picks int) error {
	if len(inj) == 0 {
		return nil
	}
	if err := checkInjections(inj, r.sc.Months); err != nil {
		return err
	}
	for k, in := range inj {
		if in.Event >= len(r.sc.Events) || r.sc.Events[in.Event].Trigger != scenario.Shared {
			return fmt.Errorf("shared event %d is not a shared event of %q", k+1, r.sc.ID)
		}
		// Injected during month picks+1 at the latest, for the month after.
		if in.Month > picks+2 {
			return fmt.Errorf("shared event %d is for month %d, after the month it could have been given in", k+1, in.Month)
		}
	}
	r.st.Injected = append([]Injection(nil), inj...)
	return nil
}
