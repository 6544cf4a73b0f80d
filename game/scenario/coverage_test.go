package scenario_test

import (
	"os"
	"regexp"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/scenarios"
)

// TestSourceCoverageNamesRealEvents keeps docs/source-coverage.md true:
// every `scenario/event` it names must exist in the bundled scenarios
// (careersim check then proves each one fires).
func TestSourceCoverageNamesRealEvents(t *testing.T) {
	doc, err := os.ReadFile("../../docs/source-coverage.md")
	if err != nil {
		t.Fatal(err)
	}
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	refs := regexp.MustCompile("`([a-z_]+)/([a-z0-9_]+)`").FindAllStringSubmatch(string(doc), -1)
	if len(refs) < 60 {
		t.Fatalf("only %d event references; the coverage table looks truncated", len(refs))
	}
	perScenario := map[string]int{}
	for _, ref := range refs {
		sc, ok := scenario.Find(scs, ref[1])
		if !ok {
			t.Errorf("%s/%s: no bundled scenario %q", ref[1], ref[2], ref[1])
			continue
		}
		if _, ok := sc.EventIndex(ref[2]); !ok {
			t.Errorf("%s/%s: scenario %q has no event %q", ref[1], ref[2], ref[1], ref[2])
		}
		perScenario[ref[1]]++
	}
	for _, sc := range scs {
		if perScenario[sc.ID] == 0 {
			t.Errorf("scenario %s is not in the coverage table", sc.ID)
		}
	}
}
