package history

import (
	"encoding/base64"
	"fmt"
	"math"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Timeline is a compact month-by-month record of a run's key quantities:
// the scenario's chart stats and the common outcome axes. It is for
// drawing small charts on the compare and ending screens, so each series is
// quantised to 256 levels between its own minimum and maximum (an error of
// at most 0.2% of the series' range): a 60-month run with ten series stays
// near 1.5 KB of JSON.
type Timeline struct {
	Series []Series `json:"series"`
}

// AxisPrefix starts the ID of a series that holds an outcome axis
// ("axis:wealth"), so axes never clash with stat ids ("skills").
const AxisPrefix = "axis:"

// Series is one quantity at the start (point 0) and at the end of every
// month (point m), N points in all.
type Series struct {
	ID   string  `json:"id"`             // a stat id, or AxisPrefix + an axis name
	Unit string  `json:"unit,omitempty"` // scenario.Unit name: money, months, ...
	N    int     `json:"n"`
	Lo   float32 `json:"lo"`
	Hi   float32 `json:"hi"`
	// Data is base64url (no padding) of N bytes, point i being
	// Lo + Data[i]/255*(Hi-Lo). Empty when Lo == Hi (a constant series).
	Data string `json:"data,omitempty"`
}

// Limits on a timeline read from a file.
const (
	maxSeries  = 32
	maxIDBytes = 64
)

// Values decodes the series. A malformed series (not produced by this
// package, and refused by Validate) decodes as nil.
func (s Series) Values() []float64 {
	if s.N <= 0 || s.N > scenario.MaxMonths+1 {
		return nil
	}
	out := make([]float64, s.N)
	lo, hi := float64(s.Lo), float64(s.Hi)
	if s.Data == "" {
		for i := range out {
			out[i] = lo
		}
		return out
	}
	b, err := base64.RawURLEncoding.DecodeString(s.Data)
	if err != nil || len(b) != s.N {
		return nil
	}
	for i, q := range b {
		out[i] = lo + float64(q)/255*(hi-lo)
	}
	return out
}

// Get returns the series with an id.
func (t *Timeline) Get(id string) (Series, bool) {
	if t == nil {
		return Series{}, false
	}
	for _, s := range t.Series {
		if s.ID == id {
			return s, true
		}
	}
	return Series{}, false
}

func clamp32(v float64) float64 {
	return math.Min(math.Max(v, -math.MaxFloat32), math.MaxFloat32)
}

// quantise packs values into a Series.
func quantise(id, unit string, vals []float64) Series {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		v = clamp32(v)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	s := Series{ID: id, Unit: unit, N: len(vals), Lo: float32(lo), Hi: float32(hi)}
	if len(vals) == 0 {
		s.Lo, s.Hi = 0, 0
		return s
	}
	flo, fhi := float64(s.Lo), float64(s.Hi)
	if fhi <= flo {
		s.Hi = s.Lo
		return s
	}
	b := make([]byte, len(vals))
	for i, v := range vals {
		q := math.Round((clamp32(v) - flo) / (fhi - flo) * 255)
		b[i] = byte(math.Min(math.Max(q, 0), 255))
	}
	s.Data = base64.RawURLEncoding.EncodeToString(b)
	return s
}

// axisUnits are the units of sim.AxisNames, in order.
var axisUnits = []scenario.Unit{scenario.Money, scenario.Level, scenario.Plain, scenario.Plain, scenario.Plain, scenario.Months}

// AxisUnit returns the display unit of an outcome axis (index into
// sim.AxisNames).
func AxisUnit(axis int) scenario.Unit {
	if axis < 0 || axis >= len(axisUnits) {
		return scenario.Plain
	}
	return axisUnits[axis]
}

// BuildTimeline replays seed and picks on sc and records the chart stats
// and the outcome axes (all but months) at the start and after every month.
func BuildTimeline(sc *scenario.Scenario, seed uint64, picks []int) (*Timeline, error) {
	r := sim.New(sc, seed, sim.Options{Record: true})
	const axes = 5 // the outcome axes but months
	ax := make([][]float64, axes)
	sample := func() {
		o := r.Outcome()
		for a := 0; a < axes; a++ {
			ax[a] = append(ax[a], o.Axis(a))
		}
	}
	sample()
	for i, p := range picks {
		if err := r.PickIndex(p); err != nil {
			return nil, fmt.Errorf("history: pick %d does not replay: %v", i+1, err)
		}
		sample()
	}
	rows := r.State().Series
	tl := &Timeline{}
	for s := range sc.Stats {
		if !sc.Stats[s].Chart {
			continue
		}
		vals := make([]float64, len(rows))
		for m, row := range rows {
			vals[m] = row[s]
		}
		tl.Series = append(tl.Series, quantise(sc.Stats[s].ID, sc.Stats[s].Unit.String(), vals))
		if len(tl.Series) == maxSeries-axes {
			break
		}
	}
	for a := 0; a < axes; a++ {
		tl.Series = append(tl.Series, quantise(AxisPrefix+sim.AxisNames[a], axisUnits[a].String(), ax[a]))
	}
	return tl, nil
}

// validate checks a timeline read from a file.
func (t *Timeline) validate(months int) error {
	if len(t.Series) > maxSeries {
		return fmt.Errorf("%d series; the limit is %d", len(t.Series), maxSeries)
	}
	for i, s := range t.Series {
		if s.ID == "" || len(s.ID) > maxIDBytes {
			return fmt.Errorf("series %d has a bad id", i+1)
		}
		if s.N != months+1 {
			return fmt.Errorf("series %q has %d points for %d months", s.ID, s.N, months)
		}
		lo, hi := float64(s.Lo), float64(s.Hi)
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo > hi {
			return fmt.Errorf("series %q has a bad range", s.ID)
		}
		if s.Data == "" {
			if lo != hi {
				return fmt.Errorf("series %q has no data", s.ID)
			}
			continue
		}
		b, err := base64.RawURLEncoding.DecodeString(s.Data)
		if err != nil {
			return fmt.Errorf("series %q data: %v", s.ID, err)
		}
		if len(b) != s.N {
			return fmt.Errorf("series %q holds %d points, not %d", s.ID, len(b), s.N)
		}
	}
	return nil
}

// clone returns a copy that shares nothing with t (nil for nil).
func (t *Timeline) clone() *Timeline {
	if t == nil {
		return nil
	}
	return &Timeline{Series: append([]Series(nil), t.Series...)}
}
