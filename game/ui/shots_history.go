package ui

import (
	"errors"
	"fmt"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// demoPaths are the scenarios of the generated history the compare
// screen's screenshots and tests show: a startup, a corporate and an
// academic path.
var demoPaths = []string{"startup_engineer", "bigco_engineer", "academia_scientist"}

// demoHistory generates a player's history of about 200 runs over
// demoPaths: most played like a typical player, some picked at random, so
// the spread looks like a real player's who tried things.
func demoHistory(a *app) ([]history.Record, error) {
	var scs []*scenario.Scenario
	for _, id := range demoPaths {
		sc, ok := a.lib.find(id)
		if !ok {
			return nil, fmt.Errorf("the scenario %s is not loaded", id)
		}
		scs = append(scs, sc)
	}
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	typical, err := history.BotHistory(scs, "typical", 45, 7, start)
	if err != nil {
		return nil, err
	}
	random, err := history.BotHistory(scs, "random", 22, 11, start.Add(24*time.Hour))
	if err != nil {
		return nil, err
	}
	return append(typical, random...), nil
}

// withDemoHistory puts the generated history in the app's store.
func withDemoHistory(a *app) error {
	recs, err := demoHistory(a)
	if err != nil {
		return err
	}
	if _, _, err := a.history.Merge(recs); err != nil {
		return err
	}
	a.historyChanged()
	return nil
}

// historyShots are the screenshots of the history screens: the compare
// screen as it first appears (the bots still to play), with the bots'
// baselines, empty, and the ending's what-if panel.
func historyShots() []shot {
	return []shot{
		{"compare", func(a *app) (Screen, error) {
			if err := withDemoHistory(a); err != nil {
				return nil, err
			}
			c := &compareScreen{a: a, back: newTitle(a), hold: true, sel: -1}
			c.build()
			return c, nil
		}},
		{"compare-baseline", func(a *app) (Screen, error) {
			if err := withDemoHistory(a); err != nil {
				return nil, err
			}
			c := newCompare(a, newTitle(a))
			if !c.bl.wait(time.Minute) {
				return nil, errors.New("the baselines took more than a minute")
			}
			c.takeBaselines()
			return c, nil
		}},
		{"compare-empty", func(a *app) (Screen, error) {
			a.historyChanged()
			return newCompare(a, newTitle(a)), nil
		}},
	}
}

var _ = sim.AxisNames
