package workshop

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestStoreRoomsParticipantsChoices(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := openStore(t, dsn)
		r := testRoom("startup_engineer", "bigco_engineer")
		if err := s.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		dup := testRoom()
		dup.Code = r.Code
		if err := s.CreateRoom(ctx, dup); !errors.Is(err, ErrConflict) {
			t.Fatalf("a second room with code %s: %v, want ErrConflict", r.Code, err)
		}
		got, err := s.Room(ctx, r.Code)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != r.Name || got.Settings.Session != "TEST1" || len(got.Settings.Scenarios) != 2 || got.Created.UnixMilli() != r.Created.UnixMilli() {
			t.Fatalf("room read back as %+v, stored %+v", got, r)
		}
		if bySecret, err := s.RoomBySecret(ctx, r.SecretHash); err != nil || bySecret.Code != r.Code {
			t.Fatalf("by secret: %v %v", bySecret, err)
		}
		if _, err := s.Room(ctx, "ZZZZZZ"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown room: %v", err)
		}

		// Scenarios are assigned in turn: half startup, half big company.
		var ps []*Participant
		for i := 0; i < 4; i++ {
			p := newParticipant(r.Code, fmt.Sprintf("P%d", i))
			if err := s.Join(ctx, p); err != nil {
				t.Fatal(err)
			}
			ps = append(ps, p)
		}
		for i, p := range ps {
			want := r.Settings.Scenarios[i%2]
			if p.Seq != i || p.Scenario != want {
				t.Errorf("participant %d: seq %d scenario %s, want %d %s", i, p.Seq, p.Scenario, i, want)
			}
		}
		back, err := s.ParticipantByToken(ctx, ps[2].TokenHash)
		if err != nil || back.ID != ps[2].ID || back.Name != "P2" || back.Scenario != "startup_engineer" {
			t.Fatalf("by token: %+v %v", back, err)
		}
		if _, err := s.Participant(ctx, "OTHER1", ps[0].ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("a participant through another room's code: %v", err)
		}

		// Choices: stored once; the same pick again is acknowledged as
		// stored, another pick for the month refused.
		at := time.Now().Add(-time.Minute)
		c1, err := s.AddChoice(ctx, r.Code, Choice{Participant: ps[0].ID, Month: 1, Pick: 2, At: at})
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.AddChoice(ctx, r.Code, Choice{Participant: ps[0].ID, Month: 1, Pick: 2, At: time.Now()})
		if err != nil || !again.At.Equal(c1.At) {
			t.Fatalf("resent choice: %+v %v; want the stored one %+v", again, err, c1)
		}
		if _, err := s.AddChoice(ctx, r.Code, Choice{Participant: ps[0].ID, Month: 1, Pick: 0, At: time.Now()}); !errors.Is(err, ErrConflict) {
			t.Fatalf("another pick for a decided month: %v", err)
		}
		if _, err := s.AddChoice(ctx, r.Code, Choice{Participant: ps[0].ID, Month: 2, Pick: 1, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddChoice(ctx, r.Code, Choice{Participant: ps[1].ID, Month: 1, Pick: 0, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
		cs, err := s.Choices(ctx, ps[0].ID)
		if err != nil || len(cs) != 2 || cs[0].Pick != 2 || cs[1].Month != 2 || cs[0].At.UnixMilli() != at.UnixMilli() {
			t.Fatalf("choices: %+v %v", cs, err)
		}
		all, err := s.RoomChoices(ctx, r.Code)
		if err != nil || len(all) != 3 {
			t.Fatalf("room choices: %+v %v", all, err)
		}

		// Facilitator controls.
		if err := s.SetControl(ctx, r.Code, Control{HoldMonth: 6, Revealed: true, Closed: true}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Room(ctx, r.Code)
		if got.HoldMonth != 6 || !got.Revealed || !got.Closed || !got.Holds(6) || got.Holds(5) {
			t.Fatalf("controls read back as %+v", got)
		}
		if err := s.Join(ctx, newParticipant(r.Code, "Late")); !errors.Is(err, ErrClosed) {
			t.Fatalf("joining a closed room: %v", err)
		}
		if err := s.SetControl(ctx, "NOROOM", Control{}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("controls of no room: %v", err)
		}

		// Deleting a room deletes everything in it, and only it.
		other := testRoom()
		if err := s.CreateRoom(ctx, other); err != nil {
			t.Fatal(err)
		}
		op := newParticipant(other.Code, "Stays")
		if err := s.Join(ctx, op); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteRoom(ctx, r.Code); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Room(ctx, r.Code); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleted room still there: %v", err)
		}
		if _, err := s.ParticipantByToken(ctx, ps[0].TokenHash); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleted room's participant still there: %v", err)
		}
		if all, _ := s.RoomChoices(ctx, r.Code); len(all) != 0 {
			t.Fatalf("deleted room's choices still there: %v", all)
		}
		if _, err := s.Participant(ctx, other.Code, op.ID); err != nil {
			t.Fatalf("the other room lost its participant: %v", err)
		}
		if err := s.DeleteRoom(ctx, r.Code); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleting twice: %v", err)
		}
	})
}

