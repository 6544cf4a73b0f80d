package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"runwayladder/game/scenario"
)

// StateVersion is the version of the State layout. Bump it when fields
// change meaning, and teach DecodeState to migrate the old one.
//
// Version 2 (format 2) added four built-in variables after `award` in
// Vals, the cause of each follow-up, phases, systems' activity and
// vesting; a version-1 save is migrated by replaying it (see migrate.go).
const StateVersion = 2

// CardKind says what kind of card a month shows.
type CardKind int

// Card kinds.
const (
	CardEvent CardKind = iota // a scenario event; Index is the event index
	CardOffer                 // a funding round's offer; Index is the round index
	CardFight                 // the resource fight's planning cycle
	CardQuiet                 // nothing eligible: a quiet month
)

// Card identifies the card of a month.
type Card struct {
	Kind  CardKind `json:"kind"`
	Index int      `json:"index"`
}

// Scheduled is a follow-up event waiting for its month.
type Scheduled struct {
	Event int `json:"event"`
	Month int `json:"month"`
	// From is the month that scheduled it; ByChoice reports that the
	// player's choice (or its outcome) did, rather than a rule or a system.
	From     int  `json:"from,omitempty"`
	ByChoice bool `json:"by_choice,omitempty"`
}

// Injection is a shared event a workshop facilitator put on a month's card
// (Run.Inject); Event is its index.
type Injection struct {
	Month int `json:"month"`
	Event int `json:"event"`
}

// PhaseStep records the month a phase began (format 2).
type PhaseStep struct {
	Month int `json:"month"`
	Phase int `json:"phase"`
}

// Systems a scenario may switch on and off with `active` (State.Off).
const (
	offFunding = 1 << iota
	offLadder
	offFight
)

// Step records one decided month.
type Step struct {
	Month   int  `json:"month"`
	Card    Card `json:"card"`
	Pick    int  `json:"pick"`    // index into the card's full choice list
	Outcome int  `json:"outcome"` // index of the rolled outcome, -1 for none
}

// State is everything that changes during a run: plain data, versioned and
// JSON-serialisable. It is the save file. The scenario it belongs to is
// immutable and not part of it.
type State struct {
	V        int    `json:"v"`
	Scenario string `json:"scenario"`
	Content  int    `json:"content"`
	Seed     uint64 `json:"seed"`
	Session  string `json:"session,omitempty"`

	Month int `json:"month"`
	// Vals holds the numeric variables: stats, derived stats, then built-ins
	// (see scenario.Var*). Flags holds declared then built-in flags.
	Vals  []float64 `json:"vals"`
	Flags []bool    `json:"flags"`

	Fired     []int       `json:"fired"`      // times each event was drawn
	LastFired []int       `json:"last_fired"` // month each event was last drawn, 0 never
	FollowUps []Scheduled `json:"follow_ups,omitempty"`
	// FollowUpsDropped counts follow-ups not scheduled because
	// scenario.MaxPendingFollowUps were waiting already: a scenario that
	// schedules faster than one card a month can show.
	FollowUpsDropped int  `json:"follow_ups_dropped,omitempty"`
	Card             Card `json:"card"`

	// Funding: the round being raised (-1 none), when it started, the next
	// round to raise, and the first month its offer may show again.
	Raising    int `json:"raising"`
	NextRound  int `json:"next_round"`
	OfferAfter int `json:"offer_after"`
	// Ladder: consecutive lowest ratings.
	LowStreak int `json:"low_streak"`

	// Format 2. Phase is the current phase and PhaseLog when each phase
	// began (both unused without phases); Grant and Vested are the vesting
	// grant of the current stint and what of it has vested. Off holds the
	// systems whose `active` is false (offFunding...), LadderFrom and
	// FightFrom the month before the one they became active in (their
	// calendars count from there).
	Phase    int         `json:"phase,omitempty"`
	PhaseLog []PhaseStep `json:"phase_log,omitempty"`
	Grant    float64     `json:"grant,omitempty"`
	Vested   float64     `json:"vested,omitempty"`
	Off      int         `json:"off,omitempty"`
	// Because is the month whose choice scheduled the current card, when it
	// is a follow-up the player's choice scheduled (0 otherwise).
	Because int `json:"because,omitempty"`
	// Injected lists the shared events put on months' cards, in month
	// order; the run code carries them so a replay is exact.
	Injected []Injection `json:"injected,omitempty"`
	// Broke reports that [funding.broke] applied in this stint of funding.
	Broke      bool `json:"broke,omitempty"`
	LadderFrom int  `json:"ladder_from,omitempty"`
	FightFrom  int  `json:"fight_from,omitempty"`

	Steps  []Step `json:"steps"`
	Ending string `json:"ending,omitempty"`
	// Series holds each stat's value at the start (index 0) and the end of
	// every month, when the run records it (for charts).
	Series [][]float64 `json:"series,omitempty"`
}

