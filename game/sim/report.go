package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"

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
	Ending      *scenario.Ending
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

// FormatValue renders a value in its unit: $1.2M, 14 mo, 35%.
func FormatValue(v float64, u scenario.Unit) string {
	switch u {
	case scenario.Money:
		return formatMoney(v)
	case scenario.Months:
		if v == math.Trunc(v) {
			return fmt.Sprintf("%.0f mo", v)
		}
		return fmt.Sprintf("%.1f mo", v)
	case scenario.Percent:
		return fmt.Sprintf("%.0f%%", v)
	case scenario.Fraction:
		if math.Abs(v) < 0.1 && v != 0 {
			return fmt.Sprintf("%.1f%%", v*100)
		}
		return fmt.Sprintf("%.0f%%", v*100)
	case scenario.Level:
		return strconv.Itoa(int(math.Round(v)))
	}
	if v == math.Trunc(v) || math.Abs(v) >= 10 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// FormatDelta renders a change with its sign: +$12k, -3.
func FormatDelta(d float64, u scenario.Unit) string {
	s := FormatValue(math.Abs(d), u)
	if d < 0 {
		return "-" + s
	}
	return "+" + s
}

func formatMoney(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	trim := func(s string) string {
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	// Round first, then pick the scale, so 999,999 shows as $1M, not $1000k.
	var out string
	switch {
	case v >= 999_995_000:
		out = "$" + trim(fmt.Sprintf("%.2f", v/1e9)) + "B"
	case v >= 999_995:
		out = "$" + trim(fmt.Sprintf("%.2f", v/1e6)) + "M"
	case v >= 9_999.5:
		out = "$" + fmt.Sprintf("%.0f", v/1e3) + "k"
	case v >= 999.95:
		out = "$" + trim(fmt.Sprintf("%.1f", v/1e3)) + "k"
	default:
		out = "$" + fmt.Sprintf("%.0f", v)
	}
	if out == "$0" {
		return out // never "-$0"
	}
	return sign + out
}
