//go:build !js

package scenario_test

import (
	"encoding/json"
	"os"
	"testing"

	"runwayladder/game/scenario"
)

// TestSchemaIsCurrent keeps docs/scenario.schema.json in step with the Go
// types it is generated from.
func TestSchemaIsCurrent(t *testing.T) {
	got, err := scenario.Schema()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../docs/scenario.schema.json")
	if err != nil {
		t.Fatalf("%v; create it with: go run ./cmd/careersim schema > docs/scenario.schema.json", err)
	}
	if string(got) != string(want) {
		t.Fatal("docs/scenario.schema.json is out of date with the scenario types; refresh it with: go run ./cmd/careersim schema > docs/scenario.schema.json")
	}
}

// TestSchemaShape: the schema is JSON, refuses unknown keys and knows the
// sections authors write.
func TestSchemaShape(t *testing.T) {
	b, err := scenario.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Ref   string                     `json:"$ref"`
		Defs  map[string]json.RawMessage `json:"$defs"`
		Title string                     `json:"title"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	var file struct {
		Properties           map[string]any `json:"properties"`
		AdditionalProperties *bool          `json:"additionalProperties"`
		Required             []string       `json:"required"`
	}
	if err := json.Unmarshal(s.Defs["File"], &file); err != nil {
		t.Fatalf("no File definition: %v", err)
	}
	for _, k := range []string{"format", "id", "version", "stats", "derived", "monthly", "events", "endings", "funding", "ladder", "resource_fight", "axes", "calibration", "sources", "bots"} {
		if _, ok := file.Properties[k]; !ok {
			t.Errorf("schema has no top-level key %q", k)
		}
	}
	if file.AdditionalProperties == nil || *file.AdditionalProperties {
		t.Error("schema allows unknown top-level keys")
	}
	for _, d := range []string{"StatDef", "EventDef", "ChoiceDef", "OutcomeDef", "FundingDef", "RoundDef", "LadderDef", "FightDef", "Effects", "Expr"} {
		if _, ok := s.Defs[d]; !ok {
			t.Errorf("schema has no definition %s", d)
		}
	}
}