// Picks returns the pick of every decided month.
func (s *State) Picks() []int {
	out := make([]int, len(s.Steps))
	for i, st := range s.Steps {
		out[i] = st.Pick
	}
	return out
}

// Clone returns a deep copy.
func (s *State) Clone() *State {
	c := *s
	c.Vals = append([]float64(nil), s.Vals...)
	c.Flags = append([]bool(nil), s.Flags...)
	c.Fired = append([]int(nil), s.Fired...)
	c.LastFired = append([]int(nil), s.LastFired...)
	c.FollowUps = append([]Scheduled(nil), s.FollowUps...)
	c.PhaseLog = append([]PhaseStep(nil), s.PhaseLog...)
	c.Injected = append([]Injection(nil), s.Injected...)
	c.Steps = append([]Step(nil), s.Steps...)
	if s.Series != nil {
		c.Series = make([][]float64, len(s.Series))
		for i, row := range s.Series {
			c.Series[i] = append([]float64(nil), row...)
		}
	}
	return &c
}

// EncodeState serialises a state.
func EncodeState(s *State) ([]byte, error) {
	return json.Marshal(s)
}

// MaxStateSize bounds a save file.
const MaxStateSize = 4 << 20

// DecodeState reads a saved state and checks it against its scenario by
// replaying its seed and picks: a save that was edited, truncated or made by
// another content version is refused with the reason, never half-loaded.
func DecodeState(sc *scenario.Scenario, data []byte) (*Run, error) {
	if len(data) > MaxStateSize {
		return nil, fmt.Errorf("save is %d bytes; the limit is %d", len(data), MaxStateSize)
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("save is not valid JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("save cannot be read: %v", err)
	}
	if s.V < 1 || s.V > StateVersion {
		return nil, fmt.Errorf("save has state version %d; this build reads versions 1 to %d", s.V, StateVersion)
	}
	if s.V < StateVersion && sc.Format >= 2 {
		return nil, fmt.Errorf("save has state version %d, older than format %d of %q: it cannot be one of its runs", s.V, sc.Format, sc.ID)
	}
	if s.Scenario != sc.ID {
		return nil, fmt.Errorf("save is for scenario %q, not %q", s.Scenario, sc.ID)
	}
	if s.Content != sc.Version {
		return nil, fmt.Errorf("save was made with version %d of %q; version %d is installed", s.Content, sc.ID, sc.Version)
	}
	if len(s.Steps) > sc.Months {
		return nil, fmt.Errorf("save has %d months of picks; the scenario lasts %d", len(s.Steps), sc.Months)
	}
	for _, v := range s.Vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("save holds a value that is not a finite number")
		}
	}
	r := New(sc, s.Seed, Options{Record: s.Series != nil, Session: s.Session})
	if err := r.preload(s.Injected, len(s.Steps)); err != nil {
		return nil, fmt.Errorf("save's %v", err)
	}
	for i, st := range s.Steps {
		if err := r.PickIndex(st.Pick); err != nil {
			return nil, fmt.Errorf("save's pick %d (month %d) does not replay: %v", i+1, st.Month, err)
		}
	}
	if !r.st.asVersion(s.V, sc).equal(&s) {
		return nil, errors.New("save does not match a replay of its own seed and picks (edited by hand, or made by a different build)")
	}
	return r, nil
}

// equal compares two states field by field.
func (s *State) equal(o *State) bool {
	a, err1 := json.Marshal(s)
	b, err2 := json.Marshal(o)
	return err1 == nil && err2 == nil && string(a) == string(b)
}
