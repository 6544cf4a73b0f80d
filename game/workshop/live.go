package workshop

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Snapshot is a room as the facilitator sees it at one moment: every
// participant's run replayed from the stored choices, grouped by scenario.
type Snapshot struct {
	Room   *Room
	People []*Person
	Groups []*Group
	Shared []Injection
	Taken  time.Time
}

// Person is a participant and the run the server replayed for them.
type Person struct {
	*Participant
	Run     *sim.Run // nil when the stored choices do not replay (Err says why)
	Choices []Choice
	Err     error
}

// Month is the month the person is at (the card they see), or the months
// played when finished.
func (p *Person) Month() int {
	if p.Run == nil {
		return 0
	}
	if p.Run.Done() {
		return len(p.Choices)
	}
	return p.Run.Month()
}

// Done reports whether the person's run has ended.
func (p *Person) Done() bool { return p.Run != nil && p.Run.Done() }

// Group is the participants playing one scenario.
type Group struct {
	Scenario *scenario.Scenario
	People   []*Person
	Finished int
	// Where counts the people still playing at each month's card
	// (index 0 is month 1).
	Where []int
	// Now is the card most of the group has reached and decided: the
	// latest card at least half of them decided (or the most decided
	// one), with how they chose.
	Now *CardSplit
	// Split is where the group first chose differently.
	Split *history.Split
}

// CardSplit is one month's card and how the room chose at it.
type CardSplit struct {
	Month   int
	Title   string
	Decided int // people who decided it
	Reached int // people who reached it (decided or looking at it)
	Tallies []Tally
}

// Runs returns the group's replayed runs.
func (g *Group) Runs() []*sim.Run {
	var out []*sim.Run
	for _, p := range g.People {
		if p.Run != nil {
			out = append(out, p.Run)
		}
	}
	return out
}

// snapshots keeps each room's last snapshot and the runs it replayed, so a
// new one replays only the months decided since.
type snapshots struct {
	lib   *Library
	store *Store
	mu    sync.Mutex
	rooms map[string]*roomCache
}

type roomCache struct {
	mu   sync.Mutex
	gen  uint64
	snap *Snapshot
	runs map[string]*sim.Run // by participant id; advanced in place
	// frozen are copies of runs for snapshots, which handlers read while
	// the next snapshot advances runs: by participant id, with the number
	// of choices each copy holds.
	frozen map[string]frozenRun
}

type frozenRun struct {
	run *sim.Run
	n   int
}

func newSnapshots(lib *Library, store *Store) *snapshots {
	return &snapshots{lib: lib, store: store, rooms: map[string]*roomCache{}}
}

// forget drops a deleted room's cache.
func (s *snapshots) forget(code string) {
	s.mu.Lock()
	delete(s.rooms, code)
	s.mu.Unlock()
}

// Get returns the room's snapshot, reusing the last one while nothing in
// the room changed.
func (s *snapshots) Get(ctx context.Context, code string) (*Snapshot, error) {
	s.mu.Lock()
	rc := s.rooms[code]
	if rc == nil {
		rc = &roomCache{runs: map[string]*sim.Run{}, frozen: map[string]frozenRun{}}
		s.rooms[code] = rc
	}
	s.mu.Unlock()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	gen := s.store.Events().Generation(code)
	if rc.snap != nil && rc.gen == gen {
		return rc.snap, nil
	}
	snap, err := s.take(ctx, code, rc)
	if err != nil {
		return nil, err
	}
	rc.snap, rc.gen = snap, gen
	return snap, nil
}

func (s *snapshots) take(ctx context.Context, code string, rc *roomCache) (*Snapshot, error) {
	room, err := s.store.Room(ctx, code)
	if err != nil {
		return nil, err
	}
	ps, err := s.store.Participants(ctx, code)
	if err != nil {
		return nil, err
	}
	all, err := s.store.RoomChoices(ctx, code)
	if err != nil {
		return nil, err
	}
	injs, err := s.store.Injections(ctx, code)
	if err != nil {
		return nil, err
	}
	byP := map[string][]Choice{}
	for _, c := range all {
		byP[c.Participant] = append(byP[c.Participant], c)
	}
	snap := &Snapshot{Room: room, Taken: time.Now(), Shared: injs}
	groups := map[string]*Group{}
	for _, id := range room.Settings.Scenarios {
		if sc, ok := s.lib.Find(id); ok && groups[id] == nil {
			groups[id] = &Group{Scenario: sc}
			snap.Groups = append(snap.Groups, groups[id])
		}
	}
	seen := map[string]bool{}
	for _, p := range ps {
		seen[p.ID] = true
		person := &Person{Participant: p, Choices: byP[p.ID]}
		snap.People = append(snap.People, person)
		sc, ok := s.lib.Find(p.Scenario)
		if !ok {
			person.Err = fmt.Errorf("scenario %q is not installed on this server", p.Scenario)
			continue
		}
		var live *sim.Run
		live, person.Err = s.runOf(rc, sc, room, injs, p.ID, person.Choices)
		if live != nil {
			f, ok := rc.frozen[p.ID]
			if !ok || f.n != len(person.Choices) || f.run.Scenario() != sc {
				f = frozenRun{run: live.Fork(room.Seed()), n: len(person.Choices)}
				rc.frozen[p.ID] = f
			}
			person.Run = f.run
		}
		g := groups[p.Scenario]
		if g == nil {
			g = &Group{Scenario: sc}
			groups[p.Scenario] = g
			snap.Groups = append(snap.Groups, g)
		}
		g.People = append(g.People, person)
	}
	for id := range rc.runs {
		if !seen[id] {
			delete(rc.runs, id)
			delete(rc.frozen, id)
		}
	}
	for _, g := range snap.Groups {
		g.summarise(room, injs)
	}
	return snap, nil
}

