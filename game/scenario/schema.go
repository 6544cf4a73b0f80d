// The schema generator (and the JSON Schema, YAML and go/doc packages it
// pulls in) is for careersim and editors, never the game: leaving it out of
// the browser build saves about 1 MB of wasm (0.25 MB gzipped).

//go:build !js

package scenario

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
)

// JSONSchema describes Expr: a number, a boolean or an expression string.
func (Expr) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		OneOf: []*jsonschema.Schema{
			{Type: "number"},
			{Type: "boolean"},
			{Type: "string", Description: "An expression over stats, flags and built-ins, e.g. \"traction / 100 + 0.1\"."},
		},
	}
}

// Schema returns the JSON Schema of the scenario format, generated from the
// Go types, for editors (e.g. a `#:schema` comment with Even Better TOML).
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{FieldNameTag: "toml", RequiredFromJSONSchemaTags: true, DoNotReference: false, AllowAdditionalProperties: false}
	s := r.Reflect(&File{})
	if err := describeSchema(s.Definitions); err != nil {
		return nil, err
	}
	s.ID = "https://runwayladder.example/scenario.schema.json"
	s.Title = "Runway & Ladder scenario (format 1)"
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
