package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

func TestDegenerateBand(t *testing.T) {
	tests := []struct {
		name     string
		band     scenario.Calibration
		contains string // "" when the band can fail
	}{
		{"share 0-10% passes 'never'", scenario.Calibration{Metric: "share", Min: 0, Max: 0.1}, "includes 0%"},
		{"share 80-100% passes 'always'", scenario.Calibration{Metric: "share", Min: 0.8, Max: 1}, "includes 100%"},
		{"share 2-15% can fail", scenario.Calibration{Metric: "share", Min: 0.02, Max: 0.15}, ""},
		{"median over the whole run", scenario.Calibration{Metric: "median_month", Min: 1, Max: 60}, "spans the whole run"},
		{"median 48-60 can fail", scenario.Calibration{Metric: "median_month", Min: 48, Max: 60}, ""},
	}
	for _, tt := range tests {
		got := degenerateBand(tt.band, 60)
		if (tt.contains == "") != (got == "") || !strings.Contains(got, tt.contains) {
			t.Errorf("%s: %q, want it to say %q", tt.name, got, tt.contains)
		}
	}
}

// noReading is a scenario where every choice is the same: the player who
// presses the first button does exactly as well as the one who reads, and
// its only band includes 0%.
const noReading = `
format = 1
id = "no_reading"
version = 1
title = "No reading"
track = "startup"
role = "tester"
months = 6
pitch = "p"
promise = "p"
price = "p"

[stats.calm]
label = "Calm"
initial = 50
min = 0
max = 100

[events.same]
title = "Same"
text = "Either way."
[[events.same.choices]]
label = "This"
text = "Fine."
effects = { calm = 1 }
[[events.same.choices]]
label = "That"
text = "Fine."
effects = { calm = 1 }

[endings.done]
category = "good"
title = "Done"
text = "Done."
at_end = true

[axes]
wealth = "0"
level = "2"
skills = "calm"
wellbeing = "calm"
autonomy = "50"

[[calibration]]
id = "never"
label = "Never"
metric = "share"
when = "calm < 0"
min = 0
max = 0.1
source = "made up for a test"
`

// TestCheckFailsWhatDoesNotMeanAnything: check fails a scenario whose
// positional bots do as well as its typical player, and a band that cannot
// fail.
func TestCheckFailsWhatDoesNotMeanAnything(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "no_reading.toml"), []byte(noReading), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := careersim(t, "", "check", "--runs", "30", "--scenario", "no_reading", "--scenarios", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"the first bot (always the first choice) ends good or thrived in 100.0% of runs, within 5 points of the typical player's 100.0%",
		"the last bot",
		"band never cannot fail: its interval 0-10% includes 0%",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
}
