package sim

import (
	"math"

	"runwayladder/game/scenario"
)

// Report says what happened in a month and why.
type Report struct {
	Month         int
	Title, Choice string
	// Text is the result text of the choice, the outcome and any system
	// results, in order.
	Text  string
	Roll  *Roll
	Notes []Note
	// Rules lists the labels of the monthly rules that applied.
	Rules       []string
	Deltas      []Delta
	Fight       *FightResult
	Calibration *CalibrationResult
	// Switches lists the month's changes of phase, in order (format 2).
	Switches []Switch
	Ending   *scenario.Ending
}

// Switch is a change of phase (format 2): what the player left and
// entered, what the move cost and what it started with. Stats with
// `carry` are carried; the scenario says which.
type Switch struct {
	From, To           int    // indices into Scenario.Phases
	FromLabel, ToLabel string // the phases' labels as shown at the switch
	// Forfeited is what had not vested of the grant left behind.
	Forfeited float64
	// Reset lists the declared stats without `carry` whose value the move
	// changed: before the switch, and after the new phase's [enter].
	Reset []Delta
	// Grant is the new stint's vesting grant (0: none).
	Grant float64
	// Level is the ladder level the move starts at; -1 when the move did
	// not start the ladder. LeftLevel is the level it left when it
	// stopped the ladder; -1 otherwise.
	Level, LeftLevel int
	// On and Off name the systems the move started and stopped:
	// "funding", "ladder", "fight".
	On, Off []string
}

// NoteKind says which system wrote a note.
type NoteKind int

// Note kinds.
const (
	NoteFunding NoteKind = iota
	NoteLadder
	NoteFight
	NotePhase
)

// Note is one line a system adds to the report.
type Note struct {
	Kind NoteKind
	Text string
}

// Roll is a random outcome against its odds.
type Roll struct {
	Value   float64   // the draw, 0-1
	Odds    []float64 // probability of each outcome
	Labels  []string  // each outcome's label (may be empty)
	Outcome int       // which outcome the draw fell in
	Shown   bool      // whether the odds were shown before the pick
}

// Delta is a stat's change over the month.
type Delta struct {
	Stat          int
	Before, After float64
}

// FightResult is the split of a planning cycle.
type FightResult struct {
	Pool     float64
	PoolName string
	Unit     scenario.Unit
	Teams    []Team
}

// CalibrationResult is a calibration's rating.
type CalibrationResult struct {
	Rating       int // index into the ladder's ratings, 0 = best
	Label        string
	Score, Noise float64
	Percentile   float64 // share of peers scored below you
	Promoted     bool
}

func (r *Report) note(k NoteKind, text string) { r.Notes = append(r.Notes, Note{Kind: k, Text: text}) }

func (r *Report) deltas(sc *scenario.Scenario, before, after []float64) {
	for i := range before {
		if before[i] != after[i] {
			r.Deltas = append(r.Deltas, Delta{Stat: i, Before: before[i], After: after[i]})
		}
	}
}

// FormatValue renders a value in its unit: $1.2M, 14 mo, 35%. It is
// scenario.FormatValue, which texts use too.
func FormatValue(v float64, u scenario.Unit) string { return scenario.FormatValue(v, u) }

// FormatDelta renders a change with its sign: +$12k, -3.
func FormatDelta(d float64, u scenario.Unit) string {
	s := FormatValue(math.Abs(d), u)
	if d < 0 {
		return "-" + s
	}
	return "+" + s
}
