// Package history remembers every finished run: one Record per run in an
// append-only JSON Lines document, read back so that damage never costs a
// good record, migrated across format versions, exported and imported as
// JSON or CSV, and summarised for the compare screen as distributions per
// scenario or track, beside a baseline of the same scenario played by the
// balance bots.
//
// It never imports Ebitengine: the game, careersim and the tests share it,
// and it builds for GOOS=js (the browser keeps history in localStorage
// through storage.Local).
//
// Threading: a Store guards its own storage calls with a mutex, so its
// methods may be called from any goroutine; but the storage.Store under it
// may be shared with other code (saves, settings) that does not lock, so
// the game should call Store methods from its own goroutine and run only the
// pure, slow functions (ComputeBaseline, whatif.Analyze) in the background.
package history

import (
	"errors"
	"fmt"
	"math"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// FormatVersion is the version of the Record layout written by this build.
// Version 0 is the layout without a "v" field (see migrate.go); a record of
// a newer version is kept in the file untouched but not read.
const FormatVersion = 1

// Record is one finished run as history keeps it.
type Record struct {
	V             int    `json:"v"`
	Code          string `json:"code"` // the run code: replays the run exactly
	Scenario      string `json:"scenario"`
	Content       int    `json:"content"` // the scenario's content version
	ScenarioTitle string `json:"scenario_title,omitempty"`
	Track         string `json:"track,omitempty"`   // the path: "startup", "corporate", ...
	Session       string `json:"session,omitempty"` // workshop session code, if any

	Ending      string `json:"ending"`
	EndingTitle string `json:"ending_title,omitempty"`
	Category    string `json:"category"`            // scenario.Category
	JobTitle    string `json:"job_title,omitempty"` // the title reached (outcome axis "level" in words)

	// The common outcome axes (sim.Outcome).
	Wealth    float64 `json:"wealth"`
	Level     float64 `json:"level"`
	Skills    float64 `json:"skills"`
	Wellbeing float64 `json:"wellbeing"`
	Autonomy  float64 `json:"autonomy"`
	Months    int     `json:"months"` // months played

	// FinishedAt is when the run ended, UTC, whole seconds.
	FinishedAt time.Time `json:"finished_at"`
	// Timeline holds the key stats month by month; nil for records
	// imported from CSV or migrated from version 0.
	Timeline *Timeline `json:"timeline,omitempty"`
	// Phases are the stints of a format-2 run, in order; nil otherwise
	// (and for records written before phases).
	Phases []Stint `json:"phases,omitempty"`
}

// Outcome returns the record's result on the common axes.
func (r *Record) Outcome() sim.Outcome {
	return sim.Outcome{Wealth: r.Wealth, Level: r.Level, Skills: r.Skills, Wellbeing: r.Wellbeing,
		Autonomy: r.Autonomy, Months: r.Months, Title: r.JobTitle, Ending: r.Ending, Category: r.Category}
}

// Sample returns the record as the statistics see it.
func (r *Record) Sample() Sample { return Sample{Code: r.Code, Outcome: r.Outcome()} }

// FromRun records a finished run. finishedAt is when it ended (the caller
// reads the clock, so the core stays deterministic). The timeline is built
// by replaying the run's code, so the run need not have been recorded.
func FromRun(r *sim.Run, finishedAt time.Time) (Record, error) {
	if r == nil {
		return Record{}, errors.New("history: no run")
	}
	if !r.Done() {
		return Record{}, fmt.Errorf("history: the run has not ended (month %d)", r.Month())
	}
	sc := r.Scenario()
	st := r.State()
	code := r.Code()
	if code == "" {
		return Record{}, errors.New("history: the run has no run code")
	}
	o := r.Outcome()
	rec := Record{
		V: FormatVersion, Code: code, Scenario: sc.ID, Content: sc.Version, ScenarioTitle: sc.Title,
		Track: sc.Track, Session: st.Session,
		Ending: o.Ending, Category: o.Category, JobTitle: o.Title,
		Wealth: o.Wealth, Level: o.Level, Skills: o.Skills, Wellbeing: o.Wellbeing, Autonomy: o.Autonomy,
		Months:     o.Months,
		FinishedAt: finishedAt.UTC().Truncate(time.Second),
	}
	if e := r.Ending(); e != nil {
		rec.EndingTitle = e.Title
	}
	rec.Phases = stintsOf(r)
	tl, err := BuildTimeline(sc, st.Seed, st.Picks())
	if err != nil {
		return Record{}, err
	}
	rec.Timeline = tl
	if err := rec.Validate(); err != nil {
		return Record{}, err
	}
	return rec, nil
}

// Validate checks a record's fields against each other: the code must be a
// readable run code for the record's scenario and content version with one
// pick per month played, and the category one of scenario.Categories.
func (r *Record) Validate() error {
	if r.V != FormatVersion {
		return fmt.Errorf("record version is %d, not %d", r.V, FormatVersion)
	}
	if r.Code == "" {
		return errors.New("record has no run code")
	}
	c, err := sim.ParseCode(r.Code)
	if err != nil {
		return fmt.Errorf("record's code: %v", err)
	}
	if r.Scenario == "" {
		return errors.New("record has no scenario")
	}
	if c.Scenario != r.Scenario || c.Version != r.Content {
		return fmt.Errorf("record is for %s v%d but its code is for %s v%d", r.Scenario, r.Content, c.Scenario, c.Version)
	}
	if r.Months < 0 || r.Months > scenario.MaxMonths {
		return fmt.Errorf("record has %d months; 0 to %d are possible", r.Months, scenario.MaxMonths)
	}
	if len(c.Picks) != r.Months {
		return fmt.Errorf("record says %d months but its code holds %d picks", r.Months, len(c.Picks))
	}
	if !knownCategory(r.Category) {
		return fmt.Errorf("record's category %q is not one of %v", r.Category, scenario.Categories)
	}
	if r.Ending == "" {
		return errors.New("record has no ending")
	}
	for i, v := range []float64{r.Wealth, r.Level, r.Skills, r.Wellbeing, r.Autonomy} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("record's %s is not a finite number", sim.AxisNames[i])
		}
	}
	for _, s := range []string{r.ScenarioTitle, r.Track, r.Session, r.Ending, r.EndingTitle, r.JobTitle} {
		if len(s) > maxText {
			return fmt.Errorf("record holds a text of %d bytes; the limit is %d", len(s), maxText)
		}
	}
	if r.FinishedAt.IsZero() {
		return errors.New("record has no finished_at time")
	}
	if y := r.FinishedAt.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("record's finished_at year %d is out of range", y)
	}
	if r.Timeline != nil {
		if err := r.Timeline.validate(r.Months); err != nil {
			return fmt.Errorf("record's timeline: %v", err)
		}
	}
	if err := validateStints(r.Phases, r.Months); err != nil {
		return fmt.Errorf("record's phases: %v", err)
	}
	return nil
}

// maxText bounds a record's text fields (titles, ids).
const maxText = 200

func knownCategory(c string) bool {
	for _, k := range scenario.Categories {
		if string(k) == c {
			return true
		}
	}
	return false
}
