package scenario_test

import (
	"os"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// TestControlCharactersInText: escape sequences, C1 controls and bidi
// overrides in any text, id or expression of a scenario are refused at
// their key; line breaks and tabs in prose are fine.
func TestControlCharactersInText(t *testing.T) {
	src, err := os.ReadFile("../sim/testdata/mini.toml")
	if err != nil {
		t.Fatal(err)
	}
	mini := string(src)
	tests := []struct {
		name, old, new, want string
	}{
		{"OSC in the title", `title = "Mini Lab"`, `title = "Mini \u001b]0;pwned\u0007Lab"`, "`title` holds the control character U+001B at character 6"},
		{"CSI in a text", `text = "People clap.`, `text = "\u001b[2JPeople clap.`, "`text` holds the control character U+001B at character 1"},
		{"C1 CSI in a label", `label = "Present it at the all-hands"`, `label = "Present \u009b2J"`, "`label` holds the control character U+009B"},
		{"bidi override in a title", `title = "The tool catches on"`, "title = \"The tool \u202ecatches on\"", "`title` holds the control character U+202E"},
		{"escape in an event id", `[events.side_project_payoff]`, `[events."side\u001b_payoff"]`, "holds the control character U+001B"},
		{"bell in an expression", `when = "side_project"`, `when = "side_project\u0007"`, "`when` holds the control character U+0007"},
		{"carriage return alone", `title = "Mini Lab"`, `title = "Mini\rLab"`, "U+000D"},
		{"line breaks and tabs in prose", `text = "People clap.`, `text = "People\n\tclap.`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(mini, tt.old, tt.new, 1)
			if text == mini {
				t.Fatalf("mini.toml has no %q", tt.old)
			}
			sc, errs := scenario.Parse("mini.toml", []byte(text))
			msg := errs.Error()
			if tt.want == "" {
				if errs.HasErrors() {
					t.Fatalf("refused: %s", msg)
				}
				return
			}
			if sc != nil || !strings.Contains(msg, tt.want) {
				t.Fatalf("errors %q, want %q", msg, tt.want)
			}
		})
	}
}
