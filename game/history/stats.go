package history

import (
	"math"
	"sort"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Sample is one run as the statistics see it: its code (empty for runs
// that cannot be replayed, such as what-if continuations) and outcome.
type Sample struct {
	Code    string      `json:"code,omitempty"`
	Outcome sim.Outcome `json:"outcome"`
}

// AxisStats is the distribution of one outcome axis over a group of runs:
// what a box or strip plot needs. Quartiles interpolate linearly between
// the closest ranks (the method of R's default, type 7), so one run gives
// min = Q1 = median = Q3 = max, and two runs give a median halfway.
type AxisStats struct {
	Axis   string  `json:"axis"` // a name from sim.AxisNames
	Count  int     `json:"count"`
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
	Mean   float64 `json:"mean"`
	// MinRun and MaxRun are the indices (into the summarised samples) of
	// the first run at the minimum and at the maximum; -1 when empty.
	MinRun int `json:"min_run"`
	MaxRun int `json:"max_run"`
}

// CategoryCount is how many runs ended in a category.
type CategoryCount struct {
	Category string  `json:"category"`
	Count    int     `json:"count"`
	Share    float64 `json:"share"`
}

// Summary describes a group of runs on every common axis.
type Summary struct {
	Count int `json:"count"`
	// Axes holds one entry per sim.AxisNames, in that order.
	Axes []AxisStats `json:"axes"`
	// Categories holds one entry per scenario.Categories, best first.
	Categories []CategoryCount `json:"categories"`
	// Best and Worst are the indices (into the summarised samples) of the
	// runs with the highest and lowest Score, the first one on a tie; -1
	// when there are none.
	Best       int     `json:"best"`
	Worst      int     `json:"worst"`
	BestScore  float64 `json:"best_score"`
	WorstScore float64 `json:"worst_score"`
}

// Axis returns the stats of an axis by its index in sim.AxisNames.
func (s Summary) Axis(i int) AxisStats {
	if i < 0 || i >= len(s.Axes) {
		return AxisStats{MinRun: -1, MaxRun: -1}
	}
	return s.Axes[i]
}

// Share returns the share of runs that ended in one of the categories.
func (s Summary) Share(cats ...scenario.Category) float64 {
	n := 0
	for _, c := range s.Categories {
		for _, want := range cats {
			if c.Category == string(want) {
				n += c.Count
			}
		}
	}
	if s.Count == 0 {
		return 0
	}
	return float64(n) / float64(s.Count)
}

// Score rates a run on one scale, to pick a group's best and worst run.
// It is the balance bots' default blend of the axes (sim.DefaultScore) read
// from an outcome: 25 * wealth/(|wealth| + 500k), so wealth counts but
// saturates, + 4 per level + 0.2 per skill point + 0.3 per wellbeing point
// + 0.15 per autonomy point, plus the ending's category: thrived +60,
// good +25, survived 0, struggled -30, failed (or none) -80. Months played
// do not count: a short run is judged by how it ended.
func Score(o sim.Outcome) float64 {
	w := o.Wealth
	wealth := w / (math.Abs(w) + 500_000)
	// Axes near ±math.MaxFloat64 would make the sum infinite (or NaN):
	// beyond ±1e300 they rank alike.
	level, skills, wellbeing, autonomy := bounded(o.Level), bounded(o.Skills), bounded(o.Wellbeing), bounded(o.Autonomy)
	// Explicit conversions stop fused multiply-adds, so every platform
	// ranks runs alike.
	s := float64(25*wealth) + float64(4*level) + float64(0.2*skills) +
		float64(0.3*wellbeing) + float64(0.15*autonomy)
	return s + sim.CategoryValue(scenario.Category(o.Category))
}

// bounded clamps v to ±1e300, so a few of them add up to a finite number.
func bounded(v float64) float64 { return math.Min(math.Max(v, -1e300), 1e300) }

// Summarize computes the statistics of a group of runs. It is pure and
// deterministic: the same samples in the same order give the same summary.
func Summarize(samples []Sample) Summary {
	s := Summary{Count: len(samples), Best: -1, Worst: -1}
	vals := make([]float64, len(samples))
	idx := make([]int, len(samples))
	for a, name := range sim.AxisNames {
		for i := range samples {
			vals[i] = samples[i].Outcome.Axis(a)
		}
		s.Axes = append(s.Axes, axisStats(name, vals, idx))
	}
	counts := map[string]int{}
	for i := range samples {
		counts[samples[i].Outcome.Category]++
		sc := Score(samples[i].Outcome)
		if s.Best < 0 || sc > s.BestScore {
			s.Best, s.BestScore = i, sc
		}
		if s.Worst < 0 || sc < s.WorstScore {
			s.Worst, s.WorstScore = i, sc
		}
	}
	for _, c := range scenario.Categories {
		cc := CategoryCount{Category: string(c), Count: counts[string(c)]}
		if s.Count > 0 {
			cc.Share = float64(cc.Count) / float64(s.Count)
		}
		s.Categories = append(s.Categories, cc)
	}
	return s
}

// axisStats summarises vals; idx is scratch of the same length.
func axisStats(name string, vals []float64, idx []int) AxisStats {
	st := AxisStats{Axis: name, Count: len(vals), MinRun: -1, MaxRun: -1}
	if len(vals) == 0 {
		return st
	}
	for i := range idx {
		idx[i] = i
	}
	// Stable, so MinRun and MaxRun are the first runs at the extremes.
	sort.SliceStable(idx, func(i, j int) bool { return vals[idx[i]] < vals[idx[j]] })
	sorted := make([]float64, len(vals))
	for i, k := range idx {
		sorted[i] = vals[k]
	}
	st.Min, st.Max = sorted[0], sorted[len(sorted)-1]
	st.MinRun = idx[0]
	for _, k := range idx {
		if vals[k] == st.Max {
			st.MaxRun = k
			break
		}
	}
	st.Q1, st.Median, st.Q3 = Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75)
	st.Mean = sim.Mean(sorted)
	return st
}

// Quantile returns the q-quantile (0..1) of sorted values, interpolating
// linearly between the closest ranks; 0 for no values.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	q = math.Min(math.Max(q, 0), 1)
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	a, b := sorted[lo], sorted[lo+1]
	if frac == 0 || a == b {
		return a
	}
	if d := b - a; !math.IsInf(d, 0) {
		return a + frac*d
	}
	// Values near ±math.MaxFloat64: their difference overflows.
	return a*(1-frac) + b*frac
}

