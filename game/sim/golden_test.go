package sim_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenScript is a scripted run of testdata/mini.toml: a seed and the
// number the player types each month (1 = the first choice shown).
//
// The picks were found by playing mini.toml with bots, so they reach the
// named ending. When a rule change makes a pick unavailable or changes the
// ending, the test says so: check the new behaviour is intended, find new
// picks, and refresh with `go test ./game/sim -update`.
type goldenScript struct {
	name   string
	seed   uint64
	picks  []int
	ending string
	// check asserts what the script is for, beyond its ending.
	check func(r *sim.Run, transcript string) error
}

var goldenScripts = []goldenScript{
	{
		name: "raise_seed_and_bridge", seed: 393, ending: "grew",
		picks: []int{1, 2, 1, 2, 2, 2, 1, 2, 1, 2, 3, 3, 2, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 2, 3, 2, 1},
		check: func(r *sim.Run, tr string) error {
			if n := r.Builtin(scenario.VarRoundsClosed); n != 2 {
				return fmt.Errorf("%v rounds closed, want 2 (the offered seed and the bridge from a choice)", n)
			}
			return mustContain(tr, "The Seed round closes", "The Bridge round closes", "Ask the angels for a bridge")
		},
	},
	{
		name: "out_of_cash", seed: 4, ending: "out_of_cash",
		picks: []int{2, 2, 2, 3, 1, 1, 2, 2, 2, 1, 2, 2, 2, 1, 1, 1},
		check: func(r *sim.Run, tr string) error {
			if r.Builtin(scenario.VarRoundsClosed) != 0 {
				return fmt.Errorf("a round closed")
			}
			return mustContain(tr, "Grow traction first", "The money ran out")
		},
	},
	{
		name: "promoted_to_staff", seed: 1, ending: "staff",
		picks: []int{1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 2},
		check: func(r *sim.Run, tr string) error {
			if strings.Count(tr, "Promoted to") != 2 {
				return fmt.Errorf("want two promotions in the transcript")
			}
			return mustContain(tr, "Promoted to Senior ML engineer", "Promoted to Staff ML engineer", "Planning cycle")
		},
	},
	{
		name: "managed_out_low_ratings", seed: 101, ending: "managed_out",
		picks: []int{3, 3, 3, 3, 1, 1, 2, 3, 2, 2, 1, 3},
		check: func(r *sim.Run, tr string) error {
			return mustContain(tr, "Below expectations", "low ratings in a row")
		},
	},
	{
		name: "up_or_out", seed: 17, ending: "managed_out",
		picks: []int{2, 1, 1, 3, 2, 2, 1, 2, 1, 1, 1, 2, 2, 3, 2, 2, 2, 1, 2, 3, 1, 2, 1, 1},
		check: func(r *sim.Run, tr string) error {
			return mustContain(tr, "Up or out: 24 months at ML engineer")
		},
	},
	{
		name: "ends_by_choice", seed: 2, ending: "left_for_bigco",
		picks: []int{1, 2, 2, 1, 2, 2},
		check: func(r *sim.Run, tr string) error {
			return mustContain(tr, "You chose: Take the offer.")
		},
	},
	{
		name: "quits_by_hidden_choice", seed: 30, ending: "walked_away",
		picks: []int{1, 3, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 3},
		check: func(r *sim.Run, tr string) error {
			return mustContain(tr, "You chose: Quit before the crash.", "(unavailable: Only a company that closed its seed gets a bridge)")
		},
	},
	{
		name: "burned_out", seed: 954, ending: "burned_out",
		picks: []int{1, 1, 1, 2, 1, 1, 2, 3, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 1},
	},
}

func mustContain(s string, wants ...string) error {
	for _, w := range wants {
		if !strings.Contains(s, w) {
			return fmt.Errorf("transcript does not contain %q", w)
		}
	}
	return nil
}

// playScript plays a script as `careersim play` would, writing the
// transcript; it stops with an error at a pick the run refuses.
func playScript(sc *scenario.Scenario, g goldenScript, w *bytes.Buffer) (*sim.Run, error) {
	r := sim.New(sc, g.seed, sim.Options{})
	tr := sim.Transcript{W: w}
	tr.Intro(r)
	for i, p := range g.picks {
		if r.Done() {
			return r, fmt.Errorf("the run ended at month %d with %d picks left", r.Month(), len(g.picks)-i)
		}
		tr.Month(r)
		fmt.Fprintf(w, "> %d\n", p)
		rep, err := r.Pick(p - 1)
		if err != nil {
			return r, fmt.Errorf("pick %d (month %d): %v", i+1, r.Month(), err)
		}
		tr.Report(r, rep)
	}
	if !r.Done() {
		return r, fmt.Errorf("the picks ran out at month %d before an ending", r.Month())
	}
	tr.Ending(r)
	return r, nil
}

// TestGoldenTranscripts plays each script and compares the whole text
// transcript and the final state with testdata/golden/NAME.txt.
func TestGoldenTranscripts(t *testing.T) {
	sc := loadMini(t)
	for _, g := range goldenScripts {
		t.Run(g.name, func(t *testing.T) {
			var buf bytes.Buffer
			r, err := playScript(sc, g, &buf)
			if err != nil {
				t.Fatalf("script %s no longer plays (seed %d): %v\n%s", g.name, g.seed, err, tail(buf.String(), 40))
			}
			if got := r.State().Ending; got != g.ending {
				t.Fatalf("script %s ends in %q, want %q", g.name, got, g.ending)
			}
			tr := buf.String()
			if g.check != nil {
				if err := g.check(r, tr); err != nil {
					t.Errorf("script %s: %v", g.name, err)
				}
			}
			// The code the transcript prints replays the same run.
			code, err := sim.ParseCode(r.Code())
			if err != nil {
				t.Fatal(err)
			}
			again, err := sim.Replay(sc, code, sim.Options{})
			if err != nil {
				t.Fatalf("replaying %s: %v", r.Code(), err)
			}
			state := stateText(t, r.State())
			if got := stateText(t, again.State()); got != state {
				t.Errorf("replay from the code gives another state:\n%s\nwant\n%s", got, state)
			}
			if !strings.Contains(tr, "Run code: "+r.Code()+"\n") {
				t.Errorf("transcript does not end with the run code %s", r.Code())
			}
			golden(t, "testdata/golden/"+g.name+".txt", tr+"\n--- final state ---\n"+state+"\n")
		})
	}
}

func stateText(t testing.TB, st *sim.State) string {
	t.Helper()
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func tail(s string, lines int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return strings.Join(ls, "\n")
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll("testdata/golden", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./game/sim -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./game/sim -update if the change is intended):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first differing line with some context.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return "(same lines, different bytes)"
}
