package sim_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// rulesScenario wraps events (and any other sections) in a small valid
// scenario: stats x (30) and y (0, max 10), 6 months, one fallback ending.
func rulesScenario(tb testing.TB, body string) *scenario.Scenario {
	tb.Helper()
	return parse(tb, `format = 1
id = "rules"
version = 1
title = "Rules"
track = "test"
pitch = "p"
promise = "p"
price = "p"
months = 6

[stats.x]
label = "X"
initial = 30
min = -1000
max = 1000

[stats.y]
label = "Y"
initial = 0
min = 0
max = 10
`+body+`
[endings.done]
category = "survived"
title = "Done"
text = "Done"
at_end = true

[axes]
wealth = 0
level = 0
skills = 0
wellbeing = 0
autonomy = 0
`)
}

// oddsScenario has one event whose first choice has the given outcomes.
func oddsScenario(tb testing.TB, outcomes ...string) *scenario.Scenario {
	var b strings.Builder
	b.WriteString("[events.e]\ntitle = \"E\"\ntext = \"E\"\n[[events.e.choices]]\nlabel = \"Gamble\"\n")
	for i, o := range outcomes {
		fmt.Fprintf(&b, "[[events.e.choices.outcomes]]\nlabel = \"o%d\"\ntext = \"o%d\"\neffects = { y = %d }\n", i, i, i+1)
		if o != "" {
			fmt.Fprintf(&b, "chance = %s\n", o)
		}
	}
	b.WriteString("[[events.e.choices]]\nlabel = \"Pass\"\ntext = \"Pass\"\neffects = { x = 1 }\n")
	return rulesScenario(tb, b.String())
}