// Group is a set of the player's runs that the compare screen shows as one
// column: one scenario, or one track.
type Group struct {
	Key   string `json:"key"`   // the scenario id, or the track
	Title string `json:"title"` // the scenario's title, or the track
	Track string `json:"track"`
	// Records are the group's runs in the order given (history order:
	// oldest first). Summary's indices point into it.
	Records []Record `json:"records"`
	Summary Summary  `json:"summary"`
}

// Best returns the group's best run by Score, or nil.
func (g *Group) Best() *Record { return g.at(g.Summary.Best) }

// Worst returns the group's worst run by Score, or nil.
func (g *Group) Worst() *Record { return g.at(g.Summary.Worst) }

func (g *Group) at(i int) *Record {
	if i < 0 || i >= len(g.Records) {
		return nil
	}
	return &g.Records[i]
}

// ByScenario groups records by scenario id (all content versions
// together), sorted by track then scenario id.
func ByScenario(recs []Record) []Group {
	return group(recs, func(r *Record) (string, string) {
		title := r.ScenarioTitle
		if title == "" {
			title = r.Scenario
		}
		return r.Scenario, title
	})
}

// ByTrack groups records by track (records without one go under their
// scenario id), sorted by track.
func ByTrack(recs []Record) []Group {
	return group(recs, func(r *Record) (string, string) {
		if r.Track == "" {
			return r.Scenario, r.Scenario
		}
		return r.Track, r.Track
	})
}

func group(recs []Record, key func(*Record) (string, string)) []Group {
	var out []Group
	at := map[string]int{}
	for i := range recs {
		k, title := key(&recs[i])
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, Group{Key: k, Title: title, Track: recs[i].Track})
		}
		if out[g].Title == k && title != k {
			out[g].Title = title // a later record knows the title
		}
		out[g].Records = append(out[g].Records, recs[i])
	}
	for i := range out {
		samples := make([]Sample, len(out[i].Records))
		for j := range out[i].Records {
			samples[j] = out[i].Records[j].Sample()
		}
		out[i].Summary = Summarize(samples)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Track != out[j].Track {
			return out[i].Track < out[j].Track
		}
		return out[i].Key < out[j].Key
	})
	return out
}
