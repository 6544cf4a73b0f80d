package history

import (
	"reflect"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

func TestReadCodesSkipsLongLines(t *testing.T) {
	long := strings.Repeat("A", 10<<20)
	tests := []struct {
		name    string
		in      string
		want    []string
		skipped []int
	}{
		{"plain", "a\n\n# note\n  b  \r\nc", []string{"a", "b", "c"}, nil},
		{"10 MB line in the middle", "a\n" + long + "\nb\n", []string{"a", "b"}, []int{2}},
		{"10 MB last line", "a\n" + long, []string{"a"}, []int{2}},
		{"exactly the limit", strings.Repeat("x", MaxCodeLine) + "\r\nz\n", []string{strings.Repeat("x", MaxCodeLine), "z"}, nil},
		{"one over the limit", strings.Repeat("x", MaxCodeLine+1) + "\nz\n", []string{"z"}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			codes, skipped, err := ReadCodes(strings.NewReader(tt.in), "codes.txt")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range codes {
				got = append(got, c.Text)
			}
			var lines []int
			for _, s := range skipped {
				lines = append(lines, s.Line)
				if len(s.Text) > 100 || !strings.Contains(s.Reason, "a run code is at most") {
					t.Errorf("skipped line: %d bytes of text, reason %q", len(s.Text), s.Reason)
				}
			}
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(lines, tt.skipped) {
				t.Errorf("ReadCodes = %q, skipped lines %v; want %q, %v", got, lines, tt.want, tt.skipped)
			}
		})
	}
}

// TestDebrief checks the numbers the tool and the workshop print: one run
// pasted twice (once respelled) counts once, a bad code is skipped with
// its line, a run that stopped early is counted as unfinished, and the
// room's split is found even when an unfinished run stopped before it.
func TestDebrief(t *testing.T) {
	scs := bundled(t)
	sc := scs[0]
	const seed = 777
	bot, err := sim.NewBot(sc, "typical")
	if err != nil {
		t.Fatal(err)
	}
	full := bot.Play(seed, sim.Options{})
	picks := full.State().Picks()
	// Another player of the session: the same picks up to month 5, then
	// another choice where there is one.
	var other *sim.Run
	for m := 4; m < len(picks) && other == nil; m++ {
		for alt := 0; alt < 4; alt++ {
			if alt == picks[m] {
				continue
			}
			r := sim.New(sc, seed, sim.Options{})
			ok := true
			for _, p := range picks[:m] {
				ok = ok && r.PickIndex(p) == nil
			}
			if ok && r.PickIndex(alt) == nil {
				other = r
				for !r.Done() {
					if r.PickIndex(0) != nil && r.PickIndex(1) != nil && r.PickIndex(2) != nil && r.PickIndex(3) != nil {
						t.Fatal("no legal pick")
					}
				}
				break
			}
		}
	}
	if other == nil {
		t.Fatal("found no month with a second choice")
	}
	stopped := sim.New(sc, seed, sim.Options{})
	for _, p := range picks[:2] {
		if err := stopped.PickIndex(p); err != nil {
			t.Fatal(err)
		}
	}
	lines := []CodeLine{
		{Source: "stdin", Line: 1, Text: stopped.Code()},
		{Source: "stdin", Line: 2, Text: full.Code()},
		{Source: "stdin", Line: 3, Text: "not-a-code"},
		{Source: "stdin", Line: 4, Text: other.Code()},
		{Source: "stdin", Line: 5, Text: respell(full.Code())},
	}
	d, err := NewDebrief(scs, lines, DebriefConfig{Baseline: 50})
	if err != nil {
		t.Fatal(err)
	}
	if d.Runs != 3 || d.Repeats != 1 || len(d.Skipped) != 1 || d.Skipped[0].Line != 3 {
		t.Fatalf("Debrief: %d runs, %d repeats, skipped %+v; want 3, 1, line 3", d.Runs, d.Repeats, d.Skipped)
	}
	if len(d.Scenarios) != 1 {
		t.Fatalf("%d scenarios", len(d.Scenarios))
	}
	s := d.Scenarios[0]
	if s.Runs != 3 || s.Unfinished != 1 || s.Baseline != 50 || len(s.Axes) != len(sim.AxisNames) {
		t.Fatalf("scenario: %+v", s)
	}
	ended := 0
	for _, e := range s.Endings {
		ended += e.Count
	}
	if ended != 2 {
		t.Errorf("endings count %d runs, want 2", ended)
	}
	if len(s.Splits) != 1 || s.Splits[0].Seed != seed || len(s.Splits[0].Choices) != 2 {
		t.Fatalf("splits = %+v", s.Splits)
	}
	if _, err := NewDebrief(scs, lines[2:3], DebriefConfig{}); err == nil {
		t.Error("a debrief of no valid code did not fail")
	}
	// A hundred million bot runs would take the memory of the machine.
	if _, err := NewDebrief(scs, lines, DebriefConfig{Baseline: 100_000_000}); err == nil || !strings.Contains(err.Error(), "0 to 100000") {
		t.Errorf("a baseline of 1e8 runs: %v", err)
	}
}
