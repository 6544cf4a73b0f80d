package sim_test

import (
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v          float64
		u          scenario.Unit
		want, diff string
	}{
		{0, scenario.Plain, "0", "+0"},
		{3, scenario.Plain, "3", "+3"},
		{-2.3, scenario.Plain, "-2.3", "-2.3"},
		{35.6, scenario.Plain, "36", "+36"},
		{3.56, scenario.Plain, "3.6", "+3.6"},
		{150.4, scenario.Plain, "150", "+150"},
		{-1500, scenario.Plain, "-1500", "-1500"},
		{1_234_567, scenario.Plain, "1234567", "+1234567"},

		{0, scenario.Money, "$0", "+$0"},
		{999, scenario.Money, "$999", "+$999"},
		{35.6, scenario.Money, "$36", "+$36"},
		{1000, scenario.Money, "$1k", "+$1k"},
		{1234, scenario.Money, "$1.2k", "+$1.2k"},
		{4_500, scenario.Money, "$4.5k", "+$4.5k"},
		{9_999, scenario.Money, "$10k", "+$10k"},
		{12_345, scenario.Money, "$12k", "+$12k"},
		{999_499, scenario.Money, "$999k", "+$999k"},
		{1_000_000, scenario.Money, "$1M", "+$1M"},
		{1_234_567, scenario.Money, "$1.23M", "+$1.23M"},
		{1_500_000, scenario.Money, "$1.5M", "+$1.5M"},
		{2e9, scenario.Money, "$2B", "+$2B"},
		{-1500, scenario.Money, "-$1.5k", "-$1.5k"},
		{-2_500_000, scenario.Money, "-$2.5M", "-$2.5M"},

		{0, scenario.Months, "0 mo", "+0 mo"},
		{1, scenario.Months, "1 mo", "+1 mo"},
		{14, scenario.Months, "14 mo", "+14 mo"},
		{15.6, scenario.Months, "15.6 mo", "+15.6 mo"},
		{-2.3, scenario.Months, "-2.3 mo", "-2.3 mo"},
		{99, scenario.Months, "99 mo", "+99 mo"},

		{0, scenario.Percent, "0%", "+0%"},
		{35, scenario.Percent, "35%", "+35%"},
		{35.6, scenario.Percent, "36%", "+36%"},
		{100, scenario.Percent, "100%", "+100%"},
		{-5, scenario.Percent, "-5%", "-5%"},

		{0, scenario.Fraction, "0%", "+0%"},
		{0.35, scenario.Fraction, "35%", "+35%"},
		{0.015, scenario.Fraction, "1.5%", "+1.5%"},
		{0.004, scenario.Fraction, "0.4%", "+0.4%"},
		{1, scenario.Fraction, "100%", "+100%"},
		{-0.05, scenario.Fraction, "-5.0%", "-5.0%"},
		{-0.5, scenario.Fraction, "-50%", "-50%"},

		{0, scenario.Level, "0", "+0"},
		{2, scenario.Level, "2", "+2"},
		{2.6, scenario.Level, "3", "+3"},
		{-1, scenario.Level, "-1", "-1"},
	}
	for _, tt := range tests {
		if got := sim.FormatValue(tt.v, tt.u); got != tt.want {
			t.Errorf("FormatValue(%v, %s) = %q, want %q", tt.v, tt.u, got, tt.want)
		}
		if got := sim.FormatDelta(tt.v, tt.u); got != tt.diff {
			t.Errorf("FormatDelta(%v, %s) = %q, want %q", tt.v, tt.u, got, tt.diff)
		}
	}
}

// TestFormatMoneyRoundingBoundaries: amounts that round up into the next
// suffix take that suffix ($1M, not $1000k), and an amount that rounds to
// zero has no minus sign.
func TestFormatMoneyRoundingBoundaries(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{999_999, "$1M"},
		{999_999_999, "$1B"},
		{-999_999, "-$1M"},
		{-0.4, "$0"},
	} {
		if got := sim.FormatValue(tt.v, scenario.Money); got != tt.want {
			t.Errorf("FormatValue(%v, money) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestUnitNames(t *testing.T) {
	for u, want := range map[scenario.Unit]string{scenario.Plain: "plain", scenario.Money: "money", scenario.Months: "months",
		scenario.Percent: "percent", scenario.Fraction: "fraction", scenario.Level: "level"} {
		if got := u.String(); got != want {
			t.Errorf("Unit(%d).String() = %q, want %q", u, got, want)
		}
	}
}

func TestOddsText(t *testing.T) {
	got := sim.OddsText([]sim.OddsView{{Label: "the model holds up", Chance: 0.6}, {Chance: 0.4}})
	if want := "60% the model holds up, 40% outcome 2"; got != want {
		t.Errorf("OddsText = %q, want %q", got, want)
	}
}
