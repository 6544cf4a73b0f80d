package workshop

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver ("sqlite")
)

// openSQLite opens an SQLite file in WAL mode with synchronous=FULL: a
// committed transaction is on disk before the commit returns, so neither a
// killed server nor a power cut loses an acknowledged choice.
func openSQLite(path string) (*sql.DB, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("workshop: the SQLite file name %q may not hold ? or #", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("workshop: the folder of %s does not exist", path)
		}
	}
	dsn := path + "?_txlock=immediate" +
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)" +
		"&_pragma=foreign_keys(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("workshop: opening %s: %w", path, err)
	}
	// One writer (the store's writer goroutine) and a few readers; WAL
	// lets them read while it commits.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("workshop: opening %s: %w", path, err)
	}
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		db.Close()
		return nil, fmt.Errorf("workshop: %s: could not switch to WAL mode (got %q, %v)", path, mode, err)
	}
	return db, nil
}
