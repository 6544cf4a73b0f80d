package workshop

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"runwayladder/game/sim"
)

// CreateRequest is a new room, from the facilitator's form or the API.
type CreateRequest struct {
	Name      string   `json:"name"`
	Scenarios []string `json:"scenarios"`
	// Session is the session code that sets everyone's luck; empty draws
	// a random one.
	Session   string `json:"session,omitempty"`
	Capacity  int    `json:"capacity,omitempty"`
	Reveal    string `json:"reveal,omitempty"`
	HoldMonth int    `json:"hold_month,omitempty"`
}

// CreateResponse is a created room: its code and the facilitator's secret
// links.
type CreateResponse struct {
	Code           string `json:"code"`
	FacilitatorURL string `json:"facilitator_url"`
	ProjectorURL   string `json:"projector_url"`
	JoinURL        string `json:"join_url"`
}

// newRoom checks a create request and makes the room and its secret.
func (s *Server) newRoom(req CreateRequest) (*Room, string, error) {
	name, err := cleanText(req.Name, MaxRoomNameRunes, "room name")
	if err != nil {
		return nil, "", err
	}
	if len(req.Scenarios) == 0 {
		return nil, "", errors.New("choose a scenario for the room")
	}
	if len(req.Scenarios) > MaxRoomScenarios {
		return nil, "", fmt.Errorf("a room assigns at most %d scenarios", MaxRoomScenarios)
	}
	seen := map[string]bool{}
	hold := req.HoldMonth
	for _, id := range req.Scenarios {
		sc, ok := s.cfg.Library.Find(id)
		if !ok {
			return nil, "", fmt.Errorf("unknown scenario %q", id)
		}
		if seen[id] {
			return nil, "", fmt.Errorf("scenario %q is listed twice", id)
		}
		seen[id] = true
		if hold < 0 || hold > sc.Months {
			return nil, "", fmt.Errorf("the hold month %d is outside %s's %d months", hold, sc.Title, sc.Months)
		}
	}
	session := strings.ToUpper(strings.TrimSpace(req.Session))
	if session == "" {
		session = randomString(8)
	}
	seed, err := sim.SessionSeed(session)
	if err != nil {
		return nil, "", err
	}
	capacity := req.Capacity
	if capacity == 0 {
		capacity = DefaultCapacity
	}
	if capacity < 1 || capacity > MaxCapacity {
		return nil, "", fmt.Errorf("the room holds 1 to %d participants, not %d", MaxCapacity, capacity)
	}
	reveal := Reveal(req.Reveal)
	switch reveal {
	case "":
		reveal = RevealLive
	case RevealLive, RevealManual:
	default:
		return nil, "", fmt.Errorf("reveal is %q or %q, not %q", RevealLive, RevealManual, req.Reveal)
	}
	secret := NewSecret()
	return &Room{SecretHash: HashSecret(secret), Name: name, Created: s.now(), HoldMonth: hold,
		Settings: Settings{Scenarios: req.Scenarios, Session: session, Seed: seed, Capacity: capacity, Reveal: reveal}}, secret, nil
}

// create stores a new room under a fresh code.
func (s *Server) create(ctx context.Context, room *Room) error {
	for try := 0; ; try++ {
		room.Code = NewRoomCode()
		err := s.cfg.Store.CreateRoom(ctx, room)
		if !errors.Is(err, ErrConflict) || try == 5 {
			return err
		}
	}
}

func (s *Server) links(r *http.Request, code, secret string) CreateResponse {
	base := s.publicBase(r)
	return CreateResponse{Code: code, FacilitatorURL: base + "/f/" + secret + "/",
		ProjectorURL: base + "/f/" + secret + "/projector", JoinURL: base + "/j/" + code}
}

func (s *Server) apiCreateRoom(w http.ResponseWriter, r *http.Request) {
	var req CreateRequest
	if !readJSON(w, r, &req) {
		return
	}
	room, secret, err := s.newRoom(req)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_room", err.Error())
		return
	}
	if err := s.create(r.Context(), room); err != nil {
		s.storeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, s.links(r, room.Code, secret))
}

// joinRequest is a participant joining: the room's code and a name.
type joinRequest struct {
	Room string `json:"room"`
	Name string `json:"name"`
}

