package workshop

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Store keeps rooms, participants and choices in a database: an SQLite
// file (the default, one server) or PostgreSQL (several servers sharing one
// database, told of each other's changes through LISTEN/NOTIFY).
//
// Writes go through one writer goroutine that commits whatever is queued
// in one transaction (group commit): a write returns only once its
// transaction is durably committed (SQLite in WAL mode with
// synchronous=FULL; PostgreSQL's commit), so an acknowledged choice
// survives a killed server.
type Store struct {
	db      *sql.DB
	dialect dialect
	dsn     string
	events  *Broker
	writes  chan *writeOp
	stop    chan struct{}
	done    chan struct{}
	listen  context.CancelFunc // the PostgreSQL listener, if any
	closing sync.Once
	closed  error
}

type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

func (d dialect) String() string {
	if d == postgresDialect {
		return "PostgreSQL"
	}
	return "SQLite"
}

// schemaVersion is the layout of the workshop tables; a database written
// by a newer layout is refused rather than misread.
const schemaVersion = 2

// maxBatch bounds the writes committed in one transaction.
const maxBatch = 256

// IsPostgres reports whether a --db value names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens (and creates or migrates) the store: a postgres:// URL, or
// the path of an SQLite file.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		return nil, errors.New("workshop: no database given")
	}
	s := &Store{dsn: dsn, events: NewBroker(), writes: make(chan *writeOp, 1024),
		stop: make(chan struct{}), done: make(chan struct{})}
	var err error
	if IsPostgres(dsn) {
		s.dialect = postgresDialect
		s.db, err = openPostgres(dsn)
	} else {
		s.dialect = sqliteDialect
		s.db, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if s.dialect == postgresDialect {
		lctx, cancel := context.WithCancel(context.Background())
		s.listen = cancel
		ready := make(chan error, 1)
		go s.listenPostgres(lctx, ready)
		select {
		case err := <-ready:
			if err != nil {
				cancel()
				s.db.Close()
				return nil, err
			}
		case <-ctx.Done():
			cancel()
			s.db.Close()
			return nil, ctx.Err()
		}
	}
	go s.writer()
	return s, nil
}

// Kind names the database for messages: "SQLite" or "PostgreSQL".
func (s *Store) Kind() string { return s.dialect.String() }

// Events is the store's change feed: a room's code is published after each
// committed change to it (on PostgreSQL, by whichever server made it).
func (s *Store) Events() *Broker { return s.events }

// Close stops the writer (after the queued writes) and closes the
// database. Closing again does nothing.
func (s *Store) Close() error {
	s.closing.Do(func() {
		close(s.stop)
		<-s.done
		if s.listen != nil {
			s.listen()
		}
		s.closed = s.db.Close()
	})
	return s.closed
}

// q rewrites a query written with ? placeholders for the dialect.
func (s *Store) q(query string) string {
	if s.dialect != postgresDialect {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var schema = []string{
	`CREATE TABLE IF NOT EXISTS workshop_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS workshop_rooms (
		code TEXT PRIMARY KEY,
		secret_hash TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		settings TEXT NOT NULL,
		created_ms BIGINT NOT NULL,
		hold_month INTEGER NOT NULL DEFAULT 0,
		revealed INTEGER NOT NULL DEFAULT 0,
		closed INTEGER NOT NULL DEFAULT 0,
		joined INTEGER NOT NULL DEFAULT 0)`,
	`CREATE TABLE IF NOT EXISTS workshop_participants (
		id TEXT PRIMARY KEY,
		room TEXT NOT NULL REFERENCES workshop_rooms(code) ON DELETE CASCADE,
		token_hash TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		scenario TEXT NOT NULL,
		seq INTEGER NOT NULL,
		joined_ms BIGINT NOT NULL)`,
	`CREATE INDEX IF NOT EXISTS workshop_participants_room ON workshop_participants(room, seq)`,
	`CREATE TABLE IF NOT EXISTS workshop_choices (
		participant TEXT NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
		room TEXT NOT NULL,
		month INTEGER NOT NULL,
		pick INTEGER NOT NULL,
		at_ms BIGINT NOT NULL,
		shared TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (participant, month))`,
	`CREATE INDEX IF NOT EXISTS workshop_choices_room ON workshop_choices(room)`,
	`CREATE TABLE IF NOT EXISTS workshop_injections (
		room TEXT NOT NULL REFERENCES workshop_rooms(code) ON DELETE CASCADE,
		scenario TEXT NOT NULL,
		month INTEGER NOT NULL,
		event TEXT NOT NULL,
		created_ms BIGINT NOT NULL,
		PRIMARY KEY (room, scenario, month))`,
}

// migrate creates the tables, or checks that the database's layout is one
// this build reads.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("workshop: %s: %w", s.Kind(), err)
	}
	defer tx.Rollback()
	if s.dialect == postgresDialect {
		// Several servers may start at once on one database.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7301)`); err != nil {
			return fmt.Errorf("workshop: PostgreSQL: %w", err)
		}
	}
	for _, stmt := range schema {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("workshop: creating the tables in %s: %w", s.Kind(), err)
		}
	}
	var v string
	err = tx.QueryRowContext(ctx, s.q(`SELECT v FROM workshop_meta WHERE k = 'schema'`)).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO workshop_meta (k, v) VALUES ('schema', ?)`), strconv.Itoa(schemaVersion)); err != nil {
			return fmt.Errorf("workshop: %w", err)
		}
	case err != nil:
		return fmt.Errorf("workshop: reading the schema version: %w", err)
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n > schemaVersion {
			return fmt.Errorf("workshop: the database's workshop tables have layout %q, newer than this build reads (%d); use a newer careersim", v, schemaVersion)
		}
		if n < 2 {
			// Layout 2: a choice records the shared event it put on the
			// next month's card.
			if _, err := tx.ExecContext(ctx, `ALTER TABLE workshop_choices ADD COLUMN shared TEXT NOT NULL DEFAULT ''`); err != nil {
				return fmt.Errorf("workshop: moving the tables to layout 2: %w", err)
			}
		}
		if n < schemaVersion {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE workshop_meta SET v = ? WHERE k = 'schema'`), strconv.Itoa(schemaVersion)); err != nil {
				return fmt.Errorf("workshop: %w", err)
			}
		}
	}
	return tx.Commit()
}

