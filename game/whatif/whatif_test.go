package whatif

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

var (
	once sync.Once
	scs  []*scenario.Scenario
	errs scenario.Errors
)

func bundled(t testing.TB) []*scenario.Scenario {
	t.Helper()
	once.Do(func() { scs, errs = scenario.LoadBundled(scenarios.FS) })
	if errs.HasErrors() || len(scs) == 0 {
		t.Fatalf("bundled scenarios: %v", errs)
	}
	return scs
}

// played returns the code of a run the bot played (a long one, so there is
// something to analyse).
func played(t testing.TB, sc *scenario.Scenario, bot string) sim.Code {
	t.Helper()
	b, err := sim.NewBot(sc, bot)
	if err != nil {
		t.Fatal(err)
	}
	var best *sim.Run
	for seed := uint64(1); seed < 40; seed++ {
		r := b.Play(seed, sim.Options{})
		if best == nil || r.Month() > best.Month() {
			best = r
		}
	}
	c, err := sim.ParseCode(best.Code())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAnalyze(t *testing.T) {
	for _, sc := range bundled(t) {
		code := played(t, sc, "random")
		an, err := Analyze(context.Background(), sc, code, Config{Runs: 60})
		if err != nil {
			t.Fatal(err)
		}
		r, _ := sim.Replay(sc, code, sim.Options{})
		if an.Actual != r.Outcome() || an.Scenario != sc.ID || an.Bot != "typical" || an.Runs != 60 {
			t.Fatalf("%s: analysis header %+v", sc.ID, an)
		}
		if len(an.Decisions) == 0 || len(an.Decisions) > 3 {
			t.Fatalf("%s: %d decisions, want 1-3", sc.ID, len(an.Decisions))
		}
		st := r.State()
		varied := false
		for i, d := range an.Decisions {
			if i > 0 && an.Decisions[i-1].Step >= d.Step {
				t.Errorf("%s: decisions not in month order", sc.ID)
			}
			if st.Steps[d.Step].Month != d.Month || d.Title == "" {
				t.Errorf("%s: decision %+v does not match step %d", sc.ID, d, d.Step)
			}
			if len(d.Options) < 2 || d.PickedOption() == nil || d.PickedOption().Index != code.Picks[d.Step] || !d.PickedOption().Picked {
				t.Fatalf("%s: month %d: options %+v, picked %d", sc.ID, d.Month, d.Options, d.Picked)
			}
			lo, hi := 1e18, -1e18
			for o, op := range d.Options {
				if len(op.Samples) != 60 || op.Summary.Count != 60 {
					t.Fatalf("%s: option %q has %d samples", sc.ID, op.Label, len(op.Samples))
				}
				lo, hi = min(lo, op.MeanScore), max(hi, op.MeanScore)
				distinct := map[sim.Outcome]bool{}
				for _, s := range op.Samples {
					distinct[s.Outcome] = true
					if s.Outcome.Months <= d.Step || s.Outcome.Ending == "" {
						t.Fatalf("%s: a continuation ended at %d months (decision at step %d) without ending %q", sc.ID, s.Outcome.Months, d.Step, s.Outcome.Ending)
					}
				}
				varied = varied || len(distinct) > 1
				if h := d.Headline(o); !strings.Contains(h, op.Label) || !strings.Contains(h, "month") {
					t.Errorf("%s: headline %q", sc.ID, h)
				}
			}
			if d.Impact != hi-lo {
				t.Errorf("%s: impact %v, spread of mean scores %v", sc.ID, d.Impact, hi-lo)
			}
			t.Logf("%s: %s", sc.ID, d.Headline((d.Picked+1)%len(d.Options)))
		}
		if !varied {
			t.Errorf("%s: every continuation of every option came out the same: the luck is not reseeded", sc.ID)
		}
	}
}

func TestAnalyzeIsDeterministic(t *testing.T) {
	sc := bundled(t)[0]
	code := played(t, sc, "typical")
	cfg := Config{Runs: 40, Screen: 6}
	a, err := Analyze(context.Background(), sc, code, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3, 8} {
		cfg.Workers = workers
		b, err := Analyze(context.Background(), sc, code, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("analysis with %d workers differs", workers)
		}
	}
	// Another base seed gives other luck.
	cfg.Seed = 12345
	c, _ := Analyze(context.Background(), sc, code, cfg)
	if reflect.DeepEqual(a.Decisions, c.Decisions) {
		t.Error("a different seed gave the identical analysis")
	}
}

func TestAnalyzeSteps(t *testing.T) {
	sc := bundled(t)[0]
	code := played(t, sc, "random")
	r, _ := sim.Replay(sc, code, sim.Options{})
	kds := sim.KeyDecisions(r, 2)
	var steps []int
	for _, kd := range kds {
		steps = append(steps, kd.Step)
	}
	an, err := AnalyzeSteps(context.Background(), sc, code, steps, Config{Runs: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Decisions) != len(steps) {
		t.Fatalf("%d decisions for steps %v", len(an.Decisions), steps)
	}
	for i, d := range an.Decisions {
		if d.Step != steps[i] || d.Title != kds[i].Title {
			t.Errorf("decision %d = step %d %q, want step %d %q", i, d.Step, d.Title, steps[i], kds[i].Title)
		}
	}
	none, err := AnalyzeSteps(context.Background(), sc, code, nil, Config{Runs: 5})
	if err != nil || len(none.Decisions) != 0 {
		t.Fatalf("no steps: %d decisions, %v", len(none.Decisions), err)
	}
	if _, err := AnalyzeSteps(context.Background(), sc, code, []int{len(code.Picks)}, Config{}); err == nil {
		t.Error("a step past the run was accepted")
	}
}

func TestAnalyzeErrors(t *testing.T) {
	sc := bundled(t)[0]
	code := played(t, sc, "typical")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, sc, code, Config{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	other := code
	other.Version++
	bad := []struct {
		name string
		sc   *scenario.Scenario
		code sim.Code
		cfg  Config
	}{
		{"nil scenario", nil, code, Config{}},
		{"wrong version", sc, other, Config{}},
		{"unknown bot", sc, code, Config{Bot: "nobody"}},
		{"runs", sc, code, Config{Runs: maxRuns + 1}},
		{"top", sc, code, Config{Top: -1}},
		{"bad pick", sc, sim.Code{Scenario: sc.ID, Version: sc.Version, Seed: 1, Picks: []int{3, 3, 3}}, Config{}},
	}
	for _, b := range bad {
		if _, err := Analyze(context.Background(), b.sc, b.code, b.cfg); err == nil {
			t.Errorf("%s: accepted", b.name)
		}
	}
}

func TestHeadline(t *testing.T) {
	mk := func(cat string, wealth, skills float64, n int) Option {
		var op Option
		for i := 0; i < n; i++ {
			op.Samples = append(op.Samples, historySample(cat, wealth, skills))
		}
		op.Summary = summarize(op.Samples)
		return op
	}
	d := Decision{Month: 9, Picked: 0, Options: []Option{mk("failed", 40_000, 50, 10), mk("thrived", 1_200_000, 64, 10)}}
	d.Options[0].Label, d.Options[1].Label = "Build traction first", "Raise the Series A now"
	got := d.Headline(1)
	want := "Had you picked “Raise the Series A now” in month 9: thrived 100% vs 0%, median wealth $1.2M vs $40k, skills 64 vs 50."
	if got != want {
		t.Errorf("Headline(1) =\n%s\nwant\n%s", got, want)
	}
	if got := d.Headline(0); !strings.HasPrefix(got, "You picked “Build traction first” in month 9: played on 10 times, failed 100%") {
		t.Errorf("Headline(0) = %s", got)
	}
	if d.Headline(5) != "" {
		t.Error("headline for a missing option")
	}
}

func BenchmarkAnalyze200(b *testing.B) {
	for _, sc := range bundled(b) {
		code := played(b, sc, "typical")
		b.Run(sc.ID, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Analyze(context.Background(), sc, code, Config{Runs: 200}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestHeadlineWhenNothingMoves(t *testing.T) {
	var a, b Option
	for i := 0; i < 4; i++ {
		cat := "good"
		if i == 0 {
			cat = "failed"
		}
		a.Samples = append(a.Samples, historySample(cat, 1000, 50))
		b.Samples = append(b.Samples, historySample(cat, 1000, 50))
	}
	a.Summary, b.Summary = summarize(a.Samples), summarize(b.Samples)
	a.Label, b.Label = "A", "B"
	d := Decision{Month: 3, Picked: 0, Options: []Option{a, b}}
	want := "Had you picked “B” in month 3: good 75% vs 75%, median wealth $1k vs $1k."
	if got := d.Headline(1); got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
}
