package sim

import (
	"fmt"
	"math"

	"runwayladder/game/scenario"
)

// A Bot plays runs for the balance tool. Each has a point of view: what it
// values (a score over the state), how it weighs risk, and how often it
// acts on a whim. Bots are deterministic for a run's seed.
type Bot struct {
	def  scenario.Bot
	sc   *scenario.Scenario
	look *Run // scratch run for lookahead, reused to avoid allocation
	odds []float64
	// pos is a positional bot's position among the visible choices
	// (posLast for the last); noPos for every other bot.
	pos int
}

// Positions of the positional bots.
const (
	noPos   = -1
	posLast = -2
)

// PositionalBot is a bot that presses the same position on every card,
// whatever the card says: the player who does not read. Every scenario has
// them; a scenario whose positional bots do as well as its typical player
// rewards not reading (careersim check fails it).
type PositionalBot struct {
	Name, Description string
	pos               int
}

// PositionalBots lists the positional bots in display order.
func PositionalBots() []PositionalBot {
	return []PositionalBot{
		{"first", "always presses the first choice (the next available one when it is greyed out)", 0},
		{"second", "always presses the second choice (the next available one when it is greyed out)", 1},
		{"last", "always presses the last choice (the one before it when it is greyed out)", posLast},
	}
}

// BotNames lists every bot a scenario can be played with: its own (the
// shared random, typical, cautious and bold, then any it adds) and the
// positional bots.
func BotNames(sc *scenario.Scenario) []string {
	var names []string
	for _, b := range sc.Bots {
		names = append(names, b.Name)
	}
	for _, p := range PositionalBots() {
		names = append(names, p.Name)
	}
	return names
}

// NewBot makes the named bot for a scenario.
func NewBot(sc *scenario.Scenario, name string) (*Bot, error) {
	for _, p := range PositionalBots() {
		if p.Name == name {
			return &Bot{def: scenario.Bot{Name: p.Name, Description: p.Description}, sc: sc, pos: p.pos}, nil
		}
	}
	def, ok := sc.Bot(name)
	if !ok {
		return nil, fmt.Errorf("unknown bot %q (have %v)", name, BotNames(sc))
	}
	return &Bot{def: def, sc: sc, odds: make([]float64, 8), pos: noPos}, nil
}

// Name is the bot's name.
func (b *Bot) Name() string { return b.def.Name }

// CategoryValue is what an ending of a category adds to a run's score:
// thrived +60, good +25, survived 0, struggled -30, failed (or none) -80.
// The bots' lookahead and history's ranking of finished runs share it.
func CategoryValue(c scenario.Category) float64 {
	switch c {
	case scenario.Thrived:
		return 60
	case scenario.Good:
		return 25
	case scenario.Survived:
		return 0
	case scenario.Struggled:
		return -30
	}
	return -80
}

// score values a state from the bot's point of view; an ending reached
// adds its category's value whatever the bot's own score. A bot without a
// score of its own (typical, cautious, bold) values the outcome axes and
// what the systems show as progress.
func (b *Bot) score(r *Run) float64 {
	if b.def.Score == nil {
		return DefaultScore(r) + progress(r)
	}
	s := finite(b.def.Score(&r.env))
	if end := r.Ending(); end != nil {
		s += CategoryValue(end.Category)
	}
	return s
}

// DefaultScore blends the outcome axes into one number, the same in every
// scenario: wealth on a saturating scale, level, skills, wellbeing and
// autonomy; an ending adds its category's value. It ranks finished runs
// (history.Score is the same blend over an Outcome); the shared bots add
// progress while a run goes on.
func DefaultScore(r *Run) float64 {
	a := &r.sc.Axes
	e := &r.env
	w := finite(a.Wealth(e))
	wealth := w / (math.Abs(w) + 500_000) // -1..1
	s := float64(25*wealth) + float64(4*finite(a.Level(e))) + float64(0.2*finite(a.Skills(e))) +
		float64(0.3*finite(a.Wellbeing(e))) + float64(0.15*finite(a.Autonomy(e)))
	if end := r.Ending(); end != nil {
		s += CategoryValue(end.Category)
	}
	return s
}

