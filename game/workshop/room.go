// Package workshop is the live workshop room: a facilitator opens a room,
// participants join it by link with a display name and play the browser
// game, every choice is sent to the server, which replays it with the same
// rules as the game (game/sim) and keeps it in a database (SQLite or
// PostgreSQL). The projector view, the facilitator's controls, the debrief
// report and the exports are pages this package serves.
//
// The server is authoritative: a participant's run is the room's scenario
// and seed replayed with the picks the server stored, so the month, card,
// choice and ending it shows never come from the client. It never imports
// Ebitengine and builds without cgo.
package workshop

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"runwayladder/game/sim"
)

// Limits of what a room and its participants may hold.
const (
	MaxNameRunes     = 32  // a participant's display name
	MaxRoomNameRunes = 80  // a room's name
	MaxCapacity      = 500 // participants in one room
	DefaultCapacity  = 60
	MaxRoomScenarios = 4 // scenarios one room assigns in turn
	// CodeLen is the length of a room code: 6 Crockford base32 characters,
	// about a billion codes; with joins by unknown codes rate-limited, a
	// stranger guessing a live room is hopeless.
	CodeLen = 6
)

// codeAlphabet is Crockford's base32: no I, L, O, U, so a code read off a
// projector cannot be mistyped into another valid code by those letters.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Reveal says when the projector shows the room's results (splits, endings,
// distributions): as they come, or when the facilitator reveals them.
type Reveal string

// Reveal modes.
const (
	RevealLive   Reveal = "live"
	RevealManual Reveal = "manual"
)

// Settings are what the facilitator chooses when creating a room.
type Settings struct {
	// Scenarios are assigned to participants in turn as they join: one
	// scenario for everyone, or two ("half startup, half big company").
	Scenarios []string `json:"scenarios"`
	// Session is the session code whose seed everyone plays with (the same
	// luck for everyone, as the game's session codes).
	Session string `json:"session"`
	// Seed is the session's seed, kept with the room so that a stored
	// room replays the same runs whatever later builds derive from the
	// session code.
	Seed     uint64 `json:"seed,string,omitempty"`
	Capacity int    `json:"capacity"`
	Reveal   Reveal `json:"reveal"`
}

// Room is a workshop room: its settings and what the facilitator has set
// since (pacing, reveal, closed).
type Room struct {
	Code string
	// SecretHash is the SHA-256 of the facilitator's secret; the secret
	// itself is only in the facilitator's link.
	SecretHash string
	Name       string
	Settings   Settings
	Created    time.Time
	// HoldMonth holds everyone at that month's card until released (0: no
	// hold): months before it may be decided, it and later ones not.
	HoldMonth int
	Revealed  bool
	Closed    bool // no more joins
}

// Seed is the seed every participant of the room plays with.
func (r *Room) Seed() uint64 {
	if r.Settings.Seed != 0 {
		return r.Settings.Seed
	}
	s, _ := sim.SessionSeed(r.Settings.Session) // a room stored before seeds were kept
	return s
}

// Holds reports whether the room's pacing stops a participant from
// deciding month m.
func (r *Room) Holds(m int) bool { return r.HoldMonth > 0 && m >= r.HoldMonth }

// ShowResults reports whether the projector may show results now.
func (r *Room) ShowResults() bool { return r.Settings.Reveal != RevealManual || r.Revealed }

// Participant is one person in a room.
type Participant struct {
	ID        string // public: used in the facilitator's links
	Room      string
	TokenHash string // SHA-256 of the participant's secret token
	Name      string
	Scenario  string
	Seq       int // join order in the room, from 0
	Joined    time.Time
}

// Choice is one decided month of a participant's run, as stored.
type Choice struct {
	Participant string
	Month       int // from 1
	Pick        int // index into the card's full choice list (as run codes)
	At          time.Time
	// Shared is the room's shared event the server put on the next
	// month's card when it took this choice ("" for none): replays follow
	// this record, so they agree with what the server acknowledged.
	Shared string
}

// Errors the store and the server turn into clear answers.
var (
	ErrNotFound = errors.New("not found")
	ErrFull     = errors.New("the room is full")
	ErrClosed   = errors.New("the room is closed to new participants")
	// ErrConflict is a different pick for a month already decided.
	ErrConflict = errors.New("that month was already decided with another choice")
)

// randomString returns n characters of the code alphabet from the system's
// secure random source.
func randomString(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("workshop: the system's random source failed: %v", err))
	}
	out := make([]byte, n)
	for i, c := range b {
		out[i] = codeAlphabet[int(c)%len(codeAlphabet)] // 256 is a multiple of 32: no bias
	}
	return string(out)
}

// NewRoomCode returns a fresh random room code.
func NewRoomCode() string { return randomString(CodeLen) }

// NewSecret returns a fresh secret (for a facilitator link or a
// participant token): 26 characters, 130 bits.
func NewSecret() string { return randomString(26) }

// NewParticipantID returns a fresh public participant id.
func NewParticipantID() string { return "p" + strings.ToLower(randomString(10)) }

// HashSecret returns the hex SHA-256 under which a secret is stored.
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// NormalizeCode turns what a person typed into a room code: case, spaces
// and dashes ignored, and the letters Crockford reads as digits (O as 0,
// I and L as 1) mapped. ok is false when it cannot be a room code.
func NormalizeCode(s string) (code string, ok bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if !strings.ContainsRune(codeAlphabet, r) {
			return "", false
		}
		b.WriteRune(r)
		if b.Len() > CodeLen {
			return "", false
		}
	}
	if b.Len() != CodeLen {
		return "", false
	}
	return b.String(), true
}

// CleanName checks and tidies a display name: spaces collapsed and
// trimmed, control and invisible formatting characters refused, 1 to
// MaxNameRunes characters.
func CleanName(s string) (string, error) {
	return cleanText(s, MaxNameRunes, "name")
}

func cleanText(s string, max int, what string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("the %s is not valid text", what)
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			return "", fmt.Errorf("the %s has a control or invisible character (%U)", what, r)
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	n := utf8.RuneCountInString(out)
	if n == 0 {
		return "", fmt.Errorf("the %s is empty", what)
	}
	if n > max {
		return "", fmt.Errorf("the %s is %d characters; at most %d", what, n, max)
	}
	return out, nil
}