// TestOddsNormalisation: chances are clamped to 0..1; an outcome without a
// chance takes the rest; chances adding up to more than 1 are scaled down;
// all-zero chances fall back to the remainder, or to even odds.
func TestOddsNormalisation(t *testing.T) {
	tests := []struct {
		name     string
		outcomes []string // "" = the remainder outcome
		want     []float64
	}{
		{"remainder", []string{`"x / 100"`, ""}, []float64{0.3, 0.7}},
		{"constants", []string{"0.25", "0.75"}, []float64{0.25, 0.75}},
		{"remainder in the middle", []string{"0.2", "", `"x / 100"`}, []float64{0.2, 0.5, 0.3}},
		{"sum above 1", []string{`"x / 50"`, `"x / 40"`}, []float64{0.6 / 1.35, 0.75 / 1.35}},
		{"clamped above 1 with a remainder", []string{`"x / 20"`, `"x / 25"`, ""}, []float64{0.5, 0.5, 0}},
		{"all zero", []string{`"x * 0"`, `"y"`}, []float64{0.5, 0.5}},
		{"all zero, three", []string{`"y"`, `"y"`, `"y * 2"`}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{"all zero with a remainder", []string{`"x * 0"`, ""}, []float64{0, 1}},
		{"negative is zero", []string{`"-x"`, ""}, []float64{0, 1}},
		{"division by zero is zero", []string{`"x / y"`, ""}, []float64{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := oddsScenario(t, tt.outcomes...)
			r := sim.New(sc, 1, sim.Options{})
			cs := r.Choices()
			if len(cs) != 2 || len(cs[0].Odds) != len(tt.want) {
				t.Fatalf("choices %+v", cs)
			}
			sum := 0.0
			for i, o := range cs[0].Odds {
				sum += o.Chance
				if math.Abs(o.Chance-tt.want[i]) > 1e-12 {
					t.Errorf("outcome %d: odds %v, want %v", i, o.Chance, tt.want[i])
				}
				if o.Label != fmt.Sprintf("o%d", i) {
					t.Errorf("outcome %d label %q", i, o.Label)
				}
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Errorf("odds add up to %v", sum)
			}
			// The roll uses the same odds the player saw, and never picks
			// an outcome with no chance.
			rep, err := r.Pick(0)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Roll == nil || len(rep.Roll.Odds) != len(tt.want) {
				t.Fatalf("no roll in %+v", rep)
			}
			for i := range tt.want {
				if rep.Roll.Odds[i] != cs[0].Odds[i].Chance {
					t.Errorf("rolled against %v, shown %v", rep.Roll.Odds, cs[0].Odds)
				}
			}
			if tt.want[rep.Roll.Outcome] == 0 {
				t.Errorf("rolled outcome %d, which had no chance", rep.Roll.Outcome)
			}
		})
	}
}

// TestOutcomeFrequencies: over many seeds, outcomes come up about as
// often as their odds say.
func TestOutcomeFrequencies(t *testing.T) {
	sc := oddsScenario(t, `"x / 100"`, "0.5", "")
	const n = 4000
	counts := make([]int, 3)
	for seed := uint64(0); seed < n; seed++ {
		r := sim.New(sc, seed, sim.Options{})
		rep, err := r.Pick(0)
		if err != nil {
			t.Fatal(err)
		}
		counts[rep.Roll.Outcome]++
		if got := r.Value(1); got != float64(rep.Roll.Outcome+1) {
			t.Fatalf("outcome %d applied y = %v", rep.Roll.Outcome, got)
		}
	}
	for i, want := range []float64{0.3, 0.5, 0.2} {
		if got := float64(counts[i]) / n; math.Abs(got-want) > 0.03 {
			t.Errorf("outcome %d came up %.3f of the time, want about %.2f", i, got, want)
		}
	}
}

const choicesEvent = `
[events.e]
title = "E"
text = "E"
[[events.e.choices]]
label = "Plain"
text = "ok"
effects = { x = 1 }
[[events.e.choices]]
label = "Blocked"
when = "x > 100"
blocked = "X is too small"
text = "no"
effects = { x = 2 }
[[events.e.choices]]
label = "Hidden"
when = "x > 100"
hide = true
text = "no"
effects = { x = 3 }
[[events.e.choices]]
label = "Last"
text = "ok"
effects = { y = 1 }
`

// TestChoicesBlockedAndHidden: a blocked choice is shown greyed out with
// its reason, a hidden one is left out, and neither can be picked.
func TestChoicesBlockedAndHidden(t *testing.T) {
	sc := rulesScenario(t, choicesEvent)
	r := sim.New(sc, 1, sim.Options{})
	cs := r.Choices()
	if len(cs) != 3 {
		t.Fatalf("%d choices shown, want 3 (the hidden one left out): %+v", len(cs), cs)
	}
	want := []struct {
		index     int
		label     string
		available bool
		blocked   string
	}{{0, "Plain", true, ""}, {1, "Blocked", false, "X is too small"}, {3, "Last", true, ""}}
	for i, w := range want {
		c := cs[i]
		if c.Index != w.index || c.Label != w.label || c.Available != w.available || c.Blocked != w.blocked {
			t.Errorf("choice %d = %+v, want %+v", i, c, w)
		}
	}
	before := stateText(t, r.State())
	for _, bad := range []struct {
		pick func() error
		want string
	}{
		{func() error { _, err := r.Pick(1); return err }, "X is too small"},
		{func() error { _, err := r.Pick(3); return err }, "out of range"},
		{func() error { _, err := r.Pick(-1); return err }, "out of range"},
		{func() error { _, err := r.Pick(1 << 40); return err }, "out of range"},
		{func() error { return r.PickIndex(1) }, "not available"},
		{func() error { return r.PickIndex(2) }, "not available"},
		{func() error { return r.PickIndex(4) }, "out of range"},
		{func() error { return r.PickIndex(-1) }, "out of range"},
		{func() error { _, err := r.PickIndexReport(9); return err }, "out of range"},
	} {
		err := bad.pick()
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("bad pick gave %v; want an error saying %q", err, bad.want)
		}
	}
	if after := stateText(t, r.State()); after != before {
		t.Errorf("refused picks changed the state:\n%s\n%s", before, after)
	}
	// The third shown choice is the fourth in the full list.
	if _, err := r.Pick(2); err != nil {
		t.Fatal(err)
	}
	if st := r.State(); st.Steps[0].Pick != 3 || r.Value(1) != 1 {
		t.Errorf("Pick(2) played full index %d, y = %v", st.Steps[0].Pick, r.Value(1))
	}
}