// progress is what a player reads off the systems: how the ladder's next
// calibration would see them (their score among the peers, in peer spreads)
// and how long the company's money lasts and how far it has been funded. A
// system switched off (a phase of the run where it is not active) counts
// nothing.
func progress(r *Run) float64 {
	sc, e := r.sc, &r.env
	s := 0.0
	if l := sc.Ladder; l != nil && l.PeerSpread > 0 && r.st.Off&offLadder == 0 {
		z := (finite(l.Score(e)) - l.PeerMean) / l.PeerSpread
		s += ladderWeight * math.Min(math.Max(z, -2), 2)
	}
	if f := sc.Funding; f != nil && r.st.Off&offFunding == 0 {
		v := r.st.Vals
		net := v[f.Burn] - v[f.Revenue]
		runway := 24.0
		if net > 0 {
			runway = math.Min(math.Max(v[f.Cash]/net, 0), 24)
		}
		rounds := r.Builtin(scenario.VarRoundsClosed)
		if k := r.st.Raising; k >= 0 {
			// A raise in progress is worth its odds at today's numbers.
			rounds += clamp01(finite(f.Rounds[k].Chance(e)))
		} else if k := r.st.NextRound; k < len(f.Rounds) {
			// The next round, not yet started, is worth most of its odds:
			// what the player builds towards.
			rounds += nextRoundShare * clamp01(finite(f.Rounds[k].Chance(e)))
		}
		s += runwayWeight*runway + roundWeight*rounds
	}
	return s
}

// The weights of what a player reads off the systems, the same for every
// scenario (measured across the bundled set: without them the typical
// player never submits a paper, never writes a grant and never builds the
// traction a round is priced on, because those pay off after its
// lookahead).
const (
	// ladderWeight: points per peer spread of calibration standing
	// (clamped to two spreads either way).
	ladderWeight = 1.5
	// runwayWeight: points per month of runway, up to two years.
	runwayWeight = 0.25
	// roundWeight: points per funding round closed; a raise in progress
	// counts its odds, the next round not yet started nextRoundShare of
	// them.
	roundWeight    = 25
	nextRoundShare = 0.75
)

func clamp01(x float64) float64 { return math.Min(math.Max(x, 0), 1) }

