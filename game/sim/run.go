// Package sim holds the rules of Runway & Ladder: a run of a scenario, month
// by month, from a seed and the player's picks. It knows nothing of how the
// game is drawn; the desktop and browser game, the text mode, the bots and
// the replayer all step the same Run.
package sim

import (
	"errors"
	"fmt"
	"math"

	"runwayladder/game/scenario"
)

// Options adjust a new run.
type Options struct {
	// Record keeps each month's stats in State.Series (for charts).
	Record bool
	// Session is the workshop session code the run belongs to, if any.
	Session string
}

// Run is one playthrough: an immutable scenario and the state that changes.
type Run struct {
	sc  *scenario.Scenario
	st  *State
	env scenario.Env
	// scratch buffers reused by effects and draws, so a month allocates
	// nothing.
	pending []float64
	weights []float64
	// rep is the report of the month being played, if one is wanted, for
	// notes written deep in the rules (a phase switch, vesting); byChoice
	// is set while the player's choice and its outcome apply.
	rep      *Report
	byChoice bool
	// actives reports that some system has an `active` condition.
	actives bool
	// seen and cause are the Env.V indices of the format-2 built-ins of the
	// same names, -1 in a format-1 scenario (which cannot read them).
	seen, cause int
}

// New starts a run at month 1 with its first card drawn.
func New(sc *scenario.Scenario, seed uint64, opt Options) *Run {
	st := &State{V: StateVersion, Scenario: sc.ID, Content: sc.Version, Seed: seed, Session: opt.Session,
		Month: 1, Vals: make([]float64, sc.NumVars()), Flags: make([]bool, sc.NumFlagVars()),
		Fired: make([]int, len(sc.Events)), LastFired: make([]int, len(sc.Events)), Raising: -1}
	for i := 0; i < sc.NumDeclared; i++ {
		st.Vals[i] = sc.Stats[i].Initial
	}
	r := attach(sc, st)
	r.setBuiltins()
	r.derive()
	r.start()
	if opt.Record {
		st.Series = [][]float64{append([]float64(nil), st.Vals[:sc.NumStats()]...)}
	}
	r.draw()
	return r
}

// attach makes a Run over a state; every Run is made here so the
// expression environment is always wired.
func attach(sc *scenario.Scenario, st *State) *Run {
	r := &Run{sc: sc, st: st, pending: make([]float64, sc.NumStats()), actives: hasActive(sc), seen: -1, cause: -1}
	if sc.Format >= 2 {
		r.seen, r.cause = sc.Var(scenario.VarSeen), sc.Var(scenario.VarCauseMonth)
	}
	r.env.Refresh = r.derive
	r.bind()
	return r
}

// bind points the expression environment at the state's slices.
func (r *Run) bind() {
	r.env.V, r.env.F, r.env.Stale = r.st.Vals, r.st.Flags, false
}

// sync brings derived stats up to date for readers outside expressions.
func (r *Run) sync() {
	if r.env.Stale {
		r.derive()
	}
}

// Scenario returns the scenario being played.
func (r *Run) Scenario() *scenario.Scenario { return r.sc }

// State returns a copy of the run's state (the save). A front end that
// draws a frame reads the accessors below instead: they do not copy.
func (r *Run) State() *State { return r.st.Clone() }

// Session returns the workshop session code the run was started with.
func (r *Run) Session() string { return r.st.Session }

// Played returns how many months have been decided (len(State.Steps)).
func (r *Run) Played() int { return len(r.st.Steps) }

// Series returns the recorded stat values (State.Series), nil when the run
// does not record them. It is the run's own memory, shared to spare a copy
// per frame: read it, never change it, and read it again after a pick.
func (r *Run) Series() [][]float64 { return r.st.Series }

// Month is the current month, from 1.
func (r *Run) Month() int { return r.st.Month }

// Done reports whether the run has reached an ending.
func (r *Run) Done() bool { return r.st.Ending != "" }

