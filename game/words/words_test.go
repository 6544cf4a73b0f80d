package words

import "testing"

func TestChance(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{
		{0, "0%"}, {0.001, "<1%"}, {0.005, "<1%"}, {0.0051, "1%"}, {0.333, "33%"}, {0.525, "52%"}, {0.475, "48%"},
		{0.5, "50%"}, {0.994, "99%"}, {0.996, ">99%"}, {0.9999, ">99%"}, {1, "100%"},
	} {
		if got := Chance(tc.p); got != tc.want {
			t.Errorf("Chance(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "runs"}, {1, "run"}, {2, "runs"}, {-1, "runs"}} {
		if got := Plural(tc.n, "run", "runs"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
