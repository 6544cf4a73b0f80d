package ui

import (
	"bytes"
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
func demoHistory(c *Context) ([]history.Record, error) {
	var scs []*scenario.Scenario
	for _, id := range demoPaths {
		sc, ok := c.lib.find(id)
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
func withDemoHistory(c *Context) error {
	recs, err := demoHistory(c)
	if err != nil {
		return err
	}
	if _, _, err := c.history.Merge(recs); err != nil {
		return err
	}
	c.historyChanged()
	return nil
}

// historyShots are the screenshots of the history screens: the compare
// screen as it first appears (the bots still to play), with the bots'
// baselines, empty, and the ending's what-if panel.
func historyShots() []shot {
	return []shot{
		{"compare", func(c *Context) (Screen, error) {
			if err := withDemoHistory(c); err != nil {
				return nil, err
			}
			cp := &compareScreen{back: newTitle(c), hold: true, sel: -1}
			cp.build(c)
			return cp, nil
		}},
		{"compare-baseline", func(c *Context) (Screen, error) {
			if err := withDemoHistory(c); err != nil {
				return nil, err
			}
			cp := newCompare(c, newTitle(c))
			if !cp.bl.wait(time.Minute) {
				return nil, errors.New("the baselines took more than a minute")
			}
			cp.takeBaselines(c)
			return cp, nil
		}},
		{"compare-empty", func(c *Context) (Screen, error) {
			c.historyChanged()
			return newCompare(c, newTitle(c)), nil
		}},
		{"title-history-damaged", func(c *Context) (Screen, error) {
			recs, err := demoHistory(c)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			for i, r := range recs[:40] {
				line, err := history.EncodeLine(r)
				if err != nil {
					return nil, err
				}
				if i == 17 {
					buf.WriteString("{\"v\":1,\"code\":\"startup_engineer.3.X7Z\n")
				}
				buf.Write(line)
			}
			buf.WriteString(`{"v":1,"code":"bigco_engin`) // cut off by a crash
			if err := c.store.Write(history.FileName, buf.Bytes()); err != nil {
				return nil, err
			}
			c.loadHistory()
			return newTitle(c), nil
		}},
		{"ending-whatif", func(c *Context) (Screen, error) {
			if err := playTo(c, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
				return nil, err
			}
			e := newEnding(c)
			e.Enter(c)
			settle(c, e)
			if len(e.whatif.kds) == 0 {
				return nil, errors.New("the run has no decision to analyse")
			}
			l := e.layout(c)
			e.scroll.Off = e.whatif.r.Y - l.view.H*0.04
			return e, nil
		}},
		{"import", func(c *Context) (Screen, error) {
			recs, err := demoHistory(c)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := history.ExportJSON(&buf, recs); err != nil {
				return nil, err
			}
			if _, _, err := c.history.Merge(recs[:150]); err != nil {
				return nil, err
			}
			s := newImport(c, newTitle(c))
			res := c.importHistory("workshop-2025-06.json", append(buf.Bytes()[:buf.Len()-3], []byte(",\n{\"v\":1,\"code\":\"broken\"}\n]\n")...))
			c.hist.lastImport = &res
			s.path.Value = []rune("~/Downloads/workshop-2025-06.json")
			return s, nil
		}},
		{"import-progress", func(c *Context) (Screen, error) {
			// A large file part read: the import runs off the frame and
			// the screen says how far it got.
			s := newImport(c, newTitle(c))
			s.path.Value = []rune("~/Downloads/workshop-2025-06.json")
			t := &task[importRead]{done: make(chan struct{})}
			t.progress.Store(uint64(450)<<32 | 1000)
			c.hist.importing = &importJob{name: "workshop-2025-06.json", job: t}
			return s, nil
		}},
	}
}
