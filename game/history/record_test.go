package history

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

func TestFromRunRoundTrip(t *testing.T) {
	for _, sc := range bundled(t) {
		for _, bot := range []string{"typical", "random"} {
			for _, rec := range played(t, sc, bot, 20) {
				line := mustLine(t, rec)
				if len(line) > 2600 {
					t.Errorf("%s: a %d-month record is %d bytes; keep it near 2 KB", sc.ID, rec.Months, len(line))
				}
				got, migrated, err := DecodeLine(line)
				if err != nil || migrated {
					t.Fatalf("DecodeLine(EncodeLine(r)) = %v, migrated %v", err, migrated)
				}
				if !reflect.DeepEqual(got, rec) {
					t.Fatalf("round trip changed the record:\n got %+v\nwant %+v", got, rec)
				}
			}
		}
	}
}

func TestFromRunFields(t *testing.T) {
	sc := bundled(t)[0]
	bot, _ := sim.NewBot(sc, "typical")
	r := bot.Play(5, sim.Options{Record: true, Session: "WORKSHOP1"})
	at := time.Date(2026, 1, 2, 3, 4, 5, 678, time.FixedZone("CET", 3600))
	rec, err := FromRun(r, at)
	if err != nil {
		t.Fatal(err)
	}
	o := r.Outcome()
	if rec.Code != r.Code() || rec.Scenario != sc.ID || rec.Content != sc.Version || rec.Track != sc.Track ||
		rec.ScenarioTitle != sc.Title || rec.Session != "WORKSHOP1" || rec.Ending != o.Ending ||
		rec.Category != o.Category || rec.EndingTitle != r.Ending().Title || rec.Outcome() != o {
		t.Fatalf("record %+v does not match run outcome %+v", rec, o)
	}
	if want := time.Date(2026, 1, 2, 2, 4, 5, 0, time.UTC); !rec.FinishedAt.Equal(want) || rec.FinishedAt.Location() != time.UTC {
		t.Errorf("FinishedAt = %v, want %v (UTC, whole seconds)", rec.FinishedAt, want)
	}
	// The timeline matches the run's own recorded series within the
	// quantisation step, at every month.
	series := r.State().Series
	n := 0
	for s, st := range sc.Stats {
		if !st.Chart {
			continue
		}
		n++
		ser, ok := rec.Timeline.Get(st.ID)
		if !ok {
			t.Fatalf("timeline lacks chart stat %s", st.ID)
		}
		vals := ser.Values()
		if len(vals) != len(series) || ser.N != rec.Months+1 {
			t.Fatalf("%s: %d points, want %d", st.ID, len(vals), len(series))
		}
		step := float64(ser.Hi-ser.Lo)/255/2 + math.Abs(float64(ser.Hi))*1e-6 + 1e-9
		for m, row := range series {
			if d := math.Abs(vals[m] - row[s]); d > step {
				t.Fatalf("%s month %d: timeline %v, run %v (off by %v > %v)", st.ID, m, vals[m], row[s], d, step)
			}
		}
	}
	for a := 0; a < 5; a++ {
		ser, ok := rec.Timeline.Get(AxisPrefix + sim.AxisNames[a])
		if !ok {
			t.Fatalf("timeline lacks axis %s", sim.AxisNames[a])
		}
		vals := ser.Values()
		last := vals[len(vals)-1]
		if d := math.Abs(last - o.Axis(a)); d > float64(ser.Hi-ser.Lo)/255+math.Abs(o.Axis(a))*1e-6+1e-9 {
			t.Errorf("axis %s ends at %v, outcome is %v", sim.AxisNames[a], last, o.Axis(a))
		}
	}
	if len(rec.Timeline.Series) != n+5 {
		t.Errorf("%d series, want %d chart stats + 5 axes", len(rec.Timeline.Series), n)
	}
}

