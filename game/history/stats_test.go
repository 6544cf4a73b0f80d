package history

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

func TestQuantile(t *testing.T) {
	tests := []struct {
		vals []float64
		q    float64
		want float64
	}{
		{nil, 0.5, 0},
		{[]float64{7}, 0, 7},
		{[]float64{7}, 0.5, 7},
		{[]float64{7}, 1, 7},
		{[]float64{1, 3}, 0.5, 2},
		{[]float64{1, 3}, 0.25, 1.5},
		{[]float64{1, 2, 3, 4}, 0.25, 1.75},
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4}, 0.75, 3.25},
		{[]float64{1, 2, 3, 4, 5}, 0.25, 2},
		{[]float64{1, 2, 3, 4, 5}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 5}, 0.75, 4},
		{[]float64{1, 2, 3, 4, 5}, -1, 1},
		{[]float64{1, 2, 3, 4, 5}, 2, 5},
		{[]float64{-10, 0, 0, 100}, 0.5, 0},
	}
	for _, tt := range tests {
		if got := Quantile(tt.vals, tt.q); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Quantile(%v, %v) = %v, want %v", tt.vals, tt.q, got, tt.want)
		}
	}
}

func TestScoreOrdersOutcomes(t *testing.T) {
	tests := []struct {
		name   string
		better sim.Outcome
		worse  sim.Outcome
	}{
		{"category beats a little wealth", sim.Outcome{Category: "thrived"}, sim.Outcome{Category: "good", Wealth: 100_000}},
		{"wealth counts", sim.Outcome{Category: "good", Wealth: 1e6}, sim.Outcome{Category: "good", Wealth: 1e5}},
		{"wealth saturates", sim.Outcome{Category: "good", Wealth: 1e6, Wellbeing: 80}, sim.Outcome{Category: "good", Wealth: 1e9, Wellbeing: 20}},
		{"level", sim.Outcome{Category: "survived", Level: 4}, sim.Outcome{Category: "survived", Level: 2}},
		{"failed is worst", sim.Outcome{Category: "struggled"}, sim.Outcome{Category: "failed", Skills: 100}},
		{"no category counts as failed", sim.Outcome{Category: "failed", Skills: 1}, sim.Outcome{}},
	}
	for _, tt := range tests {
		if Score(tt.better) <= Score(tt.worse) {
			t.Errorf("%s: Score(%+v) = %v <= Score(%+v) = %v", tt.name, tt.better, Score(tt.better), tt.worse, Score(tt.worse))
		}
	}
	// Score is the bots' default blend of the end state.
	for _, sc := range bundled(t) {
		bot, _ := sim.NewBot(sc, "typical")
		for seed := uint64(1); seed < 30; seed++ {
			r := bot.Play(seed, sim.Options{})
			if got, want := Score(r.Outcome()), sim.DefaultScore(r); math.Abs(got-want) > 1e-9 {
				t.Fatalf("%s seed %d: Score = %v, sim.DefaultScore = %v", sc.ID, seed, got, want)
			}
		}
	}
}

func TestSummarize(t *testing.T) {
	o := func(cat string, wealth, level float64, months int) Sample {
		return Sample{Code: cat, Outcome: sim.Outcome{Category: cat, Wealth: wealth, Level: level, Skills: 50, Wellbeing: 50, Autonomy: 50, Months: months}}
	}
	tests := []struct {
		name    string
		samples []Sample
		wealth  AxisStats
		months  AxisStats
		best    int
		worst   int
		cats    map[string]int
	}{
		{"none", nil, AxisStats{Axis: "wealth", MinRun: -1, MaxRun: -1}, AxisStats{Axis: "months", MinRun: -1, MaxRun: -1}, -1, -1, map[string]int{}},
		{"one", []Sample{o("good", 100, 2, 60)},
			AxisStats{Axis: "wealth", Count: 1, Min: 100, Q1: 100, Median: 100, Q3: 100, Max: 100, Mean: 100, MinRun: 0, MaxRun: 0},
			AxisStats{Axis: "months", Count: 1, Min: 60, Q1: 60, Median: 60, Q3: 60, Max: 60, Mean: 60, MinRun: 0, MaxRun: 0},
			0, 0, map[string]int{"good": 1}},
		{"four", []Sample{o("failed", 40, 1, 12), o("thrived", 10, 3, 60), o("good", 30, 2, 60), o("failed", 20, 1, 30)},
			AxisStats{Axis: "wealth", Count: 4, Min: 10, Q1: 17.5, Median: 25, Q3: 32.5, Max: 40, Mean: 25, MinRun: 1, MaxRun: 0},
			AxisStats{Axis: "months", Count: 4, Min: 12, Q1: 25.5, Median: 45, Q3: 60, Max: 60, Mean: 40.5, MinRun: 0, MaxRun: 1},
			1, 3, map[string]int{"thrived": 1, "good": 1, "failed": 2}},
		{"ties keep the first", []Sample{o("good", 5, 2, 10), o("good", 5, 2, 10)},
			AxisStats{Axis: "wealth", Count: 2, Min: 5, Q1: 5, Median: 5, Q3: 5, Max: 5, Mean: 5, MinRun: 0, MaxRun: 0},
			AxisStats{Axis: "months", Count: 2, Min: 10, Q1: 10, Median: 10, Q3: 10, Max: 10, Mean: 10, MinRun: 0, MaxRun: 0},
			0, 0, map[string]int{"good": 2}},
	}
	for _, tt := range tests {
		s := Summarize(tt.samples)
		if s.Count != len(tt.samples) || len(s.Axes) != len(sim.AxisNames) || len(s.Categories) != len(scenario.Categories) {
			t.Fatalf("%s: shape %+v", tt.name, s)
		}
		if got := s.Axis(0); !reflect.DeepEqual(got, tt.wealth) {
			t.Errorf("%s: wealth\n got %+v\nwant %+v", tt.name, got, tt.wealth)
		}
		if got := s.Axis(5); !reflect.DeepEqual(got, tt.months) {
			t.Errorf("%s: months\n got %+v\nwant %+v", tt.name, got, tt.months)
		}
		if s.Best != tt.best || s.Worst != tt.worst {
			t.Errorf("%s: best %d worst %d, want %d %d", tt.name, s.Best, s.Worst, tt.best, tt.worst)
		}
		share := 0.0
		for _, c := range s.Categories {
			if c.Count != tt.cats[c.Category] {
				t.Errorf("%s: %s count %d, want %d", tt.name, c.Category, c.Count, tt.cats[c.Category])
			}
			share += c.Share
		}
		if len(tt.samples) > 0 && math.Abs(share-1) > 1e-12 {
			t.Errorf("%s: shares add to %v", tt.name, share)
		}
	}
	s := Summarize([]Sample{o("thrived", 1, 1, 1), o("good", 1, 1, 1), o("failed", 1, 1, 1), o("failed", 1, 1, 1)})
	if got := s.Share(scenario.Thrived, scenario.Good); got != 0.5 {
		t.Errorf("Share(thrived, good) = %v, want 0.5", got)
	}
	if got := s.Axis(99); got.MinRun != -1 {
		t.Errorf("Axis(99) = %+v", got)
	}
}