// writeOp is one write waiting for the writer: it runs inside the batch's
// transaction and names the room it changed.
type writeOp struct {
	do   func(ctx context.Context, tx *sql.Tx) (room string, err error)
	done chan error
}

// write queues op and waits until its transaction has committed.
func (s *Store) write(ctx context.Context, do func(ctx context.Context, tx *sql.Tx) (string, error)) error {
	op := &writeOp{do: do, done: make(chan error, 1)}
	select {
	case s.writes <- op:
	case <-ctx.Done():
		return ctx.Err()
	case <-s.stop:
		return errors.New("workshop: the store is closing")
	}
	// Once queued the write is either committed or failed as a whole; wait
	// for the answer even if the caller gave up, so it is never unknown.
	return <-op.done
}

// writer commits queued writes, as many as are waiting, in one
// transaction each round.
func (s *Store) writer() {
	defer close(s.done)
	for {
		var first *writeOp
		select {
		case first = <-s.writes:
		case <-s.stop:
			// Drain what was queued before the stop.
			for {
				select {
				case op := <-s.writes:
					s.commit([]*writeOp{op})
				default:
					return
				}
			}
		}
		batch := []*writeOp{first}
	more:
		for len(batch) < maxBatch {
			select {
			case op := <-s.writes:
				batch = append(batch, op)
			default:
				break more
			}
		}
		s.commit(batch)
	}
}

// commit runs a batch in one transaction, each write inside a savepoint so
// one failing write leaves the others, and answers every write after the
// commit.
func (s *Store) commit(batch []*writeOp) {
	errs := make([]error, len(batch))
	fail := func(err error) {
		for _, op := range batch {
			op.done <- err
		}
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		fail(fmt.Errorf("workshop: %s: %w", s.Kind(), err))
		return
	}
	rooms := map[string]bool{}
	for i, op := range batch {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT w"); err != nil {
			tx.Rollback()
			fail(fmt.Errorf("workshop: %s: %w", s.Kind(), err))
			return
		}
		room, err := op.do(ctx, tx)
		if err != nil {
			errs[i] = err
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT w"); err != nil {
				tx.Rollback()
				fail(fmt.Errorf("workshop: %s: %w", s.Kind(), err))
				return
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT w"); err != nil {
			tx.Rollback()
			fail(fmt.Errorf("workshop: %s: %w", s.Kind(), err))
			return
		}
		if errs[i] == nil && room != "" {
			rooms[room] = true
		}
	}
	if s.dialect == postgresDialect {
		// Delivered to every listening server when (and only if) the
		// transaction commits.
		for room := range rooms {
			if _, err := tx.ExecContext(ctx, `SELECT pg_notify('workshop_rooms', $1)`, room); err != nil {
				tx.Rollback()
				fail(fmt.Errorf("workshop: PostgreSQL: %w", err))
				return
			}
		}
	}
	if err := tx.Commit(); err != nil {
		fail(fmt.Errorf("workshop: %s: committing: %w", s.Kind(), err))
		return
	}
	for i, op := range batch {
		op.done <- errs[i]
	}
	if s.dialect == sqliteDialect {
		for room := range rooms {
			s.events.Publish(room)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// CreateRoom stores a new room. A room code already taken gives
// ErrConflict (the caller draws another).
func (s *Store) CreateRoom(ctx context.Context, r *Room) error {
	settings, err := json.Marshal(r.Settings)
	if err != nil {
		return fmt.Errorf("workshop: %w", err)
	}
	return s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO workshop_rooms (code, secret_hash, name, settings, created_ms, hold_month, revealed, closed)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
			r.Code, r.SecretHash, r.Name, string(settings), millis(r.Created), r.HoldMonth, boolInt(r.Revealed), boolInt(r.Closed))
		if err != nil {
			return "", fmt.Errorf("workshop: creating room: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return "", ErrConflict
		}
		return r.Code, nil
	})
}

