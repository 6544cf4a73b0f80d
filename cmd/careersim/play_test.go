package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// TestPlayPhases plays a format-2 scenario in the text mode through a
// switch each way: each month names its phase, a follow-up says which
// earlier choice it comes from, and a switch reads as a new chapter.
func TestPlayPhases(t *testing.T) {
	data, err := os.ReadFile(miniDir + "/phases.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, errs := scenario.Parse("phases.toml", data)
	if sc == nil || len(errs) > 0 {
		t.Fatal(errs)
	}
	// Find the picks on the rules: network (a follow-up), join the
	// startup, then go back; the first available choice otherwise.
	const seed = 5
	r := sim.New(sc, seed, sim.Options{})
	want := []string{"Network", "Join the startup", "Go back"}
	var input strings.Builder
	for !r.Done() && len(want) > 0 {
		n := -1
		for i, c := range r.Choices() {
			if c.Available && (n < 0 || c.Label == want[0]) {
				n = i
			}
		}
		if r.Choices()[n].Label == want[0] {
			want = want[1:]
		}
		fmt.Fprintf(&input, "%d\n", n+1)
		if _, err := r.Pick(n); err != nil {
			t.Fatal(err)
		}
	}
	if len(want) > 0 {
		t.Fatalf("seed %d never offered %q", seed, want[0])
	}
	input.WriteString("q\n")
	code, stdout, stderr := careersim(t, input.String(), "play", "--scenarios", miniDir, "--scenario", "phases_test", "--seed", fmt.Sprint(seed))
	if code != 0 {
		t.Fatalf("play: exit %d\n%s", code, stderr)
	}
	for _, w := range []string{
		"Phase: Big company, since month 1.",
		"Phase: Startup, since month ",
		"Because: Month ",
		"A new chapter: Big company → Startup.",
		"Left behind: ",
		"The funding runway starts.",
		"A new chapter: Startup → Big company.",
		"Stock grant: $24k over 12 months",
		"Carried over: Savings ",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("play output lacks %q", w)
		}
	}
	if t.Failed() {
		t.Log(stdout)
	}
}
