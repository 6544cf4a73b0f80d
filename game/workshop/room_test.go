package workshop

import (
	"strings"
	"testing"
)

func TestCleanName(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"Ana", "Ana", ""},
		{"  Ana   María \t", "Ana María", ""},
		{"<script>alert(1)</script>", "<script>alert(1)</script>", ""}, // kept as typed, escaped where shown
		{"=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", ""},
		{"", "", "empty"},
		{"   ", "", "empty"},
		{"a\x00b", "", "control"},
		{"a\u202eb", "", "invisible"},
		{"\xff", "", "not valid"},
		{strings.Repeat("x", MaxNameRunes), strings.Repeat("x", MaxNameRunes), ""},
		{strings.Repeat("é", MaxNameRunes+1), "", "at most 32"},
	} {
		got, err := CleanName(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CleanName(%q) = %q, %v; want an error about %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestNormalizeCode(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"K7QM2X", "K7QM2X", true},
		{"k7q-m2x", "K7QM2X", true},
		{" k7q m2x ", "K7QM2X", true},
		{"O1ILAB", "0111AB", true}, // read as Crockford reads them
		{"K7QM2", "", false},
		{"K7QM2XY", "", false},
		{"K7QM2U", "", false}, // U is not in the alphabet
		{"K7QM2!", "", false},
		{"", "", false},
	} {
		got, ok := NormalizeCode(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeCode(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for i := 0; i < 100; i++ {
		c := NewRoomCode()
		if got, ok := NormalizeCode(c); !ok || got != c {
			t.Fatalf("a fresh code %q normalizes to %q, %v", c, got, ok)
		}
	}
}

func TestSecretsAreFreshAndHashed(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		s := NewSecret()
		if len(s) != 26 || seen[s] {
			t.Fatalf("secret %q: length %d or repeated", s, len(s))
		}
		seen[s] = true
	}
	if h := HashSecret("x"); len(h) != 64 || h == HashSecret("y") {
		t.Fatalf("hash %q", h)
	}
}
