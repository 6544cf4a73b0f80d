package workshop

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres opens a pool on a postgres:// URL.
func openPostgres(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("workshop: the PostgreSQL address: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("workshop: connecting to PostgreSQL at %s:%d: %w", cfg.Host, cfg.Port, err)
	}
	return db, nil
}

// listenPostgres keeps a connection listening on the workshop channel and
// publishes every room another server (or this one) changed. After a lost
// connection it reconnects and signals every room, since changes may have
// been missed meanwhile. ready gets the first connection's result.
func (s *Store) listenPostgres(ctx context.Context, ready chan<- error) {
	first := true
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		conn, err := pgx.Connect(ctx, s.dsn)
		if err == nil {
			_, err = conn.Exec(ctx, `LISTEN workshop_rooms`)
		}
		if first {
			first = false
			if err != nil {
				if conn != nil {
					conn.Close(context.Background())
				}
				ready <- fmt.Errorf("workshop: listening for changes on PostgreSQL: %w", err)
				return
			}
			ready <- nil
		} else if err == nil {
			s.events.PublishAll()
		}
		if err == nil {
			backoff = 100 * time.Millisecond
			for {
				n, err := conn.WaitForNotification(ctx)
				if err != nil {
					break
				}
				s.events.Publish(n.Payload)
			}
			conn.Close(context.Background())
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
}
