package sim_test

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

var (
	phasesOnce sync.Once
	phasesSc   *scenario.Scenario
	phasesErr  scenario.Errors
)

// loadPhases loads testdata/phases.toml, the format-2 scenario of the
// phase tests.
func loadPhases(tb testing.TB) *scenario.Scenario {
	tb.Helper()
	phasesOnce.Do(func() {
		data, err := os.ReadFile("testdata/phases.toml")
		if err != nil {
			phasesErr = scenario.Errors{{File: "testdata/phases.toml", Msg: err.Error()}}
			return
		}
		phasesSc, phasesErr = scenario.Parse("testdata/phases.toml", data)
	})
	if phasesSc == nil || len(phasesErr) > 0 {
		tb.Fatalf("testdata/phases.toml:\n%v", phasesErr)
	}
	return phasesSc
}

// pickLabel picks the choice with a label, or the first available one when
// the card has none; it returns the report and the label picked.
func pickLabel(t *testing.T, r *sim.Run, label string) (*sim.Report, string) {
	t.Helper()
	cs := r.Choices()
	n := -1
	for i, c := range cs {
		if c.Available && (c.Label == label || n < 0) {
			n = i
			if c.Label == label {
				break
			}
		}
	}
	rep, err := r.Pick(n)
	if err != nil {
		t.Fatalf("month %d: %v", r.Month(), err)
	}
	return rep, cs[n].Label
}

type phaseVars struct {
	sc *scenario.Scenario
	r  *sim.Run
}

func (p phaseVars) stat(id string) float64 {
	i, _ := p.sc.StatIndex(id)
	return p.r.Value(i)
}

func (p phaseVars) builtin(v int) float64 { return p.r.Builtin(v) }

func (p phaseVars) monthsAt(id string) float64 {
	i, _ := p.sc.PhaseIndex(id)
	return p.r.State().Vals[p.sc.MonthsAtVar(i)]
}

func (p phaseVars) stints(id string) float64 {
	i, _ := p.sc.PhaseIndex(id)
	return p.r.State().Vals[p.sc.StintsVar(i)]
}

func (p phaseVars) at(id string) bool {
	i, _ := p.sc.PhaseIndex(id)
	return p.r.State().Flags[p.sc.AtFlag(i)]
}

