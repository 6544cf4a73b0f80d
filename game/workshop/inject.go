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
// Who gets it: the runs that had not decided month M-1 when it was given.
// The server puts it on a run when it takes the choice of month M-1 and
// records that with the choice, so every replay (the projector, the walk,
// the exports) follows the record. Those already past it keep the month
// they saw.

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

// pendingShared is the room's shared event for the month after the run's
// current one, or "".
func pendingShared(r *sim.Run, injs []Injection) string {
	for _, in := range injs {
		if in.Month == r.Month()+1 && in.Scenario == r.Scenario().ID {
			return in.Event
		}
	}
	return ""
}

// injectEvent puts a shared event on the run's next month, unless it has
// one already.
func injectEvent(r *sim.Run, event string) error {
	if event == "" {
		return nil
	}
	if inj := r.State().Injected; len(inj) > 0 && inj[len(inj)-1].Month == r.Month()+1 {
		return nil
	}
	if err := r.Inject(event); err != nil {
		return fmt.Errorf("shared event %q for month %d: %v", event, r.Month()+1, err)
	}
	return nil
}

// injectFor gives a run the shared event a stored choice recorded, or,
// for the month not yet decided (c nil), the room's pending one.
func injectFor(r *sim.Run, injs []Injection, c *Choice) error {
	if c != nil {
		return injectEvent(r, c.Shared)
	}
	return injectEvent(r, pendingShared(r, injs))
}
