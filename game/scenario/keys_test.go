//go:build !js

package scenario_test

import (
	"os"
	"testing"

	"runwayladder/game/scenario"
)

// TestKeyTablesAreCurrent keeps the key tables of docs/scenario-format.md
// in step with the loader's key list (keys.go), and every key of the
// format documented; `go test ./game/scenario -run KeyTables -update`
// rewrites them.
func TestKeyTablesAreCurrent(t *testing.T) {
	const path = "../../docs/scenario-format.md"
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := scenario.UpdateKeyTables(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) == string(doc) {
		return
	}
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("the key tables of docs/scenario-format.md are out of date; refresh them with: go test ./game/scenario -run KeyTables -update")
}