// Ending returns the ending reached, or nil while the run goes on. Its
// title and text are filled in for the final state (format 2 placeholders
// and variants).
func (r *Run) Ending() *scenario.Ending {
	if r.st.Ending == "" {
		return nil
	}
	i, _ := r.sc.EndingIndex(r.st.Ending)
	e := &r.sc.Endings[i]
	if !e.Varies() {
		return e
	}
	shown := *e
	shown.Title, shown.Text = e.Show(&r.env)
	return &shown
}

// Value returns a stat's current value.
func (r *Run) Value(stat int) float64 { return r.st.Vals[stat] }

// Builtin returns a built-in variable's current value (scenario.Var*).
func (r *Run) Builtin(v int) float64 { return r.st.Vals[r.sc.Var(v)] }

// Raising returns the round being raised and the months it has run, or -1.
func (r *Run) Raising() (round, months int) {
	return r.st.Raising, int(r.Builtin(scenario.VarRaiseMonths))
}

func (r *Run) setBuiltins() {
	v := r.st.Vals
	v[r.sc.Var(scenario.VarMonth)] = float64(r.st.Month)
	v[r.sc.Var(scenario.VarMonthsLeft)] = float64(r.sc.Months - r.st.Month + 1)
	r.st.Flags[r.sc.FlagVar(scenario.FlagRaising)] = r.st.Raising >= 0
	r.env.Stale = true
}

// derive recomputes derived stats in file order.
func (r *Run) derive() {
	r.env.Stale = false
	sc := r.sc
	for i := sc.NumDeclared; i < len(sc.Stats); i++ {
		v := sc.Stats[i].Derived(&r.env)
		if sc.Stats[i].Bounded {
			v = math.Min(math.Max(v, sc.Stats[i].Min), sc.Stats[i].Max)
		}
		r.st.Vals[i] = finite(v)
	}
}

func finite(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	if math.IsInf(v, 1) {
		return math.MaxFloat64
	}
	if math.IsInf(v, -1) {
		return -math.MaxFloat64
	}
	return v
}

// apply makes an effect's changes. All right-hand sides are evaluated
// against the state before any change, so the order of keys never matters.
// It returns the ending the effect ends the run with, or -1.
func (r *Run) apply(e *scenario.Effect) int {
	if e == nil {
		return -1
	}
	sc, v := r.sc, r.st.Vals
	if len(e.Add)+len(e.Set) > 0 {
		p := r.pending[:0]
		for _, a := range e.Add {
			p = append(p, a.Value(&r.env))
		}
		for _, a := range e.Set {
			p = append(p, a.Value(&r.env))
		}
		for i, a := range e.Add {
			v[a.Stat] = r.clamp(a.Stat, v[a.Stat]+p[i])
		}
		for i, a := range e.Set {
			v[a.Stat] = r.clamp(a.Stat, p[len(e.Add)+i])
		}
	}
	for _, f := range e.SetFlags {
		r.st.Flags[f] = true
	}
	for _, f := range e.ClearFlags {
		r.st.Flags[f] = false
	}
	for _, fu := range e.FollowUps {
		if len(r.st.FollowUps) >= scenario.MaxPendingFollowUps {
			// More could never be shown (one card a month): a run that
			// piles them up keeps going, and says so.
			r.st.FollowUpsDropped++
			continue
		}
		r.st.FollowUps = append(r.st.FollowUps, Scheduled{Event: fu.Event, Month: r.st.Month + fu.After, From: r.st.Month, ByChoice: r.byChoice})
	}
	if sr := e.StartRound(); sr >= r.st.NextRound && r.st.Raising < 0 && sc.Funding != nil && r.on(offFunding) {
		// A closed round never restarts; starting a later one skips ahead.
		r.startRaise(sr)
	}
	if e.Rederive() {
		r.env.Stale = true
	}
	end := e.End()
	if p := e.Phase(); p >= 0 {
		// After the effect's other changes.
		if e := r.switchPhase(p); e >= 0 && end < 0 {
			end = e
		}
	}
	return end
}

func (r *Run) clamp(stat int, x float64) float64 {
	st := &r.sc.Stats[stat]
	return math.Min(math.Max(finite(x), st.Min), st.Max)
}

func (r *Run) startRaise(round int) {
	r.env.Stale = true
	r.st.Raising = round
	r.st.Vals[r.sc.Var(scenario.VarRaiseMonths)] = 0
	r.st.Flags[r.sc.FlagVar(scenario.FlagRaising)] = true
}

