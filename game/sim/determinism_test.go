package sim_test

import (
	"encoding/json"
	"flag"
	"math"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

var detSeed = flag.Uint64("seed", 20261126, "base seed of the determinism test's runs")

// splitmix derives the i-th seed from the test's base seed.
func splitmix(base uint64, i int) uint64 {
	x := base + uint64(i)*0x9E3779B97F4A7C15
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x & 0xFFFFFFFF
}

// TestDeterminism plays thousands of bot runs of every scenario, encodes
// each run's code, replays it from the code and compares the whole state;
// it also round-trips every final state (and a mid-run one) through
// EncodeState/DecodeState, and checks the state's invariants.
func TestDeterminism(t *testing.T) {
	scs := allScenarios(t)
	perScenario := max(400, 5000/len(scs))
	if testing.Short() {
		perScenario = 100
	}
	t.Logf("base seed %d (-seed to change), %d runs per scenario", *detSeed, perScenario)
	for _, sc := range scs {
		t.Run(sc.ID, func(t *testing.T) {
			t.Parallel()
			random, _ := sim.NewBot(sc, "random")
			typical, _ := sim.NewBot(sc, "typical")
			for i := 0; i < perScenario; i++ {
				seed := splitmix(*detSeed, i)
				bot, opt := random, sim.Options{}
				if i%10 == 9 {
					bot = typical
				}
				if i%4 == 1 {
					opt.Record = true
				}
				r := bot.Play(seed, opt)
				checkInvariants(t, sc, r, seed)
				want := stateText(t, r.State())

				code, err := sim.ParseCode(r.Code())
				if err != nil {
					t.Fatalf("seed %d: code %q does not parse: %v", seed, r.Code(), err)
				}
				again, err := sim.Replay(sc, code, opt)
				if err != nil {
					t.Fatalf("seed %d: replay of %s: %v", seed, r.Code(), err)
				}
				if got := stateText(t, again.State()); got != want {
					t.Fatalf("seed %d: replay of %s differs:\n%s", seed, r.Code(), firstDiff(got, want))
				}

				data, err := sim.EncodeState(r.State())
				if err != nil {
					t.Fatal(err)
				}
				back, err := sim.DecodeState(sc, data)
				if err != nil {
					t.Fatalf("seed %d: DecodeState of its own save: %v", seed, err)
				}
				if got := stateText(t, back.State()); got != want {
					t.Fatalf("seed %d: DecodeState(EncodeState) differs:\n%s", seed, firstDiff(got, want))
				}

				// A save from the middle of the run resumes and plays on.
				if i%8 == 0 && len(code.Picks) > 1 {
					mid := code
					mid.Picks = code.Picks[:len(code.Picks)/2]
					part, err := sim.Replay(sc, mid, opt)
					if err != nil {
						t.Fatal(err)
					}
					data, _ := sim.EncodeState(part.State())
					resumed, err := sim.DecodeState(sc, data)
					if err != nil {
						t.Fatalf("seed %d: mid-run save: %v", seed, err)
					}
					for _, p := range code.Picks[len(mid.Picks):] {
						if err := resumed.PickIndex(p); err != nil {
							t.Fatalf("seed %d: resumed run refuses pick: %v", seed, err)
						}
					}
					if got := stateText(t, resumed.State()); got != want {
						t.Fatalf("seed %d: resumed run differs:\n%s", seed, firstDiff(got, want))
					}
				}
			}
		})
	}
}

// checkInvariants asserts what must hold for any finished run.
func checkInvariants(t *testing.T, sc *scenario.Scenario, r *sim.Run, seed uint64) {
	t.Helper()
	st := r.State()
	if !r.Done() || st.Ending == "" {
		t.Fatalf("seed %d: run did not end", seed)
	}
	if _, ok := sc.EndingIndex(st.Ending); !ok {
		t.Fatalf("seed %d: unknown ending %q", seed, st.Ending)
	}
	if len(st.Steps) < 1 || len(st.Steps) > sc.Months || st.Month != st.Steps[len(st.Steps)-1].Month {
		t.Fatalf("seed %d: %d steps, month %d, %d months", seed, len(st.Steps), st.Month, sc.Months)
	}
	for i, v := range st.Vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("seed %d: value %d is %v", seed, i, v)
		}
	}
	for i, s := range sc.Stats {
		if v := st.Vals[i]; s.Bounded && (v < s.Min || v > s.Max) {
			t.Fatalf("seed %d: stat %s = %v outside %v..%v", seed, s.ID, v, s.Min, s.Max)
		}
	}
	// (An event's max bounds its own draws; follow-ups scheduled by choices
	// come on top, so Fired is not checked against max here.)
	o := r.Outcome()
	if o.Ending != st.Ending || o.Months != len(st.Steps) {
		t.Fatalf("seed %d: outcome %+v does not match the state", seed, o)
	}
}

