package sim_test

import (
	"strconv"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// TestTextsKnowTheSituation plays testdata/phases.toml and checks that
// cards, choices, results, follow-ups and the ending quote the state of
// the moment, and that variants replace the texts when their condition
// holds.
func TestTextsKnowTheSituation(t *testing.T) {
	sc := loadPhases(t)
	r := sim.New(sc, 5, sim.Options{})
	var works, intros, pushes int
	for !r.Done() {
		c := r.Card()
		switch c.ID {
		case "work":
			works++
			if works <= 3 && !strings.Contains(c.Text, "to go, {braces} kept.") {
				t.Errorf("month %d: work text %q", r.Month(), c.Text)
			}
			if works <= 3 && (strings.Contains(c.Text, "{savings}") || !strings.Contains(c.Text, " saved, ")) {
				t.Errorf("month %d: placeholders not filled in: %q", r.Month(), c.Text)
			}
			if works > 3 && !strings.Contains(c.Text, "like it.") {
				t.Errorf("month %d: the %dth work card does not use its variant: %q", r.Month(), works, c.Text)
			}
			if works == 4 && !strings.Contains(c.Text, "you have had 3 like it") {
				t.Errorf("month %d: seen is not the times it fired before: %q", r.Month(), c.Text)
			}
		case "intro":
			intros++
			if !strings.HasPrefix(c.Because, "Month ") || !strings.HasSuffix(c.Because, `: "Network"`) || c.BecauseMonth == 0 {
				t.Errorf("month %d: follow-up because %q (month %d)", r.Month(), c.Because, c.BecauseMonth)
			}
			want := "in month " + itoa(c.BecauseMonth) + " asks you to a review, at " + itoa(27+(r.Month()-1)/12) + "."
			if !strings.Contains(c.Text, want) {
				t.Errorf("month %d: intro text %q, want %q", r.Month(), c.Text, want)
			}
		}
		rep, label := pickLabel(t, r, "Push")
		if label == "Push" {
			pushes++
			skills, _ := sc.StatIndex("skills")
			if want := "You ship. Skills now " + itoa(int(r.Value(skills))) + "."; !strings.HasPrefix(rep.Text, want) {
				t.Errorf("month %d: result %q, want %q (filled in after the effects)", r.Month(), rep.Text, want)
			}
		}
	}
	if works < 4 || intros == 0 || pushes == 0 {
		t.Fatalf("the run did not exercise the texts: %d work cards, %d intros, %d pushes", works, intros, pushes)
	}
	e := r.Ending()
	if r.State().Ending != "done" {
		t.Fatalf("ending %s", r.State().Ending)
	}
	bigco, _ := sc.PhaseIndex("bigco")
	stints := r.State().Vals[sc.StintsVar(bigco)]
	if stints >= 2 && (!strings.HasPrefix(e.Title, "Back as ") || !strings.HasPrefix(e.Text, "Two stints at the big company, ")) {
		t.Errorf("ending variant not used after %v stints: %q / %q", stints, e.Title, e.Text)
	}
	if stints < 2 {
		t.Fatalf("no boomerang in this run (%v stints); the ending variant went untested", stints)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestSpeakers: the card and its choices name their speakers, and an
// event's variant can change the speaker.
func TestSpeakers(t *testing.T) {
	src := strings.Replace(miniPhasesSource(t), "[events.offsite]\n", "[events.offsite]\nspeaker = \"director\"\n", 1)
	src = strings.Replace(src, "[[events.offsite.choices]]\nlabel = \"Network\"\n", "[[events.offsite.choices]]\nlabel = \"Network\"\nspeaker = \"mentor\"\n", 1)
	src = strings.Replace(src, "[[events.offsite.choices]]\nlabel = \"Skip it\"", "[[events.offsite.variants]]\nwhen = \"seen >= 1\"\nspeaker = \"rival\"\n[[events.offsite.choices]]\nlabel = \"Skip it\"", 1)
	sc := parse(t, src)
	r := sim.New(sc, 5, sim.Options{})
	offsites := 0
	for !r.Done() && offsites < 2 {
		if c := r.Card(); c.ID == "offsite" {
			want := "director"
			if offsites > 0 {
				want = "rival"
			}
			if c.Speaker != want || c.Choices[0].Speaker != "mentor" || c.Choices[1].Speaker != "" {
				t.Fatalf("offsite %d: speaker %q, choices %q %q", offsites+1, c.Speaker, c.Choices[0].Speaker, c.Choices[1].Speaker)
			}
			offsites++
		}
		pickLabel(t, r, "Skip it")
	}
	if offsites < 2 {
		t.Fatal("the offsite came fewer than twice")
	}
}

func miniPhasesSource(t *testing.T) string {
	t.Helper()
	b, err := readFile("testdata/phases.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