func TestGroups(t *testing.T) {
	mk := func(scen, track string, seed uint64, cat scenario.Category, wealth float64) Record {
		return fake(t, scen, track, seed, 10, cat, sim.Outcome{Wealth: wealth})
	}
	recs := []Record{
		mk("startup_engineer", "startup", 1, scenario.Failed, 10),
		mk("bigco_engineer", "corporate", 2, scenario.Good, 500),
		mk("startup_engineer", "startup", 3, scenario.Thrived, 9000),
		mk("bigco_manager", "corporate", 4, scenario.Survived, 300),
		mk("academia", "", 5, scenario.Struggled, 1),
	}
	byScen := ByScenario(recs)
	var keys []string
	for _, g := range byScen {
		keys = append(keys, g.Key)
	}
	if want := []string{"academia", "bigco_engineer", "bigco_manager", "startup_engineer"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("ByScenario keys %v, want %v (track, then id)", keys, want)
	}
	st := byScen[3]
	if st.Title != "Title of startup_engineer" || len(st.Records) != 2 || st.Summary.Count != 2 {
		t.Fatalf("startup group = %+v", st)
	}
	if st.Best().Code != recs[2].Code || st.Worst().Code != recs[0].Code {
		t.Errorf("best %s worst %s", st.Best().Code, st.Worst().Code)
	}
	if st.Summary.Axis(0).Median != 4505 {
		t.Errorf("startup median wealth %v, want 4505", st.Summary.Axis(0).Median)
	}
	byTrack := ByTrack(recs)
	keys = nil
	for _, g := range byTrack {
		keys = append(keys, g.Key+"="+string(rune('0'+len(g.Records))))
	}
	if want := []string{"academia=1", "corporate=2", "startup=2"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("ByTrack %v, want %v", keys, want)
	}
	if len(ByScenario(nil)) != 0 {
		t.Error("groups of nothing")
	}
	var g Group
	if g.Best() != nil || g.Worst() != nil {
		t.Error("empty group has a best run")
	}
}

// TestHugeFiniteOutcomesStayFinite: stats may reach ±math.MaxFloat64; the
// summary of such runs must be finite everywhere, so it encodes as JSON.
func TestHugeFiniteOutcomesStayFinite(t *testing.T) {
	big := math.MaxFloat64
	var samples []Sample
	for i, w := range []float64{big, big, -big, big, big / 3} {
		samples = append(samples, Sample{Outcome: sim.Outcome{Wealth: w, Level: w, Skills: -w, Wellbeing: w, Autonomy: w, Months: i, Category: "good"}})
	}
	s := Summarize(samples)
	if _, err := json.Marshal(s); err != nil {
		t.Fatalf("the summary does not encode: %v", err)
	}
	for _, a := range s.Axes {
		for _, v := range []float64{a.Min, a.Q1, a.Median, a.Q3, a.Max, a.Mean} {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				t.Fatalf("axis %s: %+v", a.Axis, a)
			}
		}
	}
	if got := s.Axis(0).Mean; got <= 0 || got >= big {
		t.Errorf("mean wealth = %g", got)
	}
	if math.IsInf(s.BestScore, 0) || math.IsNaN(s.BestScore) || math.IsNaN(s.WorstScore) {
		t.Errorf("scores %g, %g", s.BestScore, s.WorstScore)
	}
	if q := Quantile([]float64{-big, big}, 0.5); q != 0 {
		t.Errorf("Quantile between -max and max = %g, want 0", q)
	}
}
