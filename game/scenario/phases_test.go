package scenario_test

import (
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// phasesBase is testdata/valid.toml in format 2 with two phases and a
// switch each way; tests append or replace one thing to break it.
func phasesBase() string {
	src := strings.Replace(baseScenario("phased"), "format = 1", "format = 2", 1)
	return src + `
[phases.job]
label = "A job"
[phases.job.enter]
set = { mood = 60 }
[phases.job.vesting]
grant = 1_000
months = 12
cliff = 3
into = "money"

[phases.hunt]
label = "Job hunt"
track = "between"

[events.quit]
title = "Quit?"
text = "You could."
phases = ["job"]
[[events.quit.choices]]
label = "Quit"
text = "You quit."
phase = "hunt"
[[events.quit.choices]]
label = "Stay"
text = "You stay."
effects = { mood = -1 }

[events.winter]
title = "Winter"
text = "The room hears it at once."
trigger = "shared"
[[events.winter.choices]]
label = "Cut"
text = "You cut."
effects = { money = -1 }
[[events.winter.choices]]
label = "Wait"
text = "You wait."
effects = { mood = -1 }

[events.hired]
title = "Hired"
text = "An offer."
phases = ["hunt"]
when = "seen < 3 && phase_months > 1"
weight = "1 + months_at_hunt + stints_job"
[[events.hired.choices]]
label = "Take it"
text = "You start again."
phase = "job"
[[events.hired.choices]]
label = "Wait"
text = "You wait."
effects = { mood = "-seen" }
`
}

func TestPhasesBaseLoads(t *testing.T) {
	sc, errs := scenario.Parse("phased.toml", []byte(phasesBase()))
	if sc == nil || len(errs) > 0 {
		t.Fatalf("the phases base does not load cleanly:\n%v", errs)
	}
	if len(sc.Phases) != 2 || sc.StartPhase != 0 || sc.Phases[1].Track != "between" || sc.Phases[0].Track != "test" {
		t.Fatalf("phases %+v, start %d", sc.Phases, sc.StartPhase)
	}
	if v := sc.Phases[0].Vesting; v == nil || v.Months != 12 || v.Cliff != 3 {
		t.Fatalf("vesting %+v", v)
	}
}

// TestPhaseErrors: each mistake with phases and the other format-2 keys is
// reported at its line with what would be right.
func TestPhaseErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"format-2 key in a format-1 file", func(s string) string {
			return baseScenario("old") + "\n[stats.extra]\nlabel = \"x\"\ninitial = 0\nmin = 0\nmax = 1\ncarry = true # HERE\n"
		}, []string{"`carry` needs format = 2 (this file says format = 1)", "write format = 2"}},
		{"unknown phase in an effect", func(s string) string {
			return strings.Replace(s, `phase = "hunt"`, `phase = "hnut" # HERE`, 1)
		}, []string{"unknown phase `hnut`", `did you mean "hunt"?`, "valid: job, hunt"}},
		{"unknown phase in an event's phases", func(s string) string {
			return strings.Replace(s, `phases = ["hunt"]`, `phases = ["hunt", "retired"] # HERE`, 1)
		}, []string{"unknown phase `retired`", "valid: job, hunt"}},
		{"unknown start phase", func(s string) string {
			return strings.Replace(s, "months = 12\n", "months = 12\nstart_phase = \"jbo\" # HERE\n", 1)
		}, []string{"unknown phase `jbo`", `did you mean "job"?`}},
		{"phase nothing enters", func(s string) string {
			return strings.Replace(s, `phase = "hunt"`, `effects = { mood = 1 }`, 1)
		}, []string{"phase `hunt` can never be entered", `phase = "hunt"`, "start_phase"}},
		{"switch inside enter", func(s string) string {
			return strings.Replace(s, "set = { mood = 60 }", "set = { mood = 60 }\nphase = \"hunt\" # HERE", 1)
		}, []string{"a phase's [enter] cannot switch to another phase"}},
		{"switch in an ending", func(s string) string {
			return strings.Replace(s, `when = "money <= 0"`, "when = \"money <= 0\"\nphase = \"job\" # HERE", 1)
		}, []string{"ending `broke` switches phase"}},
		{"cliff after the vesting period", func(s string) string {
			return strings.Replace(s, "cliff = 3", "cliff = 13 # HERE", 1)
		}, []string{"the cliff must be from 0 to the vesting months (12), not 13"}},
		{"vesting into a derived stat", func(s string) string {
			return strings.Replace(s, `into = "money"`, `into = "rich" # HERE`, 1)
		}, []string{"`rich` is a derived stat"}},
		{"stat named like a built-in", func(s string) string {
			return s + "\n[stats.unvested] # HERE\nlabel = \"x\"\ninitial = 0\nmin = 0\nmax = 1\n"
		}, []string{"stat `unvested` has the name of a built-in variable"}},
		{"flag named like a phase's", func(s string) string {
			return strings.Replace(s, `effects = { mood = -1 }`, `flags = ["at_hunt"] # HERE`, 1)
		}, []string{"`at_hunt` is a name phase `hunt` gives expressions"}},
		{"seen outside an event", func(s string) string {
			return strings.Replace(s, `when = "money <= 0"`, `when = "money <= 0 && seen > 1" # HERE`, 1)
		}, []string{"`seen` in the condition of ending `broke` only means something in an event's own"}},
		{"seen in a format-1 file", func(s string) string {
			s = strings.Replace(baseScenario("old"), `when = "money <= 0"`, `when = "money <= seen" # HERE`, 1)
			return s
		}, []string{"`seen` in the condition of ending `broke` needs format = 2"}},
		{"phase built-in without phases", func(s string) string {
			s = strings.Replace(baseScenario("old"), "format = 1", "format = 2", 1)
			return strings.Replace(s, `when = "money <= 0"`, `when = "phase_months > 3" # HERE`, 1)
		}, []string{"`phase_months` in the condition of ending `broke` only means something in a scenario with [phases]"}},
		{"shared trigger in a format-1 file", func(s string) string {
			return strings.Replace(baseScenario("old"), "text = \"Another day.\"", "text = \"Another day.\"\ntrigger = \"shared\" # HERE", 1)
		}, []string{"`trigger = \"shared\"` needs format = 2"}},
		{"unknown trigger in format 2", func(s string) string {
			return strings.Replace(s, "text = \"Another day.\"", "text = \"Another day.\"\ntrigger = \"shard\" # HERE", 1)
		}, []string{"unknown trigger `shard` (use random, scheduled, follow_up or shared)", `did you mean "shared"?`}},
		{"redefined built-in source", func(s string) string {
			return baseScenario("old") + "\n[sources.boomerang] # HERE\nfact = \"x\"\nsource = \"y\"\n"
		}, []string{"source `boomerang` is built in (LinkedIn Economic Graph", "a scenario cannot redefine it", `cite it as source = "boomerang"`}},
		{"unknown scene", func(s string) string {
			return strings.Replace(s, "label = \"A job\"\n", "label = \"A job\"\nscene = \"campsu\" # HERE\n", 1)
		}, []string{"unknown scene `campsu`: the game has no art for it", `did you mean "campus"?`, "known: startup, campus"}},
		{"unknown speaker", func(s string) string {
			return strings.Replace(s, "text = \"An offer.\"\n", "text = \"An offer.\"\nspeaker = \"recuiter\" # HERE\n", 1)
		}, []string{"unknown speaker `recuiter`", `did you mean "recruiter"?`}},
		{"active that is not a condition", func(s string) string {
			return strings.Replace(s, "label = \"Mood\"\n", "label = \"Mood\"\nactive = \"stints_job\" # HERE\n", 1)
		}, []string{"the `active` of stat `mood`", "condition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.edit(phasesBase())
			want := 0
			for i, l := range strings.Split(src, "\n") {
				if strings.Contains(l, "# HERE") {
					want = i + 1
				}
			}
			_, errs := scenario.Parse("phased.toml", []byte(src))
			if !errs.HasErrors() {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(errs.Error(), w) {
					t.Errorf("errors do not say %q:\n%v", w, errs)
				}
			}
			if want == 0 {
				return
			}
			for _, e := range errs {
				if !e.Warning && e.Pos.Line != want {
					t.Errorf("error on line %d, want %d: %v", e.Pos.Line, want, e)
				}
			}
		})
	}
}
