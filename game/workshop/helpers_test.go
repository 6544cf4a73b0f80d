package workshop

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"runwayladder/internal/pgtest"
)

// backend is a database the store tests run on.
type backend struct {
	name string
	dsn  func(t *testing.T) string
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "workshop.db") }},
	{"postgres", func(t *testing.T) string { return pgtest.Database(t) }},
}

// eachBackend runs f as a subtest on SQLite and on PostgreSQL.
func eachBackend(t *testing.T, f func(t *testing.T, dsn string)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { f(t, b.dsn(t)) })
	}
}

// openStore opens a store closed at the end of the test.
func openStore(t testing.TB, dsn string) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testRoom(scenarios ...string) *Room {
	if len(scenarios) == 0 {
		scenarios = []string{"startup_engineer"}
	}
	return &Room{Code: NewRoomCode(), SecretHash: HashSecret(NewSecret()), Name: "Test room",
		Settings: Settings{Scenarios: scenarios, Session: "TEST1", Capacity: DefaultCapacity, Reveal: RevealLive},
		Created:  time.Now()}
}

func newParticipant(room, name string) *Participant {
	return &Participant{ID: NewParticipantID(), Room: room, TokenHash: HashSecret(NewSecret()), Name: name, Joined: time.Now()}
}

// rawExec runs a statement on a store's database (to age a schema, say).
func rawExec(t testing.TB, s *Store, query string, args ...any) sql.Result {
	t.Helper()
	res, err := s.db.Exec(s.q(query), args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return res
}
