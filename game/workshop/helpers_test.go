package workshop

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// pgAdmin is the PostgreSQL server the tests use: WORKSHOP_TEST_PG, set by
// scripts/with-postgres.sh (make test). Without it the PostgreSQL tests
// skip, unless WORKSHOP_REQUIRE_PG=1 (make test sets it) makes them fail.
func pgAdmin(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("WORKSHOP_TEST_PG")
	if dsn == "" {
		if os.Getenv("WORKSHOP_REQUIRE_PG") == "1" {
			t.Fatal("WORKSHOP_REQUIRE_PG=1 but WORKSHOP_TEST_PG is empty: the PostgreSQL tests need the cluster scripts/with-postgres.sh starts")
		}
		t.Skip("no PostgreSQL: run under scripts/with-postgres.sh (make test does)")
	}
	return dsn
}

// pgDatabase creates a fresh database on the test server for one test and
// returns its address; it is dropped when the test ends.
func pgDatabase(t testing.TB) string {
	t.Helper()
	admin := pgAdmin(t)
	cfg, err := pgx.ParseConfig(admin)
	if err != nil {
		t.Fatal(err)
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	name := "ws_" + strings.ToLower(randomString(10))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		db := stdlib.OpenDB(*cfg)
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	return replaceDatabase(admin, name)
}

// replaceDatabase points a postgres:// URL at another database.
func replaceDatabase(dsn, name string) string {
	rest, query, _ := strings.Cut(dsn, "?")
	i := strings.LastIndex(rest, "/")
	if i < len("postgres://") {
		rest += "/"
		i = len(rest) - 1
	}
	out := rest[:i+1] + name
	if query != "" {
		out += "?" + query
	}
	return out
}

// backend is a database the store tests run on.
type backend struct {
	name string
	dsn  func(t *testing.T) string
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "workshop.db") }},
	{"postgres", func(t *testing.T) string { return pgDatabase(t) }},
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

var _ = fmt.Sprintf