// TestBalanceWorkers: Balance reports the same numbers whatever the number
// of workers; only the timing fields differ.
func TestBalanceWorkers(t *testing.T) {
	for i, sc := range allScenarios(t) {
		// mini's bands run three bots; the bundled scenarios (a growing
		// set) run the typical bot alone, to keep the test quick.
		runs, noBands := 300, i > 0
		if noBands {
			runs = 120
		}
		if testing.Short() {
			runs = 40
		}
		var reports []string
		for _, w := range []int{1, 2} {
			rep, err := sim.Balance(sc, sim.BalanceConfig{Runs: runs, Seed: 77, Bot: "typical", Workers: w, NoBands: noBands})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Workers != w || rep.Runs != runs || rep.Decisions <= 0 {
				t.Errorf("%s: report says %d workers, %d runs, %d decisions", sc.ID, rep.Workers, rep.Runs, rep.Decisions)
			}
			rep.Seconds, rep.DecisionsPerSecond, rep.Workers = 0, 0, 0
			reports = append(reports, balanceText(t, rep))
		}
		if reports[0] != reports[1] {
			t.Errorf("%s: balance with 1 and 2 workers differs:\n%s", sc.ID, firstDiff(reports[0], reports[1]))
		}
	}
}

// balanceText renders a report for comparison. Infinite band values (a
// median month never reached) are compared by their text.
func balanceText(t *testing.T, rep *sim.BalanceReport) string {
	t.Helper()
	for i := range rep.Calibration {
		if math.IsInf(rep.Calibration[i].Value, 0) {
			rep.Calibration[i].Value = -1
		}
	}
	b, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBalanceReportJSON: the report encodes as JSON (careersim balance
// --json) even when a median-month band is never reached by half the
// runs.
func TestBalanceReportJSON(t *testing.T) {
	sc := parse(t, strings.Replace(miniSource(t), `when = "level >= 1"
min = 0
max = 1_000_000`, `when = "level >= 2 && month < 3"
min = 0
max = 1_000_000`, 1))
	rep, err := sim.Balance(sc, sim.BalanceConfig{Runs: 50, Seed: 1, Bot: "random"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("balance report does not encode as JSON: %v", err)
	}
}

// TestDecodeStateRefuses: saves that were edited, truncated or made for
// another scenario or version are refused with the reason.
func TestDecodeStateRefuses(t *testing.T) {
	sc := loadMini(t)
	bot, _ := sim.NewBot(sc, "random")
	r := bot.Play(4242, sim.Options{})
	good, _ := sim.EncodeState(r.State())
	edit := func(f func(st *sim.State)) []byte {
		st := r.State()
		f(st)
		b, _ := sim.EncodeState(st)
		return b
	}
	for name, tt := range map[string]struct {
		data []byte
		want string
	}{
		"truncated":       {good[:len(good)/2], "not valid JSON"},
		"not json":        {[]byte("hello"), "not valid JSON"},
		"wrong type":      {[]byte(`{"v": "one"}`), "cannot be read"},
		"empty object":    {[]byte(`{}`), "state version 0"},
		"future version":  {edit(func(st *sim.State) { st.V = 99 }), "state version 99"},
		"other scenario":  {edit(func(st *sim.State) { st.Scenario = "startup_engineer" }), `"startup_engineer"`},
		"other content":   {edit(func(st *sim.State) { st.Content++ }), "version"},
		"edited value":    {edit(func(st *sim.State) { st.Vals[0] += 1 }), "does not match"},
		"edited ending":   {edit(func(st *sim.State) { st.Ending = "staff" }), ""},
		"edited pick":     {edit(func(st *sim.State) { st.Steps[0].Pick = 3 }), "pick 1"},
		"too many steps":  {edit(func(st *sim.State) { st.Steps = append(st.Steps, make([]sim.Step, 40)...) }), "months of picks"},
		"huge":            {append([]byte(`{"v":1,"x":"`), append([]byte(strings.Repeat("a", sim.MaxStateSize)), '"', '}')...), "limit"},
		"nan":             {[]byte(strings.Replace(string(good), `"vals":[`, `"vals":[NaN,`, 1)), "not valid JSON"},
		"short vals":      {edit(func(st *sim.State) { st.Vals = st.Vals[:3] }), ""},
		"extra follow-up": {edit(func(st *sim.State) { st.FollowUps = append(st.FollowUps, sim.Scheduled{Event: 999, Month: 1}) }), ""},
	} {
		_, err := sim.DecodeState(sc, tt.data)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "save") {
			t.Errorf("%s: %v; want an error about the save saying %q", name, err, tt.want)
		}
	}
}

func miniSource(t testing.TB) string {
	t.Helper()
	b, err := readFile("testdata/mini.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
