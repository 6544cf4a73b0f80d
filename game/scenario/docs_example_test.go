package scenario_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

const guide = "../../docs/scenario-format.md"

// TestDocsExample keeps the annotated format-1 example in
// docs/scenario-format.md true: its toml block must load without errors or
// warnings.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	var example string
	for _, b := range regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		if strings.Contains(b[1], `id = "example_lab"`) {
			example = b[1]
		}
	}
	if example == "" || !strings.Contains(example, "[resource_fight]") {
		t.Fatal("docs/scenario-format.md has no complete example_lab block")
	}
	sc, errs := scenario.Parse("docs/scenario-format.md example", []byte(example))
	if len(errs) > 0 {
		t.Fatalf("the example does not load cleanly:\n%v", errs)
	}
	if sc.ID != "example_lab" || sc.Format != 1 {
		t.Fatalf("id = %q, format %d", sc.ID, sc.Format)
	}
}

// TestDocsFormat2Example: docs/examples/two_offices.toml loads cleanly and
// uses what the guide says it shows.
func TestDocsFormat2Example(t *testing.T) {
	sc, errs := scenario.LoadFile("../../docs/examples/two_offices.toml")
	if sc == nil || len(errs) > 0 {
		t.Fatalf("the format-2 example does not load cleanly:\n%v", errs)
	}
	if sc.Format != 2 || len(sc.Phases) != 2 || sc.Phases[0].Vesting == nil || sc.Funding.Active == nil || sc.Ladder.Active == nil || sc.Funding.Broke == nil {
		t.Fatalf("the example lost a feature it is meant to show: %+v", sc.Phases)
	}
}

// TestDocsIncludes keeps every `<!-- include PATH -->` block of the guide
// equal to the file it shows (PATH relative to docs/); `go test
// ./game/scenario -run DocsIncludes -update` rewrites them.
func TestDocsIncludes(t *testing.T) {
	doc, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- include ([^ ]+) -->\n.*?<!-- /include -->")
	n := 0
	var failed error
	got := re.ReplaceAllFunc(doc, func(m []byte) []byte {
		n++
		path := string(re.FindSubmatch(m)[1])
		file, err := os.ReadFile(filepath.Join("../../docs", path))
		if err != nil {
			failed = err
			return m
		}
		return []byte("<!-- include " + path + " -->\n```toml\n" + string(file) + "```\n<!-- /include -->")
	})
	if failed != nil {
		t.Fatal(failed)
	}
	if n == 0 {
		t.Fatal("the guide includes no example file")
	}
	if string(got) == string(doc) {
		return
	}
	if *update {
		if err := os.WriteFile(guide, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("an included example in docs/scenario-format.md differs from its file; refresh with: go test ./game/scenario -run DocsIncludes -update")
}
