// Package pgtest gives tests a fresh PostgreSQL database on the throwaway
// cluster scripts/with-postgres.sh starts (make test runs the headless
// tests under it). Without that cluster the tests that need it skip, unless
// WORKSHOP_REQUIRE_PG=1 (which the script sets) makes them fail: in make
// test a PostgreSQL test never silently does nothing.
package pgtest

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Admin returns the test cluster's address (WORKSHOP_TEST_PG), skipping
// or failing the test when there is none.
func Admin(t testing.TB) string {
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

// Database creates a fresh database for one test and returns its address;
// it is dropped when the test ends.
func Database(t testing.TB) string {
	t.Helper()
	admin := Admin(t)
	cfg, err := pgx.ParseConfig(admin)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("t_%x", b)
	exec := func(stmt string) error {
		db := stdlib.OpenDB(*cfg)
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, err := db.ExecContext(ctx, stmt)
		return err
	}
	if err := exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		if err := exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	return WithDatabase(admin, name)
}

// WithDatabase points a postgres:// address at another database.
func WithDatabase(dsn, name string) string {
	rest, query, _ := strings.Cut(dsn, "?")
	scheme := strings.Index(rest, "://") + 3
	if i := strings.Index(rest[scheme:], "/"); i >= 0 {
		rest = rest[:scheme+i]
	}
	out := rest + "/" + name
	if query != "" {
		out += "?" + query
	}
	return out
}