// Me is what a participant's page needs to play: the room, the scenario and
// luck, and the picks the server holds.
type Me struct {
	Token       string `json:"token,omitempty"` // only when joining
	Participant string `json:"participant"`
	Name        string `json:"name"`
	Room        string `json:"room"`
	RoomName    string `json:"room_name"`
	Scenario    string `json:"scenario"`
	Version     int    `json:"version"`
	Session     string `json:"session"`
	// Seed is the room's seed (a string: JavaScript numbers hold 53 bits).
	Seed      uint64 `json:"seed,string"`
	HoldMonth int    `json:"hold_month"`
	Picks     []int  `json:"picks"`
	Month     int    `json:"month"`
	Done      bool   `json:"done"`
	Ending    string `json:"ending,omitempty"`
	// Shared are the room's shared events on this run's cards: the game
	// injects each before deciding the month before it.
	Shared []SharedEvent `json:"shared"`
}

func (s *Server) apiJoin(w http.ResponseWriter, r *http.Request) {
	var req joinRequest
	if !readJSON(w, r, &req) {
		return
	}
	ip := clientIP(r)
	if !s.joins.peek(ip, s.now()) {
		writeError(w, http.StatusTooManyRequests, "rate_limited", "Too many tries with room codes that do not exist. Wait a minute and check the code.")
		return
	}
	code, ok := NormalizeCode(req.Room)
	if !ok {
		s.joins.allow(ip, s.now())
		writeError(w, http.StatusBadRequest, "bad_code", fmt.Sprintf("A room code is %d letters and digits, like K7QM2X.", CodeLen))
		return
	}
	name, err := CleanName(req.Name)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_name", "Your name: "+err.Error()+".")
		return
	}
	token := NewSecret()
	p := &Participant{ID: NewParticipantID(), Room: code, TokenHash: HashSecret(token), Name: name, Joined: s.now()}
	if err := s.cfg.Store.Join(r.Context(), p); err != nil {
		if errors.Is(err, ErrNotFound) {
			s.joins.allow(ip, s.now())
			writeError(w, http.StatusNotFound, "no_room", "There is no room "+code+". Check the code on the projector.")
			return
		}
		s.storeError(w, err)
		return
	}
	room, err := s.cfg.Store.Room(r.Context(), code)
	if err != nil {
		s.storeError(w, err)
		return
	}
	me, err := s.me(r.Context(), room, p, nil)
	if err != nil {
		s.storeError(w, err)
		return
	}
	me.Token = token
	writeJSON(w, http.StatusCreated, me)
}

// participant authenticates a request by its bearer token.
func (s *Server) participant(w http.ResponseWriter, r *http.Request) (*Participant, *Room, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		writeError(w, http.StatusUnauthorized, "no_token", "join the room first")
		return nil, nil, false
	}
	hash := HashSecret(token)
	p := s.cache.participant(hash)
	if p == nil {
		var err error
		p, err = s.cfg.Store.ParticipantByToken(r.Context(), hash)
		if errors.Is(err, ErrNotFound) {
			writeError(w, http.StatusUnauthorized, "unknown_token", "this browser's place in the room is gone (the room may have been deleted); join again")
			return nil, nil, false
		}
		if err != nil {
			s.storeError(w, err)
			return nil, nil, false
		}
		s.cache.keepParticipant(hash, p)
	}
	room := s.cache.room(p.Room, s.now())
	if room == nil {
		var err error
		room, err = s.cfg.Store.Room(r.Context(), p.Room)
		if errors.Is(err, ErrNotFound) {
			s.cache.forgetParticipant(hash)
			writeError(w, http.StatusUnauthorized, "unknown_token", "this room no longer exists")
			return nil, nil, false
		}
		if err != nil {
			s.storeError(w, err)
			return nil, nil, false
		}
		s.cache.keepRoom(room, s.now())
	}
	return p, room, true
}

// lookups caches what every choice needs to know: who sends it (a
// participant never changes) and the room's pacing, read again from the
// database after roomTTL (a hold set through another server takes effect
// within that; one set through this server at once).
type lookups struct {
	mu     sync.Mutex
	people map[string]*Participant // by token hash
	rooms  map[string]cachedRoom
	// shared are each room's shared events. Being a little late with one
	// is harmless: each choice records the one it was given.
	shared map[string]cachedShared
}

type cachedShared struct {
	list []Injection
	at   time.Time
}

func (l *lookups) injections(code string, now time.Time) ([]Injection, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.shared[code]
	if !ok || now.Sub(c.at) > roomTTL || now.Before(c.at) {
		return nil, false
	}
	return c.list, true
}

func (l *lookups) keepInjections(code string, list []Injection, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.shared) >= 1000 {
		l.shared = map[string]cachedShared{}
	}
	l.shared[code] = cachedShared{list: list, at: now}
}

type cachedRoom struct {
	room *Room
	at   time.Time
}

