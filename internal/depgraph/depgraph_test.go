package depgraph

import (
	"os"
	"strings"
	"testing"
)

// TestArchitectureDiagram checks that docs/architecture.md shows the
// packages as they import each other now (make architecture refreshes it).
func TestArchitectureDiagram(t *testing.T) {
	pkgs, err := List("../..")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Replace(string(doc), Mermaid(Module, pkgs, Skip))
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != want {
		t.Error("docs/architecture.md's package diagram is out of date: run make architecture")
	}
}

// TestMermaid draws a small module: imports between its packages become
// arrows, outside imports do not, Ebitengine importers are marked, and
// skipped packages are left out.
func TestMermaid(t *testing.T) {
	pkgs := []Package{
		{ImportPath: "m", Imports: []string{"fmt", "m/ui"}},
		{ImportPath: "m/ui", Imports: []string{"github.com/hajimehoshi/ebiten/v2", "m/core"}},
		{ImportPath: "m/core", Imports: []string{"strings"}},
		{ImportPath: "m/tool", Imports: []string{"m/core"}},
	}
	got := Mermaid("m", pkgs, []string{"tool"})
	for _, want := range []string{
		`p_m__main_["m (main)"]`,
		`p_ui["ui<br/><i>Ebitengine</i>"]:::engine`,
		`p_core["core"]`,
		"p_m__main_ --> p_ui",
		"p_ui --> p_core",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagram lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "tool") || strings.Contains(got, "fmt") {
		t.Errorf("diagram shows a skipped or outside package:\n%s", got)
	}
}
