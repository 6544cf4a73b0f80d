package history

import (
	"math"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// rec makes a finished run of scenario id on track with the given wealth,
// skills and category (the other axes fixed).
func rec(id, title, track, code string, wealth, skills float64, cat string) Record {
	return Record{Code: code, Scenario: id, ScenarioTitle: title, Track: track, Category: cat,
		Wealth: wealth, Level: 3, Skills: skills, Wellbeing: 50, Autonomy: 50, Months: 36}
}

func TestCompareOrdersPathsAndRuns(t *testing.T) {
	recs := []Record{
		rec("uni", "Lab life", "academia", "u1", 10, 90, "good"),
		rec("big", "Big company", "corporate", "b1", 300, 40, "survived"),
		rec("st", "Startup", "startup", "s1", 900, 70, "thrived"),
		rec("st", "Startup", "startup", "s2", -50, 60, "failed"),
		rec("mine", "My own lab", "", "m1", 5, 5, "struggled"),
		rec("big2", "Bigger company", "corporate", "c1", 400, 30, "good"),
	}
	c := Compare(recs)
	var keys, labels []string
	for _, p := range c.Paths {
		keys, labels = append(keys, p.Key), append(labels, p.Label)
	}
	if got, want := strings.Join(keys, ","), "st,big,big2,uni,mine"; got != want {
		t.Errorf("paths %s, want %s", got, want)
	}
	// A track with one path is named by the track; two corporate paths
	// and a path without a track keep their titles.
	if got, want := strings.Join(labels, ","), "Startup,Big company,Bigger company,Academia,My own lab"; got != want {
		t.Errorf("labels %s, want %s", got, want)
	}
	st := c.Paths[0]
	if len(st.Order) != 2 || st.Records[st.Order[0]].Code != "s2" || st.Records[st.Order[1]].Code != "s1" {
		t.Errorf("startup runs from worst to best: %v", st.Order)
	}
	if c.Runs() != len(recs) {
		t.Errorf("Runs() = %d, want %d", c.Runs(), len(recs))
	}
}

func TestScale(t *testing.T) {
	c := Compare([]Record{rec("st", "Startup", "startup", "s1", 900, 70, "thrived"), rec("st", "Startup", "startup", "s2", 100, 60, "good")})
	if lo, hi := c.Scale(0); lo != 0 || hi != 900 {
		t.Errorf("wealth scale %v..%v, want 0..900 (wealth starts at zero)", lo, hi)
	}
	if lo, hi := c.Scale(2); lo != 60 || hi != 70 {
		t.Errorf("skills scale %v..%v, want 60..70", lo, hi)
	}
	// The bots' middle half widens the scale; their extremes do not.
	c.Paths[0].Baselines["typical"] = &Baseline{Summary: Summary{Axes: []AxisStats{{}, {}, {Count: 10, Min: 0, Q1: 40, Median: 50, Q3: 80, Max: 100}}}}
	if lo, hi := c.Scale(2); lo != 40 || hi != 80 {
		t.Errorf("skills scale with a bot %v..%v, want 40..80", lo, hi)
	}
	if lo, hi := (Comparison{}).Scale(2); lo != 0 || hi != 1 {
		t.Errorf("empty scale %v..%v, want 0..1", lo, hi)
	}
}

func TestHeadline(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs []Record
		want string
	}{
		{"one path", []Record{rec("st", "Startup", "startup", "s1", 900, 70, "thrived")},
			"Startup on its own: finish runs on another path to see the trade-offs."},
		{"a trade-off", []Record{
			rec("st", "Startup", "startup", "s1", 900, 40, "thrived"),
			rec("uni", "Lab life", "academia", "u1", 10, 90, "good"),
		}, "Medians: Startup leads on wealth; Academia on skills."},
		{"the same", []Record{
			rec("st", "Startup", "startup", "s1", 100, 50, "good"),
			rec("uni", "Lab life", "academia", "u1", 101, 50, "good"),
		}, "Your paths end about the same on every axis."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Compare(tc.recs).Headline(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestTakeawayText(t *testing.T) {
	const skills = 2
	nan := math.NaN()
	for _, tc := range []struct {
		name    string
		ps      []Spread
		typical float64
		want    string
	}{
		{"none", nil, nan, ""},
		{"one path", []Spread{{Label: "Startup", Median: 60, Q1: 50, Q3: 70, Min: 10, Max: 90}}, nan,
			"Median 60, middle half 50–70."},
		{"one path and a bot", []Spread{{Label: "Startup", Median: 60, Q1: 50, Q3: 70}}, 55,
			"Your median 60; a typical player's 55."},
		{"the same", []Spread{{Label: "A", Median: 50, Min: 0, Max: 100}, {Label: "B", Median: 52, Min: 10, Max: 90}}, nan,
			"Every path ends about the same: medians 50 to 52."},
		{"widest is highest", []Spread{{Label: "A", Median: 80, Min: 0, Max: 100}, {Label: "B", Median: 40, Min: 30, Max: 50}}, nan,
			"A: highest median (80) and the widest range, 0–100."},
		{"widest is lowest", []Spread{{Label: "A", Median: 20, Min: 0, Max: 100}, {Label: "B", Median: 60, Min: 50, Max: 70}}, nan,
			"A: widest range, yet the lowest median: 20 vs 60 for B."},
		{"widest in the middle", []Spread{{Label: "A", Median: 50, Min: 0, Max: 100}, {Label: "B", Median: 80, Min: 70, Max: 90}, {Label: "C", Median: 20, Min: 10, Max: 30}}, nan,
			"A: widest range, up to 100; median 50, below B's 80."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TakeawayText(skills, tc.ps, tc.typical); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCategoryLine(t *testing.T) {
	s := Summary{Categories: []CategoryCount{{Category: "thrived", Share: 0.25}, {Category: "good", Share: 0.25}, {Category: "failed", Share: 0.125}, {Category: "survived", Share: 0.375}}}
	if got, want := CategoryLine(s), "50% did well · 12% failed"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFormatAxis(t *testing.T) {
	want := map[string]string{"wealth": "$1.2M", "level": "3.5", "skills": "62", "wellbeing": "62", "autonomy": "62", "months": "36 mo"}
	vals := map[string]float64{"wealth": 1.2e6, "level": 3.5, "skills": 61.7, "wellbeing": 61.7, "autonomy": 61.7, "months": 36.2}
	for i, name := range sim.AxisNames {
		if got := FormatAxis(i, vals[name]); got != want[name] {
			t.Errorf("FormatAxis(%s) = %q, want %q", name, got, want[name])
		}
		if AxisTitle(i) == "" {
			t.Errorf("axis %s has no title", name)
		}
	}
}