const roomTTL = 250 * time.Millisecond

func newLookups() *lookups {
	return &lookups{people: map[string]*Participant{}, rooms: map[string]cachedRoom{}, shared: map[string]cachedShared{}}
}

func (l *lookups) participant(hash string) *Participant {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.people[hash]
}

func (l *lookups) keepParticipant(hash string, p *Participant) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.people) >= maxCachedRuns {
		l.people = map[string]*Participant{}
	}
	l.people[hash] = p
}

func (l *lookups) forgetParticipant(hash string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.people, hash)
}

func (l *lookups) room(code string, now time.Time) *Room {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.rooms[code]
	if !ok || now.Sub(c.at) > roomTTL || now.Before(c.at) {
		return nil
	}
	return c.room
}

func (l *lookups) keepRoom(r *Room, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.rooms) >= 1000 {
		l.rooms = map[string]cachedRoom{}
	}
	l.rooms[r.Code] = cachedRoom{room: r, at: now}
}

// forgetRoom drops a room changed or deleted through this server.
func (l *lookups) forgetRoom(code string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.rooms, code)
	delete(l.shared, code)
}

func (s *Server) me(ctx context.Context, room *Room, p *Participant, cs []Choice) (*Me, error) {
	sc, ok := s.cfg.Library.Find(p.Scenario)
	if !ok {
		return nil, fmt.Errorf("scenario %q is not installed on this server", p.Scenario)
	}
	injs, err := s.cfg.Store.Injections(ctx, room.Code)
	if err != nil {
		return nil, err
	}
	run, err := Replay(sc, room, injs, cs)
	if err != nil {
		return nil, fmt.Errorf("participant %s: %v", p.ID, err)
	}
	me := &Me{Participant: p.ID, Name: p.Name, Room: room.Code, RoomName: room.Name, Scenario: sc.ID, Version: sc.Version,
		Session: room.Settings.Session, Seed: room.Seed(), HoldMonth: room.HoldMonth, Picks: make([]int, len(cs)), Month: run.Month(), Done: run.Done()}
	for i, c := range cs {
		me.Picks[i] = c.Pick
	}
	if e := run.Ending(); e != nil {
		me.Ending = e.ID
	}
	me.Shared = sharedOf(run)
	return me, nil
}

// SharedEvent is a shared event on a month's card of a participant's run.
type SharedEvent struct {
	Month int    `json:"month"`
	Event string `json:"event"`
}

// sharedOf lists the shared events a run was given.
func sharedOf(r *sim.Run) []SharedEvent {
	out := []SharedEvent{}
	for _, in := range r.State().Injected {
		out = append(out, SharedEvent{Month: in.Month, Event: r.Scenario().Events[in.Event].ID})
	}
	return out
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	p, room, ok := s.participant(w, r)
	if !ok {
		return
	}
	cs, err := s.cfg.Store.Choices(r.Context(), p.ID)
	if err != nil {
		s.storeError(w, err)
		return
	}
	me, err := s.me(r.Context(), room, p, cs)
	if err != nil {
		s.storeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, me)
}

// choiceRequest is one decided month.
type choiceRequest struct {
	Month int `json:"month"`
	Pick  int `json:"pick"`
}

// Ack is the answer to a stored choice: it is durably stored.
type Ack struct {
	Month     int       `json:"month"`
	Pick      int       `json:"pick"`
	At        time.Time `json:"at"`
	Next      int       `json:"next"` // the month now to decide
	Done      bool      `json:"done"`
	Ending    string    `json:"ending,omitempty"`
	HoldMonth int       `json:"hold_month"`
	// Shared are the shared events of the run as the server has it: a
	// game that finds one it did not inject takes the server's run.
	Shared []SharedEvent `json:"shared"`
}

