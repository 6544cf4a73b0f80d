package workshop

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/sim"
)

// Exports of a room: every decision with its time, as CSV (one row per
// decision, the participant first) and as JSON (participants with their
// runs). The command `careersim workshop export` and the facilitator's
// download links write the same bytes.

// Decision is one decided month, with what the card and choice said.
type Decision struct {
	Month   int       `json:"month"`
	Card    string    `json:"card"`
	Pick    int       `json:"pick"` // index in the card's full choice list, as run codes keep it
	Choice  string    `json:"choice"`
	Outcome string    `json:"outcome,omitempty"`
	At      time.Time `json:"at"`
	Ending  string    `json:"ending,omitempty"` // the ending this month led to
}

// ExportPerson is a participant with their run.
type ExportPerson struct {
	ID        string       `json:"id"`
	Name      string       `json:"name"`
	Scenario  string       `json:"scenario"`
	Joined    time.Time    `json:"joined"`
	RunCode   string       `json:"run_code"`
	Finished  bool         `json:"finished"`
	Ending    string       `json:"ending,omitempty"`
	Category  string       `json:"category,omitempty"`
	Outcome   *sim.Outcome `json:"outcome,omitempty"`
	Problem   string       `json:"problem,omitempty"`
	Decisions []Decision   `json:"decisions"`
}

// ExportRoom is the JSON export.
type ExportRoom struct {
	Format       string         `json:"format"`
	Code         string         `json:"room"`
	Name         string         `json:"name"`
	Session      string         `json:"session"`
	Scenarios    []string       `json:"scenarios"`
	Created      time.Time      `json:"created"`
	Exported     time.Time      `json:"exported"`
	Participants []ExportPerson `json:"participants"`
}

// exportFormat names the JSON layout, for whoever reads it later.
const exportFormat = "runwayladder-workshop-1"

// Collect reads a room and replays every run into its export.
func Collect(ctx context.Context, st *Store, lib *Library, code string, now time.Time) (*ExportRoom, error) {
	room, err := st.Room(ctx, code)
	if err != nil {
		return nil, err
	}
	ps, err := st.Participants(ctx, code)
	if err != nil {
		return nil, err
	}
	all, err := st.RoomChoices(ctx, code)
	if err != nil {
		return nil, err
	}
	injs, err := st.Injections(ctx, code)
	if err != nil {
		return nil, err
	}
	byP := map[string][]Choice{}
	for _, c := range all {
		byP[c.Participant] = append(byP[c.Participant], c)
	}
	out := &ExportRoom{Format: exportFormat, Code: room.Code, Name: room.Name, Session: room.Settings.Session,
		Scenarios: room.Settings.Scenarios, Created: room.Created, Exported: now.UTC().Truncate(time.Millisecond)}
	for _, p := range ps {
		ep := ExportPerson{ID: p.ID, Name: p.Name, Scenario: p.Scenario, Joined: p.Joined, Decisions: []Decision{}}
		sc, ok := lib.Find(p.Scenario)
		if !ok {
			ep.Problem = fmt.Sprintf("scenario %q is not installed", p.Scenario)
			out.Participants = append(out.Participants, ep)
			continue
		}
		run := sim.New(sc, room.Seed(), sim.Options{Session: room.Settings.Session})
		for _, c := range byP[p.ID] {
			if err := injectFor(run, injs, &c); err != nil {
				ep.Problem = err.Error()
				break
			}
			rep, err := run.PickIndexReport(c.Pick)
			if err != nil {
				ep.Problem = fmt.Sprintf("month %d's stored choice does not replay: %v", c.Month, err)
				break
			}
			d := Decision{Month: c.Month, Card: rep.Title, Pick: c.Pick, Choice: rep.Choice, At: c.At}
			if rl := rep.Roll; rl != nil && rl.Outcome < len(rl.Labels) {
				d.Outcome = rl.Labels[rl.Outcome]
			}
			if rep.Ending != nil {
				d.Ending = rep.Ending.Title
			}
			ep.Decisions = append(ep.Decisions, d)
		}
		ep.RunCode = run.Code()
		if e := run.Ending(); e != nil {
			o := run.Outcome()
			ep.Finished, ep.Ending, ep.Category, ep.Outcome = true, e.Title, string(e.Category), &o
		}
		out.Participants = append(out.Participants, ep)
	}
	return out, nil
}

// WriteJSON writes the JSON export.
func (e *ExportRoom) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}

// CSVHeader is the CSV export's first row.
var CSVHeader = []string{"participant", "participant_id", "room", "scenario", "month", "card", "pick", "choice", "outcome", "decided_at", "ending"}

// WriteCSV writes one row per decision, the participant's name first.
// Every cell that a spreadsheet would read as a formula is made plain text
// (history.CSVWriter, the one CSV writer of the game and its tools).
func (e *ExportRoom) WriteCSV(w io.Writer) error {
	cw := history.NewCSVWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, p := range e.Participants {
		for _, d := range p.Decisions {
			row := []string{p.Name, p.ID, e.Code, p.Scenario, strconv.Itoa(d.Month), d.Card, strconv.Itoa(d.Pick + 1), d.Choice, d.Outcome,
				d.At.UTC().Format("2006-01-02T15:04:05.000Z"), d.Ending}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// Export writes a room's export in a format ("csv" or "json").
func Export(ctx context.Context, st *Store, lib *Library, code, format string, now time.Time, w io.Writer) error {
	switch strings.ToLower(format) {
	case "csv", "json":
	default:
		return fmt.Errorf("the export format is csv or json, not %q", format)
	}
	e, err := Collect(ctx, st, lib, code, now)
	if err != nil {
		return err
	}
	if strings.ToLower(format) == "csv" {
		return e.WriteCSV(w)
	}
	return e.WriteJSON(w)
}
