package scenario_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// TestDocsExample keeps the annotated example in docs/scenario-format.md
// true: the last ```toml block of the guide must load without errors or
// warnings.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) == 0 {
		t.Fatal("no toml block in docs/scenario-format.md")
	}
	example := blocks[len(blocks)-1][1]
	if !strings.Contains(example, "[resource_fight]") && !strings.Contains(example, "[funding]") {
		t.Fatal("the last toml block is not the complete example")
	}
	sc, errs := scenario.Parse("docs/scenario-format.md example", []byte(example))
	if len(errs) > 0 {
		t.Fatalf("the example does not load cleanly:\n%v", errs)
	}
	if sc.ID != "example_lab" {
		t.Fatalf("id = %q", sc.ID)
	}
}