func (s *Server) apiChoice(w http.ResponseWriter, r *http.Request) {
	var req choiceRequest
	if !readJSON(w, r, &req) {
		return
	}
	p, room, ok := s.participant(w, r)
	if !ok {
		return
	}
	sc, found := s.cfg.Library.Find(p.Scenario)
	if !found {
		s.storeError(w, fmt.Errorf("scenario %q is not installed on this server", p.Scenario))
		return
	}
	if req.Month < 1 || req.Month > sc.Months {
		writeError(w, http.StatusBadRequest, "bad_month", fmt.Sprintf("month %d is outside the scenario's 1-%d", req.Month, sc.Months))
		return
	}
	injs, ok := s.cache.injections(p.Room, s.now())
	if !ok {
		var err error
		if injs, err = s.cfg.Store.Injections(r.Context(), p.Room); err != nil {
			s.storeError(w, err)
			return
		}
		s.cache.keepInjections(p.Room, injs, s.now())
	}
	e := s.runs.entry(p.ID)
	e.mu.Lock()
	defer e.mu.Unlock()
	// The cached run may be behind (another server took choices) or gone.
	if e.run == nil || e.run.Scenario() != sc || (!e.run.Done() && e.run.Month() != req.Month) || (e.run.Done() && req.Month > e.n) {
		cs, err := s.cfg.Store.Choices(r.Context(), p.ID)
		if err != nil {
			s.storeError(w, err)
			return
		}
		run, err := Replay(sc, room, injs, cs)
		if err != nil {
			e.run = nil
			s.storeError(w, err)
			return
		}
		e.run, e.n, e.picks = run, len(cs), picksOf(cs)
	}
	run := e.run
	switch {
	case req.Month <= e.n:
		// Already decided: a resend is acknowledged, another pick refused.
		if e.picks[req.Month-1] != req.Pick {
			writeError(w, http.StatusConflict, "conflict", fmt.Sprintf("month %d was already decided with choice %d", req.Month, e.picks[req.Month-1]+1))
			return
		}
		s.ack(w, room, run, req, e.n, time.Time{})
		return
	case run.Done():
		writeError(w, http.StatusConflict, "over", "the run has ended")
		return
	case req.Month != run.Month():
		writeError(w, http.StatusConflict, "out_of_order", fmt.Sprintf("month %d comes after month %d, which the server does not have yet: send it first", req.Month, run.Month()))
		return
	case room.Holds(req.Month):
		writeJSON(w, http.StatusLocked, apiError{Code: "held", HoldMonth: room.HoldMonth,
			Error: fmt.Sprintf("the facilitator is holding the room at month %d", room.HoldMonth)})
		return
	}
	// The shared event the room gave next month goes on this run now,
	// decided at `at`, as a replay will do it.
	at := s.now()
	shared := pendingShared(run, injs)
	if err := injectEvent(run, shared); err != nil {
		e.run = nil
		s.storeError(w, err)
		return
	}
	// PickIndex checks the choice exists and is available before changing
	// anything, so a refused pick leaves the run as it was.
	if err := run.PickIndex(req.Pick); err != nil {
		writeError(w, http.StatusUnprocessableEntity, "bad_pick", fmt.Sprintf("month %d: %v", req.Month, err))
		return
	}
	stored, err := s.cfg.Store.AddChoice(r.Context(), p.Room, Choice{Participant: p.ID, Month: req.Month, Pick: req.Pick, At: at, Shared: shared})
	if err != nil {
		e.run = nil // replay from the database next time
		if errors.Is(err, ErrConflict) {
			writeError(w, http.StatusConflict, "conflict", fmt.Sprintf("month %d was already decided with another choice", req.Month))
			return
		}
		s.storeError(w, err)
		return
	}
	if stored.Shared != shared {
		e.run = nil // another server took it, with another shared event: replay it next time
	} else {
		e.n++
		e.picks = append(e.picks, req.Pick)
	}
	s.ack(w, room, run, req, e.n, stored.At)
}

func (s *Server) ack(w http.ResponseWriter, room *Room, run *sim.Run, req choiceRequest, n int, at time.Time) {
	a := Ack{Month: req.Month, Pick: req.Pick, At: at, Next: n + 1, Done: run.Done(), HoldMonth: room.HoldMonth, Shared: sharedOf(run)}
	if e := run.Ending(); e != nil {
		a.Ending = e.ID
	}
	writeJSON(w, http.StatusOK, a)
}

func picksOf(cs []Choice) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.Pick
	}
	return out
}

// runCache keeps each participant's run as the server last replayed it, so
// a choice is checked without reading all earlier ones. Each entry has its
// own lock: one participant's choices are handled one at a time.
type runCache struct {
	mu      sync.Mutex
	entries map[string]*runEntry
}

type runEntry struct {
	mu    sync.Mutex
	run   *sim.Run
	n     int   // choices stored (the run has played them)
	picks []int // the stored picks, by month
}

// maxCachedRuns bounds the cache; past it, it starts over.
const maxCachedRuns = 20000

func newRunCache() *runCache { return &runCache{entries: map[string]*runEntry{}} }

func (c *runCache) entry(id string) *runEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[id]
	if e == nil {
		if len(c.entries) >= maxCachedRuns {
			c.entries = map[string]*runEntry{}
		}
		e = &runEntry{}
		c.entries[id] = e
	}
	return e
}