// eligible reports whether an event may be drawn this month.
func (r *Run) eligible(i int) bool {
	ev := &r.sc.Events[i]
	if ev.Max > 0 && r.st.Fired[i] >= ev.Max {
		return false
	}
	if last := r.st.LastFired[i]; last > 0 && r.st.Month-last <= ev.Cooldown {
		return false
	}
	// fits, written out: this runs for every event every month.
	if ev.Phases != 0 && ev.Phases&(1<<r.st.Phase) == 0 {
		return false
	}
	r.setSeen(r.st.Fired[i])
	return ev.When == nil || ev.When(&r.env)
}

// fits reports whether event i's phases and condition hold now; its
// condition sees how often it fired before as `seen`.
func (r *Run) fits(i int) bool {
	ev := &r.sc.Events[i]
	if ev.Phases != 0 && ev.Phases&(1<<r.st.Phase) == 0 {
		return false
	}
	// Set for the weight too, which is computed after.
	r.setSeen(r.st.Fired[i])
	return ev.When == nil || ev.When(&r.env)
}

// draw picks the card for the current month. Priority: the planning cycle,
// follow-ups that are due, scheduled events, a funding offer, then a random
// event by weight. Anything pre-empted waits for a later month.
func (r *Run) draw() {
	sc, st := r.sc, r.st
	m := st.Month
	r.setCause(0)
	r.setSeen(0)
	st.Because = 0
	if i := r.injected(m); i >= 0 {
		r.fire(i) // a shared event replaces the draw
		return
	}
	if f := sc.Fight; f != nil && r.on(offFight) && m-st.FightFrom >= f.First && (m-st.FightFrom-f.First)%f.Every == 0 {
		st.Card = Card{Kind: CardFight}
		return
	}
	for i := 0; i < len(st.FollowUps); i++ {
		fu := st.FollowUps[i]
		if fu.Month > m {
			continue
		}
		st.FollowUps = append(st.FollowUps[:i], st.FollowUps[i+1:]...)
		i--
		r.setCause(fu.From)
		if !r.fits(fu.Event) {
			r.setCause(0)
			continue // the situation it follows up on has passed
		}
		if fu.ByChoice {
			st.Because = fu.From
		}
		r.fire(fu.Event)
		return
	}
	for i := range sc.Events {
		if sc.Events[i].Trigger == scenario.Scheduled && r.eligible(i) {
			r.fire(i)
			return
		}
	}
	if fu := sc.Funding; fu != nil && r.on(offFunding) && st.Raising < 0 && st.NextRound < len(fu.Rounds) && m >= st.OfferAfter {
		rd := &fu.Rounds[st.NextRound]
		if rd.Offer != nil && (rd.When == nil || rd.When(&r.env)) {
			st.Card = Card{Kind: CardOffer, Index: st.NextRound}
			r.setSeen(0)
			return
		}
	}
	// One pass computes each random event's weight (0 when ineligible);
	// the draw then walks the weights.
	if len(r.weights) != len(sc.Events) {
		r.weights = make([]float64, len(sc.Events))
	}
	total := 0.0
	for i := range sc.Events {
		w := 0.0
		if sc.Events[i].Trigger == scenario.Random && r.eligible(i) {
			w = r.weight(i)
		}
		r.weights[i] = w
		total += w
	}
	if total > 0 {
		u := unit(st.Seed, m, streamCard, 0) * total
		last := -1
		for i, w := range r.weights {
			if w <= 0 {
				continue
			}
			last = i
			if u < w {
				r.fire(i)
				return
			}
			u -= w
		}
		r.fire(last) // rounding left u just past the end
		return
	}
	st.Card = Card{Kind: CardQuiet}
	r.setSeen(0)
}

func (r *Run) weight(i int) float64 {
	w := r.sc.Events[i].Weight
	if w == nil {
		return scenario.DefaultWeight
	}
	return math.Max(finite(w(&r.env)), 0)
}

