package scenario_test

import (
	"os"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// TestDerivedStatsDoNotReadEachOtherInALoop: a derived stat that reads
// itself, derived stats that read each other in a loop, and one that reads
// a later one are refused (they grew on every recompute); reading an
// earlier one is fine.
func TestDerivedStatsDoNotReadEachOtherInALoop(t *testing.T) {
	src, err := os.ReadFile("../sim/testdata/mini.toml")
	if err != nil {
		t.Fatal(err)
	}
	mini := string(src)
	runway := `expr = "revenue >= burn ? 99 : cash / (burn - revenue)"`
	standing := `expr = "impact + visibility / 2 + politics / 4"`
	tests := []struct {
		name                  string
		runwayExpr, standExpr string
		extra                 string
		want                  string
	}{
		{"itself", `expr = "runway + 1"`, standing, "", "derived stat `runway` reads itself"},
		{"each other", `expr = "standing + 1"`, `expr = "runway + 1"`, "", "read each other in a loop (`runway` reads `standing` reads `runway`)"},
		{"three in a loop", `expr = "standing + 1"`, `expr = "third"`, "\n[derived.third]\nlabel = \"Third\"\nexpr = \"runway * 2\"\n", "read each other in a loop (`runway` reads `standing` reads `third` reads `runway`)"},
		{"a later one", `expr = "standing / 10"`, standing, "", "derived stat `runway` reads `standing`, which is defined after it"},
		{"an earlier one", runway, `expr = "impact + runway"`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(mini, runway, tt.runwayExpr, 1)
			text = strings.Replace(text, standing, tt.standExpr, 1)
			text = strings.Replace(text, "\n[derived.standing]\n", tt.extra+"\n[derived.standing]\n", 1)
			sc, errs := scenario.Parse("mini.toml", []byte(text))
			if tt.want == "" {
				if errs.HasErrors() {
					t.Fatalf("refused: %v", errs)
				}
				return
			}
			if sc != nil || !strings.Contains(errs.Error(), tt.want) {
				t.Fatalf("errors:\n%v\nwant %q", errs, tt.want)
			}
		})
	}
}