// Joins racing for the last places of a room never overfill it, on one
// server or, with PostgreSQL, on two sharing the database.
func TestStoreCapacityUnderConcurrentJoins(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		stores := []*Store{openStore(t, dsn)}
		if IsPostgres(dsn) {
			stores = append(stores, openStore(t, dsn))
		}
		r := testRoom()
		r.Settings.Capacity = 15
		if err := stores[0].CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, full := 0, 0
		seqs := map[int]bool{}
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := newParticipant(r.Code, fmt.Sprint("P", i))
				err := stores[i%len(stores)].Join(ctx, p)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok++
					if seqs[p.Seq] {
						t.Errorf("place %d given twice", p.Seq)
					}
					seqs[p.Seq] = true
				case errors.Is(err, ErrFull):
					full++
				default:
					t.Errorf("join: %v", err)
				}
			}()
		}
		wg.Wait()
		if ok != 15 || full != 25 {
			t.Fatalf("%d joined and %d were told the room is full; want 15 and 25", ok, full)
		}
		ps, err := stores[0].Participants(ctx, r.Code)
		if err != nil || len(ps) != 15 {
			t.Fatalf("participants: %d %v", len(ps), err)
		}
	})
}

// A change made through one store reaches the other's watchers: on
// PostgreSQL across servers (LISTEN/NOTIFY), on SQLite within one.
func TestStoreChangeFeed(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a := openStore(t, dsn)
		b := a
		if IsPostgres(dsn) {
			b = openStore(t, dsn)
		}
		r := testRoom()
		if err := a.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		ch, cancel := b.Events().Subscribe(r.Code)
		defer cancel()
		gen := b.Events().Generation(r.Code)
		p := newParticipant(r.Code, "Ana")
		if err := a.Join(ctx, p); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatal("the join never reached the other store's watchers")
		}
		if b.Events().Generation(r.Code) == gen {
			t.Fatal("the generation did not move")
		}
		// A resent choice changes nothing and signals nothing new.
		if _, err := a.AddChoice(ctx, r.Code, Choice{Participant: p.ID, Month: 1, Pick: 0, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatal("the choice never reached the other store's watchers")
		}
	})
}

func TestStoreRefusesNewerSchema(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		s := openStore(t, dsn)
		rawExec(t, s, `UPDATE workshop_meta SET v = '99' WHERE k = 'schema'`)
		ctx := context.Background()
		_, err := Open(ctx, dsn)
		if err == nil || !strings.Contains(err.Error(), "newer") {
			t.Fatalf("opening a database with a newer layout: %v", err)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"", "/no/such/folder/w.db", "w.db?x=1", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"} {
		if s, err := Open(ctx, dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) worked", dsn)
		} else if !strings.HasPrefix(err.Error(), "workshop: ") {
			t.Errorf("Open(%q): %v: the error should say it is the workshop's database", dsn, err)
		}
	}
}

// A database of layout 1 (choices without their shared event) is moved to
// layout 2 when opened, its choices kept.
func TestStoreMovesLayoutOneToTwo(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := openStore(t, dsn)
		r := testRoom()
		if err := s.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		p := newParticipant(r.Code, "Old")
		if err := s.Join(ctx, p); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddChoice(ctx, r.Code, Choice{Participant: p.ID, Month: 1, Pick: 1, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
		rawExec(t, s, `ALTER TABLE workshop_choices DROP COLUMN shared`)
		rawExec(t, s, `UPDATE workshop_meta SET v = '1' WHERE k = 'schema'`)
		s.Close()
		s2, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		if _, err := s2.AddChoice(ctx, r.Code, Choice{Participant: p.ID, Month: 2, Pick: 0, At: time.Now(), Shared: "winter"}); err != nil {
			t.Fatal(err)
		}
		cs, err := s2.Choices(ctx, p.ID)
		if err != nil || len(cs) != 2 || cs[0].Shared != "" || cs[1].Shared != "winter" {
			t.Fatalf("after the move: %+v %v", cs, err)
		}
	})
}