func (r *Run) fire(i int) {
	r.st.Card = Card{Kind: CardEvent, Index: i}
	r.setSeen(r.st.Fired[i])
	r.st.Fired[i]++
	r.st.LastFired[i] = r.st.Month
}

// Pick chooses the n-th choice shown by Choices (0-based) and plays out
// the month. It returns what happened.
func (r *Run) Pick(n int) (*Report, error) {
	if r.Done() {
		return nil, ErrRunOver
	}
	cs := r.Choices()
	if n < 0 || n >= len(cs) {
		return nil, fmt.Errorf("choice %d is out of range: this card has %d choices", n+1, len(cs))
	}
	rep := &Report{}
	if err := r.step(cs[n].Index, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// PickIndex chooses by index into the card's full choice list (hidden
// choices included), as run codes store picks.
func (r *Run) PickIndex(i int) error { return r.step(i, nil) }

// PickIndexReport is PickIndex that also returns the report.
func (r *Run) PickIndexReport(i int) (*Report, error) {
	rep := &Report{}
	if err := r.step(i, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// ErrRunOver is returned when a pick is made after the ending.
var ErrRunOver = errors.New("the run has ended")

// step plays one month: the choice, the monthly rules, the systems, the
// endings, and the next card. rep may be nil (bots, replays).
func (r *Run) step(pick int, rep *Report) error {
	sc, st := r.sc, r.st
	if st.Ending != "" {
		return ErrRunOver
	}
	card := st.Card
	choices := r.cardChoices(card)
	if pick < 0 || pick >= len(choices) {
		return fmt.Errorf("choice %d is out of range: this card has %d choices", pick+1, len(choices))
	}
	ch := &choices[pick]
	if ch.When != nil && !ch.When(&r.env) {
		reason := ch.Blocked
		if reason == "" {
			reason = "its condition is not met"
		}
		return fmt.Errorf("choice %d (%s) is not available: %s", pick+1, ch.Label, reason)
	}
	var before []float64
	if rep != nil {
		before = append([]float64(nil), st.Vals[:sc.NumStats()]...)
		rep.Month = st.Month
		rep.Title, rep.Choice = r.cardTitle(card), ch.ShowLabel(&r.env)
	}
	outcome := -1
	r.rep, r.byChoice = rep, true
	end := r.choose(card, pick, ch, rep)
	if rep != nil {
		// Result texts are filled in after their effects.
		_, _, rep.Text = ch.Show(&r.env)
	}
	if len(ch.Outcomes) > 0 {
		outcome = r.roll(ch, rep)
		if e := r.apply(&ch.Outcomes[outcome].Effect); e >= 0 && end < 0 {
			end = e
		}
		if rep != nil {
			_, text := ch.Outcomes[outcome].Show(&r.env)
			rep.Text = joinText(rep.Text, text)
		}
	}
	r.byChoice = false
	st.Steps = append(st.Steps, Step{Month: st.Month, Card: card, Pick: pick, Outcome: outcome})
	if end < 0 {
		end = r.endOfMonth(rep)
	}
	if end >= 0 {
		r.apply(&sc.Endings[end].Effect)
	}
	r.sync()
	if rep != nil {
		rep.deltas(sc, before, st.Vals)
	}
	if st.Series != nil {
		st.Series = append(st.Series, append([]float64(nil), st.Vals[:sc.NumStats()]...))
	}
	if end >= 0 {
		st.Ending = sc.Endings[end].ID
		if rep != nil {
			rep.Ending = r.Ending()
		}
		r.rep = nil
		return nil
	}
	r.rep = nil
	st.Month++
	r.setBuiltins()
	if r.actives {
		r.refreshActive()
	}
	r.draw()
	r.sync()
	return nil
}

// choose applies a choice's own effects and what its card does with it:
// an offer starts a raise or waits, a planning cycle runs the contest.
// Outcomes are rolled by the caller. It returns an ending or -1.
func (r *Run) choose(card Card, pick int, ch *scenario.Choice, rep *Report) int {
	sc, st := r.sc, r.st
	end := r.apply(&ch.Effect)
	switch card.Kind {
	case CardOffer:
		rd := &sc.Funding.Rounds[card.Index]
		if pick == 0 {
			r.startRaise(card.Index)
			if rep != nil {
				rep.note(NoteFunding, fmt.Sprintf("You start raising the %s. It will take about %d months.", rd.Label, rd.Months))
			}
		} else {
			st.OfferAfter = st.Month + rd.RetryAfter
		}
	case CardFight:
		if e := r.contest(ch, rep); e >= 0 && end < 0 {
			end = e
		}
	}
	return end
}

// roll picks an outcome of a choice.
func (r *Run) roll(ch *scenario.Choice, rep *Report) int {
	odds := r.odds(ch)
	u := unit(r.st.Seed, r.st.Month, streamOutcome, 0)
	pick := len(odds) - 1
	acc := 0.0
	for i, p := range odds {
		acc += p
		if u < acc {
			pick = i
			break
		}
	}
	if rep != nil {
		rep.Roll = &Roll{Value: u, Odds: odds, Outcome: pick, Shown: ch.ShowOdds, Labels: make([]string, len(odds))}
		for i := range ch.Outcomes {
			rep.Roll.Labels[i], _ = ch.Outcomes[i].Show(&r.env)
		}
	}
	return pick
}

// odds returns the probability of each outcome of a choice. Chances are
// clamped to 0..1; an outcome without a chance takes what the others leave;
// if they add up to more than 1 they are scaled down to fit.
func (r *Run) odds(ch *scenario.Choice) []float64 {
	odds := make([]float64, len(ch.Outcomes))
	r.oddsInto(ch, odds)
	return odds
}

func (r *Run) oddsInto(ch *scenario.Choice, odds []float64) {
	sum, rest := 0.0, -1
	for i := range ch.Outcomes {
		if ch.Outcomes[i].Chance == nil {
			rest = i
			odds[i] = 0 // the buffer may be reused
			continue
		}
		p := math.Min(math.Max(finite(ch.Outcomes[i].Chance(&r.env)), 0), 1)
		odds[i] = p
		sum += p
	}
	if rest >= 0 && sum < 1 {
		odds[rest] = 1 - sum
		return
	}
	if sum > 0 {
		for i := range odds {
			odds[i] /= sum
		}
	} else if rest >= 0 {
		odds[rest] = 1
	} else {
		for i := range odds {
			odds[i] = 1 / float64(len(odds))
		}
	}
}

// endOfMonth runs the monthly rules and the systems, then checks endings.
func (r *Run) endOfMonth(rep *Report) int {
	sc, st := r.sc, r.st
	end := -1
	for i := range sc.Rules {
		rule := &sc.Rules[i]
		if rule.When != nil && !rule.When(&r.env) {
			continue
		}
		if e := r.apply(&rule.Effect); e >= 0 && end < 0 {
			end = e
		}
		if rep != nil {
			rep.Rules = append(rep.Rules, rule.Label)
		}
	}
	if r.actives {
		r.refreshActive()
	}
	if sc.Funding != nil && r.on(offFunding) {
		if e := r.funding(rep); e >= 0 && end < 0 {
			end = e
		}
	}
	if sc.Ladder != nil && r.on(offLadder) {
		if e := r.ladder(rep); e >= 0 && end < 0 {
			end = e
		}
	}
	if len(sc.Phases) > 0 {
		r.phaseMonth()
	}
	// Systems move built-ins (ratings, rounds) that derived stats may read.
	r.env.Stale = true
	if end >= 0 {
		return end
	}
	atEnd := st.Month >= sc.Months
	for i := range sc.Endings {
		e := &sc.Endings[i]
		if e.AtEnd && !atEnd || e.When == nil && !e.AtEnd {
			continue // at_end endings wait for the time limit; others without a condition come only through effects and systems
		}
		if e.When == nil || e.When(&r.env) {
			return i
		}
	}
	return -1
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// setSeen and setCause set `seen` and `cause_month` for the event being
// considered or shown (format 2 only: the draw does it for every event).
func (r *Run) setSeen(n int) {
	if r.seen >= 0 {
		r.st.Vals[r.seen] = float64(n)
	}
}

func (r *Run) setCause(month int) {
	if r.cause >= 0 {
		r.st.Vals[r.cause] = float64(month)
	}
}