const roomColumns = `code, secret_hash, name, settings, created_ms, hold_month, revealed, closed`

func scanRoom(row interface{ Scan(...any) error }) (*Room, error) {
	var r Room
	var settings string
	var created int64
	var revealed, closed int
	if err := row.Scan(&r.Code, &r.SecretHash, &r.Name, &settings, &created, &r.HoldMonth, &revealed, &closed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("workshop: reading a room: %w", err)
	}
	if err := json.Unmarshal([]byte(settings), &r.Settings); err != nil {
		return nil, fmt.Errorf("workshop: room %s has damaged settings: %w", r.Code, err)
	}
	r.Created, r.Revealed, r.Closed = fromMillis(created), revealed != 0, closed != 0
	return &r, nil
}

// Room returns the room with a code, or ErrNotFound.
func (s *Store) Room(ctx context.Context, code string) (*Room, error) {
	return scanRoom(s.db.QueryRowContext(ctx, s.q(`SELECT `+roomColumns+` FROM workshop_rooms WHERE code = ?`), code))
}

// RoomBySecret returns the room whose facilitator secret hashes to hash.
func (s *Store) RoomBySecret(ctx context.Context, hash string) (*Room, error) {
	return scanRoom(s.db.QueryRowContext(ctx, s.q(`SELECT `+roomColumns+` FROM workshop_rooms WHERE secret_hash = ?`), hash))
}

// Rooms lists every room, newest first.
func (s *Store) Rooms(ctx context.Context) ([]*Room, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+roomColumns+` FROM workshop_rooms ORDER BY created_ms DESC, code`)
	if err != nil {
		return nil, fmt.Errorf("workshop: listing rooms: %w", err)
	}
	defer rows.Close()
	var out []*Room
	for rows.Next() {
		r, err := scanRoom(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Control is what a facilitator changes while the room runs.
type Control struct {
	HoldMonth int
	Revealed  bool
	Closed    bool
}

// SetControl stores a room's pacing, reveal and closed state.
func (s *Store) SetControl(ctx context.Context, code string, c Control) error {
	return s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE workshop_rooms SET hold_month = ?, revealed = ?, closed = ? WHERE code = ?`),
			c.HoldMonth, boolInt(c.Revealed), boolInt(c.Closed), code)
		if err != nil {
			return "", fmt.Errorf("workshop: updating room %s: %w", code, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return "", ErrNotFound
		}
		return code, nil
	})
}

// DeleteRoom removes a room with its participants and choices.
func (s *Store) DeleteRoom(ctx context.Context, code string) error {
	return s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		// Children first: the same on both databases whatever their
		// foreign-key settings.
		for _, stmt := range []string{
			`DELETE FROM workshop_injections WHERE room = ?`,
			`DELETE FROM workshop_choices WHERE room = ?`,
			`DELETE FROM workshop_participants WHERE room = ?`,
		} {
			if _, err := tx.ExecContext(ctx, s.q(stmt), code); err != nil {
				return "", fmt.Errorf("workshop: deleting room %s: %w", code, err)
			}
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM workshop_rooms WHERE code = ?`), code)
		if err != nil {
			return "", fmt.Errorf("workshop: deleting room %s: %w", code, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return "", ErrNotFound
		}
		return code, nil
	})
}