// Choose returns the full-list index of the bot's pick for the run's card.
func (b *Bot) Choose(r *Run, decision int) int {
	all := r.cardChoices(r.st.Card)
	n := 0
	for i := range all {
		if r.available(i) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	if b.pos != noPos {
		return b.position(r, all)
	}
	whim := unit(r.st.Seed, r.st.Month, streamBot, decision)
	if b.def.Name == "random" || whim < b.def.Explore || n == 1 {
		k := int(unit(r.st.Seed, r.st.Month, streamBot, decision+1000) * float64(n))
		for i := range all {
			if r.available(i) {
				if k == 0 {
					return i
				}
				k--
			}
		}
	}
	best, bestV := -1, math.Inf(-1)
	for i := range all {
		if !r.available(i) {
			continue
		}
		v := b.value(r, i)
		if v > bestV {
			best, bestV = i, v
		}
	}
	return best
}

// position returns a positional bot's pick: its position among the choices
// the player sees (hidden ones left out), or the nearest available one
// after it (before it, for the last), wrapping round.
func (b *Bot) position(r *Run, all []scenario.Choice) int {
	var shown [8]int
	vis := shown[:0]
	for i := range all {
		if r.available(i) || !all[i].Hide {
			vis = append(vis, i)
		}
	}
	k, step := b.pos, 1
	if k == posLast || k >= len(vis) {
		k, step = len(vis)-1, -1
	}
	for range vis {
		if r.available(vis[k]) {
			return vis[k]
		}
		k = (k + step + len(vis)) % len(vis)
	}
	return vis[0] // unreachable: Choose checked that one is available
}

// value judges choice i: every outcome is played forward on a scratch copy
// of the run (the choice, the rest of the month, then Lookahead months of
// rules and systems with no new cards), scored, and the scores combined by
// the bot's attitude to risk.
func (b *Bot) value(r *Run, i int) float64 {
	ch := &r.cardChoices(r.st.Card)[i]
	if len(ch.Outcomes) == 0 {
		return b.simulate(r, i, -1)
	}
	if cap(b.odds) < len(ch.Outcomes) {
		b.odds = make([]float64, len(ch.Outcomes))
	}
	odds := b.odds[:len(ch.Outcomes)]
	r.oddsInto(ch, odds)
	// A copy: simulate below reuses the bot's buffers. Eight fit on the
	// stack; a choice with more outcomes takes the heap.
	var buf [8]float64
	probs := append(buf[:0], odds...)
	exp, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for j := range ch.Outcomes {
		if probs[j] <= 0 {
			continue
		}
		v := b.simulate(r, i, j)
		exp += probs[j] * v
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	switch risk := b.def.Risk; {
	case risk < 0:
		return exp + risk*(exp-lo)
	case risk > 0:
		return exp + risk*(hi-exp)
	}
	return exp
}

// simulate plays choice i with outcome j forced on a scratch copy, then
// the rest of the month and Lookahead quiet months, and scores the result.
func (b *Bot) simulate(r *Run, i, j int) float64 {
	if b.look == nil {
		b.look = attach(r.sc, &State{})
	}
	l := b.look
	copyState(l.st, r.st)
	l.bind()
	ch := &l.cardChoices(l.st.Card)[i]
	end := l.choose(l.st.Card, i, ch, nil)
	if j >= 0 {
		if e := l.apply(&ch.Outcomes[j].Effect); e >= 0 && end < 0 {
			end = e
		}
	}
	for m := 0; m <= b.def.Lookahead && end < 0; m++ {
		end = l.endOfMonth(nil)
		l.st.Month++
		l.setBuiltins()
		if l.st.Month > l.sc.Months {
			break
		}
	}
	if end >= 0 {
		l.apply(&l.sc.Endings[end].Effect)
		l.st.Ending = l.sc.Endings[end].ID
	}
	return b.score(l)
}

// copyState copies the parts of a state the lookahead touches, reusing
// dst's slices.
func copyState(dst, src *State) {
	vals, flags := dst.Vals, dst.Flags
	steps := dst.Steps[:0]
	*dst = *src
	dst.Vals = append(vals[:0], src.Vals...)
	dst.Flags = append(flags[:0], src.Flags...)
	dst.Steps = steps
	dst.Series = nil
	// A different seed: the lookahead samples luck, it must not peek at the
	// run's own future draws.
	dst.Seed = mix(src.Seed ^ 0xB07B07B07)
	// FollowUps, Fired and LastFired are shared read-only: the lookahead
	// does not draw cards. Appends to FollowUps must not write into src's
	// array, so cap it.
	dst.FollowUps = src.FollowUps[:len(src.FollowUps):len(src.FollowUps)]
	dst.PhaseLog = src.PhaseLog[:len(src.PhaseLog):len(src.PhaseLog)]
	dst.Injected = src.Injected[:len(src.Injected):len(src.Injected)]
}

// Play runs a whole run with the bot and returns it.
func (b *Bot) Play(seed uint64, opt Options) *Run {
	r := New(b.sc, seed, opt)
	for d := 0; !r.Done(); d++ {
		if err := r.step(b.Choose(r, d), nil); err != nil {
			// Cannot happen: Choose only returns available choices. Guard
			// anyway so a bug ends the run instead of looping.
			break
		}
	}
	return r
}
