package ui

import (
	"context"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/sim"
)

// endingWork is what an ending needs beyond the run itself: the decisions
// that mattered (sim.KeyDecisions: one replay, shared by the ending's list
// and its what-if) and, for a run just finished, its history record
// (history.FromRun, whose timeline is one more replay). It is computed once
// per run code, in the background on a copy of the run, so the last pick
// and the ending's first frames never wait for it.
type endingWork struct {
	code string
	// record asks for the history record to be added once it is made.
	record bool
	job    *task[endingResult]
	res    *endingResult
}

// endingResult is what the background work found.
type endingResult struct {
	kds []sim.KeyDecision
	// fallback names the months that moved most, for a run whose choices
	// never told apart (see biggestMonths).
	fallback []decision
	rec      history.Record
	recErr   error
}

// keyDecisionCount is how many decisions the ending lists; the what-if
// analyses the first whatIfDecisions of them by impact.
const keyDecisionCount = 4

// analyse returns the ending work of a finished run, starting it unless it
// runs or ran already for the same code. record asks for the run to be
// added to the history (Append keeps one record per code, so asking again
// for a run already kept adds nothing).
func (m *model) analyse(run *sim.Run, record bool, finishedAt time.Time) *endingWork {
	code := run.Code()
	if w := m.ending; w != nil && w.code == code {
		w.record = w.record || record
		return w
	}
	w := &endingWork{code: code, record: record}
	// A fork with the run's own seed is an exact copy: the background work
	// reads it alone while the game goes on with the original.
	priv := run.Fork(run.State().Seed)
	w.job = startTask(m.hist.tasks, func(context.Context, func(done, total int)) (endingResult, error) {
		var r endingResult
		r.kds = sim.KeyDecisions(priv, keyDecisionCount)
		if len(r.kds) == 0 {
			r.fallback = biggestMonths(priv, keyDecisionCount)
		}
		r.rec, r.recErr = history.FromRun(priv, finishedAt)
		return r, nil
	})
	m.ending = w
	return w
}

// pollEnding takes the ending work's result once it is in and adds the
// record to the history when asked (on the game goroutine, which alone
// touches the store).
func (m *model) pollEnding() {
	w := m.ending
	if w == nil || w.res != nil {
		return
	}
	res, _, ok := w.job.result()
	if !ok {
		return
	}
	w.res = &res
	if !w.record {
		return
	}
	err := res.recErr
	if err == nil {
		_, err = m.history.Append(res.rec)
		m.historyChanged()
	}
	if err != nil {
		m.say("Could not add this run to your history: "+err.Error(), true)
	}
}

// done reports whether the work is in (nil: nothing to wait for).
func (w *endingWork) done() bool { return w == nil || w.res != nil }

// wait blocks until the work is in (screenshots and tests only).
func (w *endingWork) wait(m *model) {
	if w != nil {
		w.job.wait(2 * time.Minute)
		m.pollEnding()
	}
}
