package scenario_test

import (
	"fmt"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

func TestFormatText(t *testing.T) {
	tests := []struct {
		v      float64
		unit   scenario.Unit
		format string
		want   string
	}{
		{1_234_567, scenario.Money, "", "$1.23M"},
		{14, scenario.Months, "", "14 months"},
		{1, scenario.Months, "", "1 month"},
		{0.4, scenario.Months, "months", "0 months"},
		{35, scenario.Percent, "", "35%"},
		{0.125, scenario.Fraction, "", "12%"},
		{0.125, scenario.Fraction, "percent", "13%"},
		{55, scenario.Plain, "percent", "55%"},
		{1_500_000, scenario.Plain, "", "1,500,000"},
		{-12_345, scenario.Plain, "plain", "-12,345"},
		{2.5, scenario.Plain, "", "2.5"},
		{2.5, scenario.Plain, "plain", "3"},
		{999, scenario.Plain, "", "999"},
		{9_000, scenario.Plain, "money", "$9k"},
		{0, scenario.Plain, "count", "no"},
		{1, scenario.Plain, "count", "one"},
		{12, scenario.Plain, "count", "twelve"},
		{13, scenario.Plain, "count", "13"},
		{2, scenario.Plain, "Count", "Two"},
		{0, scenario.Plain, "Count", "No"},
		{1, scenario.Plain, "ordinal", "1st"},
		{2, scenario.Plain, "ordinal", "2nd"},
		{3, scenario.Plain, "ordinal", "3rd"},
		{4, scenario.Plain, "ordinal", "4th"},
		{11, scenario.Plain, "ordinal", "11th"},
		{12, scenario.Plain, "ordinal", "12th"},
		{13, scenario.Plain, "ordinal", "13th"},
		{21, scenario.Plain, "ordinal", "21st"},
		{112, scenario.Plain, "ordinal", "112th"},
		{1_002, scenario.Plain, "ordinal", "1,002nd"},
	}
	for _, tt := range tests {
		if got := scenario.FormatText(tt.v, tt.unit, tt.format); got != tt.want {
			t.Errorf("FormatText(%v, %v, %q) = %q, want %q", tt.v, tt.unit, tt.format, got, tt.want)
		}
	}
}

// TestPlaceholderErrors: every mistake in a text is reported at the line
// and column of the placeholder, with what would be right.
func TestPlaceholderErrors(t *testing.T) {
	tests := []struct {
		name, text, want, at string
	}{
		{"unknown name", `"You have {mony} left."`, "unknown name `mony` in the text of event `extra` (did you mean \"money\"?)", "{mony}"},
		{"unknown format", `"You have {money:mony}."`, "unknown format `mony` in `{money:mony}` in the text of event `extra` (did you mean \"money\"?", "{money:mony}"},
		{"flag", `"Flagged: {tired}."`, "`tired` is a flag (true/false) in the text of event `extra`", "{tired}"},
		{"unclosed brace", `"Half {money and more."`, "a `{` that is not closed in the text of event `extra`", "{money and more."},
		{"stray brace", `"Money} and more."`, "a `}` without its `{` in the text of event `extra` (write `}}`", "}"},
		{"not a name", `"Sum {money + 1}."`, "`{money + 1}` should hold one name", "{money + 1}"},
		{"second of two", `"{money} and {monye}"`, "unknown name `monye`", "{monye}"},
		{"same placeholder twice", `"{mony} then {mony}"`, "unknown name `mony`", "{mony}"},
		{"multi-line", "\"\"\"\nFirst line.\nSecond {mood} and {moood}.\n\"\"\"", "unknown name `moood`", "{moood}"},
		{"level title without a ladder", `"You are {level_title}."`, "`level_title` in the text of event `extra` only means something in a scenario with a [ladder]", "{level_title}"},
		{"format on a name", `"At {phase:money}."`, "`phase` is a name, not a number", "{phase:money}"},
		{"age without start_age", `"At {age}."`, "`age` in the text of event `extra` needs a start_age", "{age}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(baseScenario("texts"), "format = 1", "format = 2", 1) + fmt.Sprintf(`
[events.extra]
title = "Extra"
text = %s
[[events.extra.choices]]
label = "A"
text = "a"
flags = ["tired"]
[[events.extra.choices]]
label = "B"
text = "b"
effects = { money = 1 }
`, tt.text)
			_, errs := scenario.Parse("texts.toml", []byte(src))
			if !errs.HasErrors() {
				t.Fatal("no error")
			}
			if !strings.Contains(errs.Error(), tt.want) {
				t.Fatalf("errors do not say %q:\n%v", tt.want, errs)
			}
			// Each error points at an occurrence of the placeholder in the
			// text (the text starts after "text = " in [events.extra]).
			start := strings.Index(src, "[events.extra]")
			start += strings.Index(src[start:], "text = ")
			end := start + len("text = ") + len(tt.text)
			at := map[scenario.Pos]bool{}
			for off := start; ; {
				j := strings.Index(src[off:end], tt.at)
				if j < 0 {
					break
				}
				before := src[:off+j]
				line := strings.Count(before, "\n") + 1
				col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1
				at[scenario.Pos{Line: line, Col: col}] = true
				off += j + len(tt.at)
			}
			for _, e := range errs {
				if !at[e.Pos] {
					t.Errorf("error at %d:%d, not at %q (%v): %v", e.Pos.Line, e.Pos.Col, tt.at, at, e)
				}
				delete(at, e.Pos)
			}
		})
	}
}

// TestTextsInFormat1: braces in a format-1 file are plain text.
func TestTextsInFormat1(t *testing.T) {
	src := strings.Replace(baseScenario("old"), `text = "Another day."`, `text = "Another {day}."`, 1)
	sc, errs := scenario.Parse("old.toml", []byte(src))
	if sc == nil || len(errs) > 0 {
		t.Fatalf("a format-1 file with braces in a text does not load:\n%v", errs)
	}
	i, _ := sc.EventIndex("work")
	env := &scenario.Env{V: make([]float64, sc.NumVars()), F: make([]bool, sc.NumFlagVars())}
	if _, text := sc.Events[i].Show(env); text != "Another {day}." {
		t.Fatalf("text %q", text)
	}
}

// TestVariantErrors: a variant must replace something and its condition
// is checked like any other.
func TestVariantErrors(t *testing.T) {
	for name, tt := range map[string]struct{ snippet, want string }{
		"empty variant": {"[[events.work.variants]]\nwhen = \"mood > 3\"\n", "variant 1 of event `work` replaces no text"},
		"bad condition": {"[[events.work.variants]]\nwhen = \"moood > 3\"\ntext = \"x\"\n", "unknown name `moood` in the condition of variant 1 of event `work`"},
		"no condition":  {"[[events.work.variants]]\ntext = \"x\"\n", "missing key `when` in [events.work.variants[0]]"},
		"format 1":      {"", "`variants` needs format = 2"},
	} {
		src := strings.Replace(baseScenario("v"), "format = 1", "format = 2", 1)
		if name == "format 1" {
			src = baseScenario("v")
			tt.snippet = "[[events.work.variants]]\nwhen = \"mood > 3\"\ntext = \"x\"\n"
		}
		src = strings.Replace(src, "[[events.work.choices]]", tt.snippet+"[[events.work.choices]]", 1)
		_, errs := scenario.Parse("v.toml", []byte(src))
		if !strings.Contains(errs.Error(), tt.want) {
			t.Errorf("%s: errors do not say %q:\n%v", name, tt.want, errs)
		}
	}
}