// TestPhases plays testdata/phases.toml through a switch to the startup
// and back, and checks what the format-2 spec promises at each step.
func TestPhases(t *testing.T) {
	sc := loadPhases(t)
	bigco, _ := sc.PhaseIndex("bigco")
	startup, _ := sc.PhaseIndex("startup")
	r := sim.New(sc, 5, sim.Options{})
	v := phaseVars{sc, r}

	// Month 1: the start phase is entered, with its ladder and grant.
	if r.Phase() != bigco || !v.at("bigco") || v.at("startup") || v.stints("bigco") != 1 {
		t.Fatalf("start: phase %d, at_bigco %v, stints %v", r.Phase(), v.at("bigco"), v.stints("bigco"))
	}
	if log := r.PhaseLog(); len(log) != 1 || log[0] != (sim.PhaseStep{Month: 1, Phase: bigco}) {
		t.Fatalf("start: phase log %v", log)
	}
	if !r.SystemOn("ladder") || r.SystemOn("funding") {
		t.Fatalf("start: ladder on %v, funding on %v", r.SystemOn("ladder"), r.SystemOn("funding"))
	}
	if v.stat("salary") != 8_000 || v.stat("level") != 0 || v.stat("morale") != 55 {
		t.Fatalf("start: salary %v, level %v, morale %v (enter adds 5)", v.stat("salary"), v.stat("level"), v.stat("morale"))
	}
	if g, vested := r.Vesting(); g != 12_000 || vested != 0 || v.builtin(scenario.VarUnvested) != 12_000 {
		t.Fatalf("start: grant %v vested %v unvested %v", g, vested, v.builtin(scenario.VarUnvested))
	}
	cash, _ := sc.StatIndex("cash")
	level, _ := sc.StatIndex("level")
	if r.Shown(cash) || !r.Shown(level) {
		t.Fatalf("start: the HUD shows company cash %v, level %v", r.Shown(cash), r.Shown(level))
	}

	// The big company until the friend's startup: pay and vesting, cliff
	// then monthly.
	switched := 0
	for m := 1; switched == 0; m++ {
		if m > 12 {
			t.Fatal("the friend's startup never asked")
		}
		if r.Card().ID == "customer" {
			t.Fatal("a startup-only event in the big company")
		}
		savings := v.stat("savings")
		_, label := pickLabel(t, r, "Join the startup")
		if label == "Join the startup" {
			switched = m
			break
		}
		want := 0.0
		if m == 3 {
			want = 3_000 // the cliff's share at once
		} else if m > 3 {
			want = 1_000
		}
		if got := v.stat("savings") - savings; got != 8_000+want {
			t.Fatalf("month %d: savings grew by %v, want pay 8000 + vesting %v", m, got, want)
		}
		if v.builtin(scenario.VarPhaseMonths) != float64(m) || v.monthsAt("bigco") != float64(m) {
			t.Fatalf("month %d: phase_months %v, months_at_bigco %v", m, v.builtin(scenario.VarPhaseMonths), v.monthsAt("bigco"))
		}
	}
	if switched < 5 {
		t.Fatalf("switched in month %d, before phase_months >= 4", switched)
	}

	// The switch: carried stats kept, the rest back to initial, the
	// startup's [enter], funding on and the ladder off, the grant gone.
	if r.Phase() != startup || v.at("bigco") || !v.at("startup") || v.stints("startup") != 1 {
		t.Fatalf("after the switch: phase %d", r.Phase())
	}
	if log := r.PhaseLog(); len(log) != 2 || log[1] != (sim.PhaseStep{Month: switched, Phase: startup}) {
		t.Fatalf("after the switch: phase log %v", log)
	}
	if v.stat("skills") != 11 || v.stat("savings") < 40_000 {
		t.Fatalf("carried stats lost: skills %v savings %v", v.stat("skills"), v.stat("savings"))
	}
	if v.stat("morale") != 50 || v.stat("impact") != 10 || v.stat("salary") != 0 || v.stat("level") != 0 {
		t.Fatalf("stats without carry kept: morale %v impact %v salary %v level %v", v.stat("morale"), v.stat("impact"), v.stat("salary"), v.stat("level"))
	}
	if v.stat("cash") != 110_000 || v.stat("equity") != 0.1 {
		t.Fatalf("enter then a month of burn: cash %v (want 120k - 10k), equity %v", v.stat("cash"), v.stat("equity"))
	}
	if !r.SystemOn("funding") || r.SystemOn("ladder") || !r.Shown(cash) || r.Shown(level) {
		t.Fatalf("after the switch: funding %v ladder %v", r.SystemOn("funding"), r.SystemOn("ladder"))
	}
	if g, _ := r.Vesting(); g != 0 || v.builtin(scenario.VarUnvested) != 0 {
		t.Fatalf("the big company's grant survived the switch: %v", g)
	}
	if v.builtin(scenario.VarPhaseMonths) != 1 || v.monthsAt("bigco") != float64(switched-1) || v.monthsAt("startup") != 1 {
		t.Fatalf("after the switch: phase_months %v, months_at bigco %v startup %v (the switch month counts for the new phase)",
			v.builtin(scenario.VarPhaseMonths), v.monthsAt("bigco"), v.monthsAt("startup"))
	}

	// The startup until the old manager writes; then back, a level up.
	back := 0
	for m := 6; back == 0; m++ {
		if m > 20 {
			t.Fatal("the old manager never wrote")
		}
		if id := r.Card().ID; id == "offsite" || id == "jump" {
			t.Fatalf("month %d: big-company event %s in the startup", m, id)
		}
		if _, label := pickLabel(t, r, "Go back"); label == "Go back" {
			back = m
		}
	}
	if r.Phase() != bigco || v.stints("bigco") != 2 || r.SystemOn("funding") || !r.SystemOn("ladder") {
		t.Fatalf("back: phase %d stints %v", r.Phase(), v.stints("bigco"))
	}
	if v.stat("level") != 1 || v.stat("salary") != 11_000 {
		t.Fatalf("back: level %v salary %v; start_level is 1 for a boomerang, with that level's pay", v.stat("level"), v.stat("salary"))
	}
	if g, _ := r.Vesting(); g != 24_000 {
		t.Fatalf("back: grant %v, want the boomerang's 24k", g)
	}
	// Calibrations count from the month the ladder was entered: the first
	// comes after six months there, the switch month being the first.
	for m := back + 1; m <= back+5; m++ {
		rep, _ := pickLabel(t, r, "Push")
		if rep.Calibration != nil && m < back+5 {
			t.Fatalf("calibration in month %d, %d months after the ladder was entered in month %d", m, m-back, back)
		}
		if m == back+5 && rep.Calibration == nil {
			t.Fatalf("no calibration in month %d, six months into the ladder", m)
		}
	}
	for !r.Done() {
		pickLabel(t, r, "Stay")
	}
	if got := v.monthsAt("bigco") + v.monthsAt("startup"); got != float64(len(r.State().Steps)) {
		t.Fatalf("months in phases add up to %v, the run lasted %d", got, len(r.State().Steps))
	}
}

