package ui

// The compare screen's baselines: the balance bots play each path in the
// background, one key after the other, and each result is cached in the
// store on the game goroutine.

import (
	"context"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
)

// baselineKey is the key of a path's baseline for a bot.
func baselineKey(sc *scenario.Scenario, bot string) history.BaselineKey {
	return history.NewBaselineKey(sc, bot, baselineRuns, history.DefaultBaselineSeed)
}

// startBaselines takes the cached baselines and starts computing the
// others: the typical player's first, then random picks'.
func (cp *compareScreen) startBaselines(c *Context) {
	type job struct {
		sc  *scenario.Scenario
		key history.BaselineKey
	}
	var jobs []job
	for _, bot := range history.BaselineBots {
		for _, p := range cp.paths {
			if p.sc == nil || p.Baselines[bot] != nil {
				continue
			}
			key := baselineKey(p.sc, bot)
			if b, ok := c.history.CachedBaseline(key); ok {
				p.Baselines[bot] = b
				continue
			}
			jobs = append(jobs, job{p.sc, key})
		}
	}
	if len(jobs) == 0 || cp.hold || (cp.bl != nil && !cp.bl.finished()) {
		cp.blTotal = max(cp.blTotal, len(jobs))
		return
	}
	cp.blTotal, cp.blGot, cp.blErr = len(jobs), 0, ""
	ch := make(chan *history.Baseline, len(jobs))
	cp.blCh = ch
	cp.bl = startTask(c.hist.tasks, func(ctx context.Context, progress func(done, total int)) (struct{}, error) {
		for i, j := range jobs {
			progress(i, len(jobs))
			b, err := history.ComputeBaseline(ctx, j.sc, j.key)
			if err != nil {
				return struct{}{}, err
			}
			ch <- b
		}
		progress(len(jobs), len(jobs))
		return struct{}{}, nil
	})
}

// takeBaselines takes the baselines computed since the last tick and
// caches them in the store (on the game goroutine, as the store asks).
func (cp *compareScreen) takeBaselines(c *Context) {
	if cp.blCh == nil {
		return
	}
	// Once the task has ended every baseline it computed is in the
	// channel (checked before draining, so none is left behind).
	finished := cp.bl.finished()
	for drained := false; !drained; {
		select {
		case b := <-cp.blCh:
			cp.blGot++
			if err := c.history.SaveBaseline(b); err != nil {
				cp.blErr = "the bots' results could not be cached: " + err.Error()
			}
			for _, p := range cp.paths {
				if p.sc != nil && p.Key == b.Key.Scenario && baselineKey(p.sc, b.Key.Bot) == b.Key {
					p.Baselines[b.Key.Bot] = b
				}
			}
		default:
			drained = true
		}
	}
	if finished {
		cp.blCh = nil
		if _, err, _ := cp.bl.result(); err != nil && err != context.Canceled {
			cp.blErr = err.Error()
		}
		cp.blTook = cp.bl.took
	}
}

// baselinesDone reports whether every baseline that can be had is here.
func (cp *compareScreen) baselinesDone() bool {
	for _, p := range cp.paths {
		if p.sc == nil {
			continue
		}
		for _, bot := range history.BaselineBots {
			if p.Baselines[bot] == nil {
				return false
			}
		}
	}
	return true
}