// TestErrRunOver: once the run has ended, every pick says so.
func TestErrRunOver(t *testing.T) {
	sc := rulesScenario(t, choicesEvent)
	r := sim.New(sc, 1, sim.Options{})
	for !r.Done() {
		if _, err := r.Pick(0); err != nil {
			t.Fatal(err)
		}
	}
	if r.Month() != sc.Months || r.State().Ending != "done" || r.Ending() == nil {
		t.Fatalf("ended at month %d with %q", r.Month(), r.State().Ending)
	}
	if err := r.PickIndex(0); !errors.Is(err, sim.ErrRunOver) {
		t.Errorf("PickIndex after the ending: %v, want ErrRunOver", err)
	}
	if _, err := r.PickIndexReport(0); !errors.Is(err, sim.ErrRunOver) {
		t.Errorf("PickIndexReport after the ending: %v, want ErrRunOver", err)
	}
	if cs := r.Choices(); len(cs) != 0 {
		t.Errorf("choices after the ending: %+v", cs)
	}
	_ = r.Card() // must not panic
	if _, err := r.Pick(0); !errors.Is(err, sim.ErrRunOver) {
		t.Errorf("Pick after the ending: %v, want ErrRunOver", err)
	}
}

// TestEffectsClampAndEvaluateFirst: results are clamped to the stat's
// bounds, and every right-hand side sees the state before the change.
func TestEffectsClampAndEvaluateFirst(t *testing.T) {
	sc := rulesScenario(t, `
[events.e]
title = "E"
text = "E"
[[events.e.choices]]
label = "Big"
text = "big"
effects = { y = 100, x = "y + 5" }
[[events.e.choices]]
label = "Set"
text = "set"
set = { x = "x * 1000", y = "x" }
`)
	r := sim.New(sc, 1, sim.Options{})
	if _, err := r.Pick(0); err != nil {
		t.Fatal(err)
	}
	if x, y := r.Value(0), r.Value(1); y != 10 || x != 35 {
		t.Errorf("after Big: x = %v (want 30 + 0 + 5), y = %v (want clamped 10)", x, y)
	}
	if _, err := r.Pick(1); err != nil {
		t.Fatal(err)
	}
	if x, y := r.Value(0), r.Value(1); x != 1000 || y != 10 {
		t.Errorf("after Set: x = %v (want clamped 1000), y = %v (want 35 clamped to 10)", x, y)
	}
}

