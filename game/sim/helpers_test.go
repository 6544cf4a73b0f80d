package sim_test

import (
	"encoding/json"
	"os"
	"sync"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/scenarios"
)

var (
	miniOnce sync.Once
	miniSc   *scenario.Scenario
	miniErr  scenario.Errors
)

// loadMini loads testdata/mini.toml, the fixed scenario the rules' tests
// play. It must load without errors or warnings.
func loadMini(tb testing.TB) *scenario.Scenario {
	tb.Helper()
	miniOnce.Do(func() {
		data, err := os.ReadFile("testdata/mini.toml")
		if err != nil {
			miniErr = scenario.Errors{{File: "testdata/mini.toml", Msg: err.Error()}}
			return
		}
		miniSc, miniErr = scenario.Parse("testdata/mini.toml", data)
	})
	if miniSc == nil || len(miniErr) > 0 {
		tb.Fatalf("testdata/mini.toml:\n%v", miniErr)
	}
	return miniSc
}

// loadBundled loads the bundled scenarios, whatever files the set holds.
func loadBundled(tb testing.TB) []*scenario.Scenario {
	tb.Helper()
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() || len(scs) == 0 {
		tb.Fatalf("bundled scenarios:\n%v", errs)
	}
	return scs
}

// allScenarios is mini followed by every bundled scenario.
func allScenarios(tb testing.TB) []*scenario.Scenario {
	return append([]*scenario.Scenario{loadMini(tb)}, loadBundled(tb)...)
}

// parse loads a scenario written inline by a test.
func parse(tb testing.TB, src string) *scenario.Scenario {
	tb.Helper()
	sc, errs := scenario.Parse("inline.toml", []byte(src))
	if sc == nil {
		tb.Fatalf("inline scenario:\n%v", errs)
	}
	return sc
}

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
