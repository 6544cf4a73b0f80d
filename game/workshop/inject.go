package workshop

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Shared market events: a facilitator puts one of a scenario's shared
// events (trigger = "shared": a funding winter, a layoff wave) on the card
// of one month for everyone in the room playing that scenario.
//
// Who gets it is decided by the server's clock, so every replay agrees: an
// injection for month M applies to a run whose month M-1 was decided after
// the injection was stored (or not yet). Those already past it when the
// facilitator pressed the button keep the month they saw.

// Injection is a shared event given to a room.
type Injection struct {
	Scenario string
	Month    int // the month whose card it is
	Event    string
	Created  time.Time
}

// AddInjection stores a room's shared event. A month of a scenario takes
// one; another for the same month gives ErrConflict.
func (s *Store) AddInjection(ctx context.Context, room string, in Injection) error {
	return s.write(ctx, func(ctx context.Context, tx *sql.Tx) (string, error) {
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO workshop_injections (room, scenario, month, event, created_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
			room, in.Scenario, in.Month, in.Event, millis(in.Created))
		if err != nil {
			return "", fmt.Errorf("workshop: storing a shared event: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return "", ErrConflict
		}
		return room, nil
	})
}

// Injections lists a room's shared events by month.
func (s *Store) Injections(ctx context.Context, room string) ([]Injection, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT scenario, month, event, created_ms FROM workshop_injections WHERE room = ? ORDER BY month, scenario`), room)
	if err != nil {
		return nil, fmt.Errorf("workshop: reading shared events: %w", err)
	}
	defer rows.Close()
	var out []Injection
	for rows.Next() {
		var in Injection
		var at int64
		if err := rows.Scan(&in.Scenario, &in.Month, &in.Event, &at); err != nil {
			return nil, fmt.Errorf("workshop: reading shared events: %w", err)
		}
		in.Created = fromMillis(at)
		out = append(out, in)
	}
	return out, rows.Err()
}

// sharedEvents lists a scenario's shared events.
func sharedEvents(sc *scenario.Scenario) []*scenario.Event {
	var out []*scenario.Event
	for i := range sc.Events {
		if sc.Events[i].Trigger == scenario.Shared {
			out = append(out, &sc.Events[i])
		}
	}
	return out
}

// injectFor gives run the shared event of the month after its current one
// when the room has one for its scenario that applies: stored before the
// current month is decided at `decided` (zero: not decided yet).
func injectFor(r *sim.Run, injs []Injection, decided time.Time) error {
	next := r.Month() + 1
	for _, in := range injs {
		if in.Month != next || in.Scenario != r.Scenario().ID {
			continue
		}
		if !decided.IsZero() && !decided.After(in.Created) {
			continue // decided before the facilitator gave it
		}
		if inj := r.State().Injected; len(inj) > 0 && inj[len(inj)-1].Month == next {
			continue // given already
		}
		if err := r.Inject(in.Event); err != nil {
			return fmt.Errorf("shared event %q for month %d: %v", in.Event, in.Month, err)
		}
	}
	return nil
}
