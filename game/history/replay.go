package history

import (
	"fmt"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Replay rebuilds the record's run from its code on the installed
// scenario, with its monthly series recorded, so the compare screen can
// show a run's ending screen again. The scenario must be the record's at
// the record's content version.
func (r *Record) Replay(sc *scenario.Scenario) (*sim.Run, error) {
	c, err := sim.ParseCode(r.Code)
	if err != nil {
		return nil, fmt.Errorf("history: %v", err)
	}
	run, err := sim.Replay(sc, c, sim.Options{Record: true, Session: r.Session})
	if err != nil {
		return nil, fmt.Errorf("history: %v", err)
	}
	return run, nil
}

// Enrich fills what an imported or migrated record may lack (titles, the
// timeline) by replaying it on sc. The record's own outcome is kept: it is
// what the player saw, even if the replay disagrees (it cannot, for the
// same content version).
func (r *Record) Enrich(sc *scenario.Scenario) error {
	run, err := r.Replay(sc)
	if err != nil {
		return err
	}
	if r.ScenarioTitle == "" {
		r.ScenarioTitle = sc.Title
	}
	if r.Track == "" {
		r.Track = sc.Track
	}
	if e := run.Ending(); e != nil && r.EndingTitle == "" && e.ID == r.Ending {
		r.EndingTitle = e.Title
	}
	if o := run.Outcome(); r.JobTitle == "" && o.Ending == r.Ending {
		r.JobTitle = o.Title
	}
	if r.Phases == nil && run.Done() {
		r.Phases = stintsOf(run)
	}
	if r.Timeline == nil {
		st := run.State()
		tl, err := BuildTimeline(sc, st.Seed, st.Picks())
		if err != nil {
			return err
		}
		r.Timeline = tl
	}
	return nil
}

// BotHistory plays perScenario runs of every scenario with a bot and
// records them, finishing a minute apart from start: a deterministic
// history for demos and for the compare screen's screenshot tests. Run i of
// a scenario is run i of the scenario's baseline for the same bot and seed.
func BotHistory(scs []*scenario.Scenario, bot string, perScenario int, seed uint64, start time.Time) ([]Record, error) {
	var out []Record
	for _, sc := range scs {
		if _, err := sim.NewBot(sc, bot); err != nil {
			return nil, fmt.Errorf("history: %s: %v", sc.ID, err)
		}
		for i := 0; i < perScenario; i++ {
			b, _ := sim.NewBot(sc, bot) // fresh per run, as in ComputeBaseline
			rec, err := FromRun(b.Play(BaselineSeed(seed, i), sim.Options{}), start.Add(time.Duration(len(out))*time.Minute))
			if err != nil {
				return nil, err
			}
			out = append(out, rec)
		}
	}
	return out, nil
}