// Join adds a participant to a room: it refuses a closed or full room,
// gives the participant the next place in the join order and the scenario
// that place is assigned (the room's scenarios in turn). p.Seq and
// p.Scenario are set.
func (s *Store) Join(ctx context.Context, p *Participant) error {
	return s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		lock := ""
		if s.dialect == postgresDialect {
			lock = " FOR UPDATE" // joins to one room queue here, across servers
		}
		var settings string
		var closed, joined int
		err := tx.QueryRowContext(ctx, s.q(`SELECT settings, closed, joined FROM workshop_rooms WHERE code = ?`+lock), p.Room).Scan(&settings, &closed, &joined)
		if errors.Is(err, sql.ErrNoRows) {
			return "", ErrNotFound
		}
		if err != nil {
			return "", fmt.Errorf("workshop: joining room %s: %w", p.Room, err)
		}
		var set Settings
		if err := json.Unmarshal([]byte(settings), &set); err != nil || len(set.Scenarios) == 0 {
			return "", fmt.Errorf("workshop: room %s has damaged settings", p.Room)
		}
		if closed != 0 {
			return "", ErrClosed
		}
		if joined >= set.Capacity {
			return "", ErrFull
		}
		p.Seq = joined
		p.Scenario = set.Scenarios[joined%len(set.Scenarios)]
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE workshop_rooms SET joined = joined + 1 WHERE code = ?`), p.Room); err != nil {
			return "", fmt.Errorf("workshop: joining room %s: %w", p.Room, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO workshop_participants (id, room, token_hash, name, scenario, seq, joined_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			p.ID, p.Room, p.TokenHash, p.Name, p.Scenario, p.Seq, millis(p.Joined)); err != nil {
			return "", fmt.Errorf("workshop: joining room %s: %w", p.Room, err)
		}
		return p.Room, nil
	})
}

const participantColumns = `id, room, token_hash, name, scenario, seq, joined_ms`

func scanParticipant(row interface{ Scan(...any) error }) (*Participant, error) {
	var p Participant
	var joined int64
	if err := row.Scan(&p.ID, &p.Room, &p.TokenHash, &p.Name, &p.Scenario, &p.Seq, &joined); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("workshop: reading a participant: %w", err)
	}
	p.Joined = fromMillis(joined)
	return &p, nil
}

// ParticipantByToken returns the participant whose token hashes to hash.
func (s *Store) ParticipantByToken(ctx context.Context, hash string) (*Participant, error) {
	return scanParticipant(s.db.QueryRowContext(ctx, s.q(`SELECT `+participantColumns+` FROM workshop_participants WHERE token_hash = ?`), hash))
}

// Participant returns one participant of a room by public id.
func (s *Store) Participant(ctx context.Context, room, id string) (*Participant, error) {
	return scanParticipant(s.db.QueryRowContext(ctx, s.q(`SELECT `+participantColumns+` FROM workshop_participants WHERE room = ? AND id = ?`), room, id))
}

// Participants lists a room's participants in join order.
func (s *Store) Participants(ctx context.Context, room string) ([]*Participant, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+participantColumns+` FROM workshop_participants WHERE room = ? ORDER BY seq`), room)
	if err != nil {
		return nil, fmt.Errorf("workshop: listing participants: %w", err)
	}
	defer rows.Close()
	var out []*Participant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Choices returns a participant's stored choices, by month.
func (s *Store) Choices(ctx context.Context, participant string) ([]Choice, error) {
	return s.choices(ctx, `SELECT participant, month, pick, at_ms, shared FROM workshop_choices WHERE participant = ? ORDER BY month`, participant)
}

// RoomChoices returns every stored choice of a room, by participant and
// month.
func (s *Store) RoomChoices(ctx context.Context, room string) ([]Choice, error) {
	return s.choices(ctx, `SELECT participant, month, pick, at_ms, shared FROM workshop_choices WHERE room = ? ORDER BY participant, month`, room)
}

func (s *Store) choices(ctx context.Context, query, arg string) ([]Choice, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), arg)
	if err != nil {
		return nil, fmt.Errorf("workshop: reading choices: %w", err)
	}
	defer rows.Close()
	var out []Choice
	for rows.Next() {
		var c Choice
		var at int64
		if err := rows.Scan(&c.Participant, &c.Month, &c.Pick, &at, &c.Shared); err != nil {
			return nil, fmt.Errorf("workshop: reading choices: %w", err)
		}
		c.At = fromMillis(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddChoice stores a decided month and returns the choice as stored. The
// same pick sent again (a resend after a lost answer) returns the stored
// one; a different pick for a stored month gives ErrConflict. The caller
// has checked the pick against the run.
func (s *Store) AddChoice(ctx context.Context, room string, c Choice) (Choice, error) {
	stored := c
	stored.At = fromMillis(millis(c.At)) // as the database keeps it
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO workshop_choices (participant, room, month, pick, at_ms, shared) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
			c.Participant, room, c.Month, c.Pick, millis(c.At), c.Shared)
		if err != nil {
			return "", fmt.Errorf("workshop: storing a choice: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return room, nil
		}
		var pick int
		var at int64
		var shared string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT pick, at_ms, shared FROM workshop_choices WHERE participant = ? AND month = ?`), c.Participant, c.Month).Scan(&pick, &at, &shared); err != nil {
			return "", fmt.Errorf("workshop: storing a choice: %w", err)
		}
		if pick != c.Pick {
			return "", ErrConflict
		}
		stored.At, stored.Shared = fromMillis(at), shared
		return "", nil // nothing changed
	})
	if err != nil {
		return Choice{}, err
	}
	return stored, nil
}