// TestFollowUps: a follow-up comes before scheduled and random events, a
// scheduled event pre-empted by it waits, and a follow-up whose condition
// no longer holds is dropped.
func TestFollowUps(t *testing.T) {
	sc := rulesScenario(t, `
[events.start]
title = "Start"
text = "Start"
trigger = "scheduled"
when = "month == 1"
[[events.start.choices]]
label = "Set the flag"
text = "set"
flags = ["ready"]
follow_up = { event = "later", after = 1 }
[[events.start.choices]]
label = "Do not"
text = "not"
effects = { x = 1 }
follow_up = { event = "later", after = 1 }

[events.later]
title = "Later"
text = "Later"
trigger = "follow_up"
when = "ready"
[[events.later.choices]]
label = "A"
text = "a"
clear = ["ready"]
[[events.later.choices]]
label = "B"
text = "b"
effects = { y = 1 }

[events.waiting]
title = "Waiting"
text = "Waiting"
trigger = "scheduled"
when = "month >= 2"
[[events.waiting.choices]]
label = "A"
text = "a"
effects = { x = 1 }
[[events.waiting.choices]]
label = "B"
text = "b"
effects = { y = 1 }

[events.filler]
title = "Filler"
text = "Filler"
[[events.filler.choices]]
label = "A"
text = "a"
effects = { x = 1 }
[[events.filler.choices]]
label = "B"
text = "b"
effects = { y = 1 }
`)
	for _, tt := range []struct {
		first int
		cards []string
	}{
		{0, []string{"start", "later", "waiting", "filler"}},
		{1, []string{"start", "waiting", "filler", "filler"}},
	} {
		r := sim.New(sc, 5, sim.Options{})
		var got []string
		for i := 0; i < len(tt.cards); i++ {
			got = append(got, r.Card().ID)
			pick := 0
			if i == 0 {
				pick = tt.first
			}
			if _, err := r.Pick(pick); err != nil {
				t.Fatal(err)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.cards, " ") {
			t.Errorf("first pick %d: cards %v, want %v", tt.first, got, tt.cards)
		}
	}
}

// TestMaxAndCooldown: over many runs an event with max = 2 and
// cooldown = 1 fires at most twice, never in two months running.
func TestMaxAndCooldown(t *testing.T) {
	sc := rulesScenario(t, `
[events.rare]
title = "Rare"
text = "Rare"
weight = 5
max = 2
cooldown = 1
[[events.rare.choices]]
label = "A"
text = "a"
effects = { x = 1 }
[[events.rare.choices]]
label = "B"
text = "b"
effects = { y = 1 }

[events.filler]
title = "Filler"
text = "Filler"
[[events.filler.choices]]
label = "A"
text = "a"
effects = { x = 1 }
[[events.filler.choices]]
label = "B"
text = "b"
effects = { y = 1 }
`)
	rare, _ := sc.EventIndex("rare")
	twice := 0
	for seed := uint64(0); seed < 300; seed++ {
		r := sim.New(sc, seed, sim.Options{})
		for !r.Done() {
			if _, err := r.Pick(0); err != nil {
				t.Fatal(err)
			}
		}
		last := -10
		n := 0
		for _, st := range r.State().Steps {
			if st.Card.Kind == sim.CardEvent && st.Card.Index == rare {
				n++
				if st.Month-last < 2 {
					t.Fatalf("seed %d: rare fired in months %d and %d", seed, last, st.Month)
				}
				last = st.Month
			}
		}
		if n > 2 || r.State().Fired[rare] != n {
			t.Fatalf("seed %d: rare fired %d times (Fired says %d)", seed, n, r.State().Fired[rare])
		}
		if n == 2 {
			twice++
		}
	}
	if twice == 0 {
		t.Error("rare never fired twice; the test proves nothing")
	}
}

// fundingScenario has a round with no offer card, started by a choice; it
// always closes after one month.
const fundingScenario = `
[stats.cash]
label = "Cash"
initial = 1_000
min = -100_000
max = 10_000_000

[stats.burn]
label = "Burn"
initial = 10
min = 0
max = 1_000

[stats.revenue]
label = "Revenue"
initial = 0
min = 0
max = 1_000

[funding]
cash = "cash"
burn = "burn"
revenue = "revenue"
out_of_cash = "broke"

[funding.rounds.angel]
label = "Angel round"
amount = 500
dilution = 0.1
months = 1
chance = 1
[funding.rounds.angel.success]
text = "Closed."

[events.e]
title = "E"
text = "E"
[[events.e.choices]]
label = "Raise"
text = "raise"
start_round = "angel"
[[events.e.choices]]
label = "Wait"
text = "wait"
effects = { x = 1 }

[endings.broke]
category = "failed"
title = "Broke"
text = "Broke"
`

// TestRoundClosesOnce: rounds are raised in file order, each once, so a
// start_round for a round that has closed does nothing.
func TestRoundClosesOnce(t *testing.T) {
	sc := rulesScenario(t, fundingScenario)
	r := sim.New(sc, 1, sim.Options{})
	for i := 0; i < 3; i++ {
		if _, err := r.Pick(0); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.Builtin(scenario.VarRoundsClosed); n != 1 {
		t.Errorf("the angel round closed %v times; a round closes once", n)
	}
	if cash := r.Value(2); cash != 1_000-30+500 {
		t.Errorf("cash %v, want %v (one round of 500 less three months of burn)", cash, 1_000-30+500)
	}
}

// TestOutOfCash: cash below zero ends the run with the funding system's
// ending, in the month it happens.
func TestOutOfCash(t *testing.T) {
	sc := rulesScenario(t, strings.Replace(fundingScenario, "initial = 1_000\n", "initial = 25\n", 1))
	r := sim.New(sc, 1, sim.Options{})
	for !r.Done() {
		if _, err := r.Pick(1); err != nil {
			t.Fatal(err)
		}
	}
	if st := r.State(); st.Ending != "broke" || len(st.Steps) != 3 {
		t.Errorf("ending %q after %d months, want broke after 3 (25 cash, 10 burn)", st.Ending, len(st.Steps))
	}
}

// TestEveryBotFinishesMini plays mini with every bot: no bot gets stuck
// and every run ends.
func TestEveryBotFinishesMini(t *testing.T) {
	sc := loadMini(t)
	for _, b := range sc.Bots {
		bot, err := sim.NewBot(sc, b.Name)
		if err != nil {
			t.Fatal(err)
		}
		for seed := uint64(0); seed < 50; seed++ {
			r := bot.Play(seed, sim.Options{})
			if !r.Done() || len(r.State().Steps) > sc.Months {
				t.Fatalf("bot %s seed %d: done=%v after %d steps", b.Name, seed, r.Done(), len(r.State().Steps))
			}
		}
	}
	if _, err := sim.NewBot(sc, "nobody"); err == nil || !strings.Contains(err.Error(), "eager") {
		t.Errorf("unknown bot: %v; want an error listing the bots", err)
	}
}