func TestFromRunRefusesUnfinished(t *testing.T) {
	sc := bundled(t)[0]
	r := sim.New(sc, 1, sim.Options{})
	if _, err := FromRun(r, t0); err == nil || !strings.Contains(err.Error(), "not ended") {
		t.Fatalf("FromRun(unfinished) = %v", err)
	}
	if _, err := FromRun(nil, t0); err == nil {
		t.Fatal("FromRun(nil) accepted")
	}
}

func TestQuantiseConstantAndExtremes(t *testing.T) {
	tests := []struct {
		name string
		vals []float64
	}{
		{"constant", []float64{75, 75, 75}},
		{"ramp", []float64{0, 1, 2, 3, 255}},
		{"huge", []float64{-math.MaxFloat64, 0, math.MaxFloat64}},
		{"tiny", []float64{0.0151, 0.0152, 0.0149}},
	}
	for _, tt := range tests {
		s := quantise("x", "plain", tt.vals)
		got := s.Values()
		if len(got) != len(tt.vals) {
			t.Fatalf("%s: %d values, want %d", tt.name, len(got), len(tt.vals))
		}
		if err := (&Timeline{Series: []Series{s}}).validate(len(tt.vals) - 1); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for i, v := range tt.vals {
			v = clamp32(v)
			tol := float64(s.Hi-s.Lo)/255/2 + math.Abs(v)*1e-6 + 1e-9
			if math.Abs(got[i]-v) > tol {
				t.Errorf("%s[%d] = %v, want %v ± %v", tt.name, i, got[i], v, tol)
			}
		}
	}
	if s := quantise("c", "", []float64{75, 75}); s.Data != "" || s.Lo != 75 || s.Hi != 75 {
		t.Errorf("constant series stored data: %+v", s)
	}
}

func TestValidate(t *testing.T) {
	good := fake(t, "startup_engineer", "startup", 9, 3, scenario.Good, sim.Outcome{Wealth: 1})
	otherCode, _ := sim.Code{Scenario: "other", Version: 1, Seed: 9, Picks: make([]int, 3)}.Encode()
	tests := []struct {
		name   string
		change func(r *Record)
		want   string // part of the error; "" for valid
	}{
		{"valid", func(r *Record) {}, ""},
		{"version", func(r *Record) { r.V = 2 }, "version"},
		{"no code", func(r *Record) { r.Code = "" }, "no run code"},
		{"bad code", func(r *Record) { r.Code = "startup_engineer.1.ZZZZZZZZ" }, "checksum"},
		{"other scenario", func(r *Record) { r.Code = otherCode }, "its code is for other"},
		{"content", func(r *Record) { r.Content = 2 }, "its code is for"},
		{"months", func(r *Record) { r.Months = 4 }, "3 picks"},
		{"category", func(r *Record) { r.Category = "great" }, "category"},
		{"ending", func(r *Record) { r.Ending = "" }, "no ending"},
		{"nan", func(r *Record) { r.Wealth = math.NaN() }, "wealth"},
		{"inf", func(r *Record) { r.Skills = math.Inf(1) }, "skills"},
		{"long text", func(r *Record) { r.EndingTitle = strings.Repeat("x", 300) }, "text"},
		{"no time", func(r *Record) { r.FinishedAt = time.Time{} }, "finished_at"},
		{"year", func(r *Record) { r.FinishedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "year"},
		{"timeline points", func(r *Record) { r.Timeline = &Timeline{Series: []Series{{ID: "x", N: 3}}} }, "points"},
		{"timeline data", func(r *Record) { r.Timeline = &Timeline{Series: []Series{{ID: "x", N: 4, Lo: 0, Hi: 1, Data: "!!"}}} }, "data"},
		{"timeline range", func(r *Record) { r.Timeline = &Timeline{Series: []Series{{ID: "x", N: 4, Lo: 2, Hi: 1}}} }, "range"},
		{"timeline id", func(r *Record) { r.Timeline = &Timeline{Series: []Series{{ID: "", N: 4}}} }, "id"},
	}
	for _, tt := range tests {
		r := good
		tt.change(&r)
		err := r.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}
