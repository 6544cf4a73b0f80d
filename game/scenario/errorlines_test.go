package scenario_test

import (
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// TestErrorsPointAtTheLine appends a broken snippet to the valid base file
// and checks that every error points at the line marked `# HERE`, however
// deep the key sits (nested arrays of tables, inline tables, after
// multi-line strings, quoted keys, Windows line ends).
func TestErrorsPointAtTheLine(t *testing.T) {
	tests := []struct {
		name, snippet, want string
	}{
		{"outcome in a nested array of tables", `
[events.extra]
title = "Extra"
text = "Extra"
[[events.extra.choices]]
label = "A"
text = "a"
effects = { money = 1 }
[[events.extra.choices]]
label = "B"
[[events.extra.choices.outcomes]]
text = "o1"
chance = 0.5
[[events.extra.choices.outcomes]]
text = "o2"
chance = "money >" # HERE
`, "the chance of outcome 2 of choice 2 of event `extra`"},
		{"inline table in the second monthly rule", `
[[monthly]]
label = "One"
effects = { money = 1 }
[[monthly]]
label = "Two"
effects = { mood = 1, monye = 2 } # HERE
`, "unknown stat `monye`"},
		{"after a multi-line string with brackets", `
[events.long]
title = "Long"
text = """
A long text with [brackets] and = signs,
and "quotes" and # not a comment.
"""
when = "mood >> 3" # HERE
[[events.long.choices]]
label = "A"
text = "a"
effects = { money = 1 }
[[events.long.choices]]
label = "B"
text = "b"
effects = { money = 2 }
`, "event `long`"},
		{"quoted key", `
[events."bad id"] # HERE
title = "Bad"
text = "Bad"
[[events."bad id".choices]]
label = "A"
text = "a"
effects = { money = 1 }
[[events."bad id".choices]]
label = "B"
text = "b"
effects = { money = 2 }
`, "event id `bad id`"},
		{"bot setting", `
[bots.careful]
description = "careful"
risk = 3 # HERE
`, "risk must be from -1 to 1"},
		{"second calibration band", `
[[calibration]]
id = "one"
label = "One"
metric = "share"
when = "money > 0"
min = 0
max = 1
source = "vc-return"
[[calibration]]
id = "two"
label = "Two"
metric = "shares" # HERE
when = "money > 0"
min = 0
max = 1
source = "vc-return"
`, `did you mean "share"?`},
		{"derived stat over a derived stat", `
[derived.richer]
label = "Richer"
expr = "rich * 2 + nothing" # HERE
`, "unknown name `nothing`"},
		{"effect in an inline array of tables", `
[events.inline]
title = "Inline"
text = "Inline"
choices = [
  { label = "A", text = "a", effects = { money = 1 } },
  { label = "B", text = "b", effects = { cash = 1 } }, # HERE
]
`, "unknown stat `cash`"},
	}
	for _, tt := range tests {
		for _, crlf := range []bool{false, true} {
			src := baseScenario("lines") + tt.snippet
			if crlf {
				src = strings.ReplaceAll(src, "\n", "\r\n")
			}
			want := 0
			for i, l := range strings.Split(src, "\n") {
				if strings.Contains(l, "# HERE") {
					want = i + 1
				}
			}
			_, errs := scenario.Parse("lines.toml", []byte(src))
			if !errs.HasErrors() {
				t.Errorf("%s: no error", tt.name)
				continue
			}
			if !strings.Contains(errs.Error(), tt.want) {
				t.Errorf("%s: errors do not say %q:\n%v", tt.name, tt.want, errs)
			}
			for _, e := range errs {
				if !e.Warning && e.Pos.Line != want {
					t.Errorf("%s (crlf %v): error on line %d, want %d: %v", tt.name, crlf, e.Pos.Line, want, e)
				}
			}
		}
	}
}
