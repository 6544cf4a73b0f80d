package workshop

import (
	"fmt"
	"sync"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// BaselineRuns is how many typical-bot runs set a scenario's base rates:
// the number careersim debrief uses by default, so the room's report shows
// the same base rates as the debrief of the same run codes.
const BaselineRuns = 1000

// Library is the scenarios a server offers, and their base rates (the
// typical bot's), computed once per scenario when first needed.
type Library struct {
	list []*scenario.Scenario
	byID map[string]*scenario.Scenario

	mu   sync.Mutex
	base map[string]*baseline
}

type baseline struct {
	once sync.Once
	rep  *sim.BalanceReport
	err  error
}

// NewLibrary makes a library of scenarios (in the order given).
func NewLibrary(scs []*scenario.Scenario) *Library {
	l := &Library{list: scs, byID: map[string]*scenario.Scenario{}, base: map[string]*baseline{}}
	for _, sc := range scs {
		l.byID[sc.ID] = sc
	}
	return l
}

// Scenarios lists the library's scenarios.
func (l *Library) Scenarios() []*scenario.Scenario { return l.list }

// Find returns a scenario by id.
func (l *Library) Find(id string) (*scenario.Scenario, bool) {
	sc, ok := l.byID[id]
	return sc, ok
}

// Baseline returns the typical bot's balance report for a scenario (the
// debrief's base rates), computing it on first use.
func (l *Library) Baseline(sc *scenario.Scenario) (*sim.BalanceReport, error) {
	key := fmt.Sprintf("%s@%d", sc.ID, sc.Version)
	l.mu.Lock()
	b := l.base[key]
	if b == nil {
		b = &baseline{}
		l.base[key] = b
	}
	l.mu.Unlock()
	b.once.Do(func() {
		b.rep, b.err = sim.Balance(sc, sim.BalanceConfig{Runs: BaselineRuns, Seed: 1, Bot: "typical", NoBands: true})
	})
	return b.rep, b.err
}

// Replay rebuilds a participant's run from the room's scenario and seed,
// the room's shared events and the stored choices, checking that they are
// the months 1, 2, 3… in turn and legal when made.
func Replay(sc *scenario.Scenario, room *Room, injs []Injection, choices []Choice) (*sim.Run, error) {
	r := sim.New(sc, room.Seed(), sim.Options{Session: room.Settings.Session})
	for _, c := range choices {
		if err := advance(r, injs, c); err != nil {
			return nil, err
		}
	}
	if !r.Done() {
		if err := injectFor(r, injs, nil); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// advance plays one stored choice on a run, with the shared event the
// room gave the next month.
func advance(r *sim.Run, injs []Injection, c Choice) error {
	if c.Month != r.Month() || r.Done() {
		return fmt.Errorf("stored choice for month %d does not follow the run (at month %d, ended %v)", c.Month, r.Month(), r.Done())
	}
	if err := injectFor(r, injs, &c); err != nil {
		return err
	}
	if err := r.PickIndex(c.Pick); err != nil {
		return fmt.Errorf("stored choice for month %d: %v", c.Month, err)
	}
	return nil
}
