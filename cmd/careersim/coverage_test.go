package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCoverage measures a claims file against mini: every card kind is
// named with its share of typical runs, and bad references are refused
// with where and why.
func TestCoverage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte(`
title = "Mini coverage"
intro = "Claims of a made-up source."
[[section]]
title = "Money"
[[section.row]]
claim = "Cash runs out"
feel = "The runway talk, then the end."
cards = ["mini/runway_talk", "mini/ending:out_of_cash"]
gap = "Nobody explains dilution."
[[section.row]]
claim = "Planning is a fight"
feel = "Rivals want the same headcount."
cards = ["mini/planning"]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := careersim(t, "", "coverage", "--in", good, "--runs", "40", "--scenarios", miniDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# Mini coverage", "`mini/runway_talk` (", "mini's ending *", "mini's planning cycle (100%)", "*Not delivered:* Nobody explains dilution.", "claims are met in typical play", "| Cash runs out |"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}

	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte(`
title = "Bad"
[[section]]
title = "S"
[[section.row]]
claim = "A"
feel = "B"
cards = ["mini/nope", "nobody/x", "mini/ending:gone", "plain"]
[[section.row]]
claim = "No cards"
feel = "C"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = careersim(t, "", "coverage", "--in", bad, "--runs", "5", "--scenarios", miniDir)
	if code != 1 {
		t.Fatalf("bad claims file: exit %d, want 1", code)
	}
	for _, want := range []string{`mini has no event "nope"`, `no scenario "nobody"`, `mini has no ending "gone"`, `card "plain": write scenario/event`, "row 2: names no card", "section 1 (S), row 1"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