// runOf brings a participant's cached run up to the stored choices, or
// replays it from the start when it cannot.
func (s *snapshots) runOf(rc *roomCache, sc *scenario.Scenario, room *Room, injs []Injection, id string, cs []Choice) (*sim.Run, error) {
	r := rc.runs[id]
	if r != nil && r.Scenario() == sc {
		done := len(r.State().Steps)
		if done <= len(cs) {
			ok := true
			for _, c := range cs[done:] {
				if advance(r, injs, c) != nil {
					ok = false
					break
				}
			}
			if ok && !r.Done() && injectFor(r, injs, nil) != nil {
				ok = false
			}
			if ok {
				return r, nil
			}
		}
	}
	r, err := Replay(sc, room, injs, cs)
	if err != nil {
		delete(rc.runs, id)
		return nil, err
	}
	rc.runs[id] = r
	return r, nil
}

// summarise counts where the group is and how it chose.
func (g *Group) summarise(room *Room, injs []Injection) {
	g.Where = make([]int, g.Scenario.Months)
	type key struct {
		month int
		card  sim.Card
	}
	decided := map[key]map[int]int{}
	reached := map[key]int{}
	first := map[key]*Person{} // someone who reached it, to read the card
	var keys []key
	for _, p := range g.People {
		if p.Run == nil {
			continue
		}
		st := p.Run.State()
		for _, step := range st.Steps {
			k := key{step.Month, step.Card}
			if decided[k] == nil {
				decided[k] = map[int]int{}
				keys = append(keys, k)
				first[k] = p
			}
			decided[k][step.Pick]++
			reached[k]++
		}
		if p.Run.Done() {
			g.Finished++
			continue
		}
		if m := p.Run.Month(); m >= 1 && m <= len(g.Where) {
			g.Where[m-1]++
		}
		k := key{st.Month, st.Card}
		reached[k]++
		if first[k] == nil {
			first[k] = p
			keys = append(keys, k)
		}
	}
	// The card "now": the latest one at least half the group decided,
	// else the one most decided.
	var best *key
	half := (len(g.People) + 1) / 2
	for i := range keys {
		k := &keys[i]
		n := sum(decided[*k])
		if n == 0 {
			continue
		}
		switch {
		case best == nil:
			best = k
		case n >= half && (sum(decided[*best]) < half || k.month > best.month):
			best = k
		case sum(decided[*best]) < half && n > sum(decided[*best]):
			best = k
		}
	}
	if best != nil {
		g.Now = cardSplit(g.Scenario, room, injs, first[*best], best.month, decided[*best], reached[*best])
	}
	if runs := g.Runs(); len(runs) > 1 {
		g.Split = DebriefGroup(g.Scenario, runs, nil).FirstSplit()
	}
}

func sum(m map[int]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// cardSplit reads a month's card by replaying someone who reached it.
func cardSplit(sc *scenario.Scenario, room *Room, injs []Injection, p *Person, month int, tally map[int]int, reached int) *CardSplit {
	r := sim.New(sc, room.Seed(), sim.Options{})
	for _, c := range p.Choices {
		if c.Month >= month {
			break
		}
		if advance(r, injs, c) != nil {
			return nil
		}
	}
	card := r.Card()
	cs := &CardSplit{Month: month, Title: card.Title, Decided: sum(tally), Reached: reached}
	for _, c := range card.Choices {
		cs.Tallies = append(cs.Tallies, Tally{Index: c.Index, Label: c.Label, Count: tally[c.Index]})
	}
	sort.SliceStable(cs.Tallies, func(i, j int) bool { return cs.Tallies[i].Index < cs.Tallies[j].Index })
	return cs
}
