package ui

import (
	"testing"

	"runwayladder/scenarios"
)

// examplesDir holds the guide's annotated format-2 example (track
// "crossroads", two phases with a switch each way).
const examplesDir = "../../docs/examples"

// TestCrossroadsFirst: scenarios of the crossroads track come first on the
// choose screen, by their track (a player's own too), and the rest keep
// their order.
func TestCrossroadsFirst(t *testing.T) {
	plain := newLibrary(scenarios.FS, nil)
	lib := newLibrary(scenarios.FS, []ScenarioDir{{Path: examplesDir}})
	if len(lib.all) != len(plain.all)+1 {
		t.Fatalf("%d scenarios with the example, %d without", len(lib.all), len(plain.all))
	}
	seen := false
	var rest []string
	for i, sc := range lib.all {
		if sc.ID == "example_two_offices" {
			seen = true
		}
		if sc.Track == crossroadsTrack {
			if i > 0 && lib.all[i-1].Track != crossroadsTrack {
				t.Fatalf("%s (track crossroads) comes after %s", sc.ID, lib.all[i-1].ID)
			}
			continue
		}
		rest = append(rest, sc.ID)
	}
	if !seen || lib.all[0].Track != crossroadsTrack {
		t.Fatalf("the crossroads example is not first: %s", lib.all[0].ID)
	}
	var want []string
	for _, sc := range plain.all {
		if sc.Track != crossroadsTrack {
			want = append(want, sc.ID)
		}
	}
	if len(rest) != len(want) {
		t.Fatalf("the other paths %v, want %v", rest, want)
	}
	for i := range want {
		if rest[i] != want[i] {
			t.Fatalf("the other paths %v, want %v", rest, want)
		}
	}
}