// TestPhasesReplay: a run with phase switches replays from its code, and
// saves and loads, exactly.
func TestPhasesReplay(t *testing.T) {
	sc := loadPhases(t)
	for _, name := range []string{"random", "typical"} {
		bot, err := sim.NewBot(sc, name)
		if err != nil {
			t.Fatal(err)
		}
		switches := 0
		for seed := uint64(1); seed <= 60; seed++ {
			r := bot.Play(seed, sim.Options{Record: seed%2 == 0})
			switches += len(r.PhaseLog()) - 1
			want := stateText(t, r.State())
			code, err := sim.ParseCode(r.Code())
			if err != nil {
				t.Fatal(err)
			}
			again, err := sim.Replay(sc, code, sim.Options{Record: seed%2 == 0})
			if err != nil {
				t.Fatal(err)
			}
			if got := stateText(t, again.State()); got != want {
				t.Fatalf("seed %d: replay differs:\n%s", seed, firstDiff(got, want))
			}
			data, _ := sim.EncodeState(r.State())
			back, err := sim.DecodeState(sc, data)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			if got := stateText(t, back.State()); got != want {
				t.Fatalf("seed %d: save round trip differs:\n%s", seed, firstDiff(got, want))
			}
		}
		if switches == 0 {
			t.Errorf("bot %s never switched phase in 60 runs", name)
		}
	}
}

// TestFundingBroke: with [funding.broke] instead of out_of_cash, running out
// of cash applies its effects once (here a switch back to the big company)
// and the run goes on.
func TestFundingBroke(t *testing.T) {
	data, err := os.ReadFile("testdata/phases.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `out_of_cash = "broke"`, "[funding.broke]\ntext = \"Payroll bounces. You look for a job.\"\nphase = \"bigco\"\neffects = { morale = -10 }", 1)
	src = strings.Replace(src, "set = { cash = 120_000, burn = 10_000, equity = 0.1 }", "set = { cash = 15_000, burn = 10_000, equity = 0.1 }", 1)
	i := strings.Index(src, "[endings.broke]")
	j := strings.Index(src, "[endings.done]")
	src = src[:i] + src[j:]
	sc := parse(t, src)
	r := sim.New(sc, 5, sim.Options{})
	startup, _ := sc.PhaseIndex("startup")
	broke := 0
	for !r.Done() {
		was := r.Phase()
		rep, _ := pickLabel(t, r, "Join the startup")
		if strings.Contains(rep.Text, "Payroll bounces.") {
			broke++
			if was != startup || r.Phase() == startup {
				t.Fatalf("month %d: broke applied in phase %d, now in %d", rep.Month, was, r.Phase())
			}
		}
		if r.Phase() == startup && r.Value(mustStat(t, sc, "cash")) < -20_000 {
			t.Fatalf("month %d: cash %v and still in the startup", rep.Month, r.Value(mustStat(t, sc, "cash")))
		}
	}
	if broke == 0 {
		t.Fatal("the startup never ran out of cash")
	}
	if r.State().Ending != "done" {
		t.Fatalf("ending %s", r.State().Ending)
	}
	// Both at once is an error.
	both := strings.Replace(src, "[funding.broke]", "out_of_cash = \"done\"\n[funding.broke]", 1)
	if _, errs := scenario.Parse("both.toml", []byte(both)); !strings.Contains(errs.Error(), "both out_of_cash and [funding.broke]") {
		t.Errorf("out_of_cash with broke: %v", errs)
	}
}

func mustStat(t *testing.T, sc *scenario.Scenario, id string) int {
	t.Helper()
	i, ok := sc.StatIndex(id)
	if !ok {
		t.Fatalf("no stat %s", id)
	}
	return i
}

// TestBalancePhases: the balance report lists, per phase in file order, the
// share of runs that spent a month there; a scenario without phases has an
// empty list (JSON []).
func TestBalancePhases(t *testing.T) {
	sc := loadPhases(t)
	rep, err := sim.Balance(sc, sim.BalanceConfig{Runs: 300, Seed: 7, Bot: "random", NoBands: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Phases) != 2 || rep.Phases[0].ID != "bigco" || rep.Phases[1].ID != "startup" {
		t.Fatalf("phases %+v", rep.Phases)
	}
	if rep.Phases[0].Share != 1 {
		t.Errorf("every run starts at the big company, share %v", rep.Phases[0].Share)
	}
	if s := rep.Phases[1].Share; s <= 0.2 || s >= 1 {
		t.Errorf("startup share %v: the friend's offer comes every run and the random bot takes it about half the time", s)
	}
	mini, err := sim.Balance(loadMini(t), sim.BalanceConfig{Runs: 20, Seed: 7, Bot: "random", NoBands: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(mini)
	if !strings.Contains(string(b), `"phases":[]`) {
		t.Errorf("a scenario without phases: %s", b[strings.Index(string(b), `"phases"`):][:20])
	}
}
