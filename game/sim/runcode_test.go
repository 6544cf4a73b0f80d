package sim_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// picksFor makes a deterministic list of n picks (0-3).
func picksFor(n int) []int {
	p := make([]int, n)
	x := uint32(n*2654435761 + 1)
	for i := range p {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		p[i] = int(x % 4)
	}
	return p
}

func TestCodeRoundTrip(t *testing.T) {
	seeds := []uint64{0, 1, 42, 1 << 31, math.MaxUint32, 1 << 40, math.MaxUint64}
	for n := 0; n <= sim.MaxCodePicks; n++ {
		c := sim.Code{Scenario: "startup_engineer", Version: 1 + n%7, Seed: seeds[n%len(seeds)], Picks: picksFor(n)}
		s, err := c.Encode()
		if err != nil {
			t.Fatalf("%d picks: %v", n, err)
		}
		got, err := sim.ParseCode(s)
		if err != nil {
			t.Fatalf("%d picks: ParseCode(%s): %v", n, s, err)
		}
		if got.Scenario != c.Scenario || got.Version != c.Version || got.Seed != c.Seed || !reflect.DeepEqual(got.Picks, c.Picks) {
			t.Fatalf("%d picks: round trip gave %+v, want %+v", n, got, c)
		}
		again, _ := got.Encode()
		if again != s {
			t.Fatalf("%d picks: re-encoding gave %s, want %s", n, again, s)
		}
	}
}

// TestCodeLength: a 60-month run of any bundled scenario fits well under
// 100 characters, with a seed as the game makes them (32 bits).
func TestCodeLength(t *testing.T) {
	ids := []string{"mini", "a_twenty_char_id_xyz"}
	for _, sc := range loadBundled(t) {
		ids = append(ids, sc.ID)
	}
	for _, id := range ids {
		s, err := sim.Code{Scenario: id, Version: 12, Seed: math.MaxUint32, Picks: picksFor(60)}.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if len(s) >= 100 {
			t.Errorf("60-pick code for %s is %d characters: %s", id, len(s), s)
		}
		// The payload alone (seed, count, picks, checksum) is small.
		if payload := s[strings.LastIndexByte(s, '.')+1:]; len(payload) > 40 {
			t.Errorf("60-pick payload is %d characters, want at most 40: %s", len(payload), payload)
		}
		t.Logf("%s: %d characters", s, len(s))
	}
}

func TestCodeEncodeRefuses(t *testing.T) {
	if _, err := (sim.Code{Scenario: "x", Version: 1, Picks: []int{0, 4}}).Encode(); err == nil {
		t.Error("a pick of 4 encodes")
	}
	if _, err := (sim.Code{Scenario: "x", Version: 1, Picks: []int{-1}}).Encode(); err == nil {
		t.Error("a pick of -1 encodes")
	}
	if _, err := (sim.Code{Scenario: "x", Version: 1, Picks: make([]int, sim.MaxCodePicks+1)}).Encode(); err == nil {
		t.Error("too many picks encode")
	}
}

// TestCodeTampered: changing any one character of the payload is caught,
// except in the last character's padding bits, which carry no data.
func TestCodeTampered(t *testing.T) {
	c := sim.Code{Scenario: "mini", Version: 3, Seed: 123456789, Picks: picksFor(30)}
	s, _ := c.Encode()
	dot := strings.LastIndexByte(s, '.')
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	for i := dot + 1; i < len(s); i++ {
		for _, r := range alphabet {
			if byte(r) == s[i] {
				continue
			}
			bad := s[:i] + string(r) + s[i+1:]
			got, err := sim.ParseCode(bad)
			if err == nil {
				if i == len(s)-1 && reflect.DeepEqual(got, c) {
					continue // padding bits only
				}
				t.Fatalf("tampered code %s (position %d) parses as %+v", bad, i, got)
			}
		}
	}
	// A changed scenario id or version is caught by the checksum too.
	for _, bad := range []string{"mina" + s[4:], strings.Replace(s, ".3.", ".4.", 1), strings.Replace(s, "mini.", "minі.", 1)} {
		if _, err := sim.ParseCode(bad); err == nil {
			t.Errorf("code with changed id or version %s parses", bad)
		}
	}
	// Dropping a character is caught.
	for _, bad := range []string{s[:len(s)-1], s[:dot+3] + s[dot+4:]} {
		if _, err := sim.ParseCode(bad); err == nil {
			t.Errorf("code with a character dropped %s parses", bad)
		}
	}
	_, err := sim.ParseCode(s[:dot+3] + "Z" + s[dot+4:])
	if err == nil || !strings.Contains(err.Error(), "checksum") && !strings.Contains(err.Error(), "cannot be read") {
		t.Errorf("a mistyped code gives %v; want a checksum error", err)
	}
}

// TestCodeExtraCharacter: a character typed after the end of a code is
// an error, not silently ignored (it carries whole bits no byte uses).
func TestCodeExtraCharacter(t *testing.T) {
	for n := 0; n < 40; n++ {
		s, _ := sim.Code{Scenario: "mini", Version: 3, Seed: uint64(n) * 7919, Picks: picksFor(n)}.Encode()
		for _, extra := range []string{"0", "7", "Z"} {
			if got, err := sim.ParseCode(s + extra); err == nil {
				t.Errorf("%s with %q appended parses as %+v", s, extra, got)
				return
			}
		}
	}
}

func TestCodeMalformed(t *testing.T) {
	for text, want := range map[string]string{
		"":                                   "two dots",
		"mini":                               "two dots",
		"mini.3":                             "two dots",
		"a.b.c.d":                            "two dots",
		".3.ABCDEFGH":                        "no scenario id",
		"mini.x.ABCDEFGH":                    "version",
		"mini.-1.ABCDEFGH":                   "version",
		"mini.99999999.ABCDEFGH":             "version",
		"mini.3.ABCU":                        "not used in run codes",
		"mini.3.AB!C":                        "not used in run codes",
		"mini.3.AB":                          "too short",
		"mini.3." + strings.Repeat("A", 500): "too long",
	} {
		_, err := sim.ParseCode(text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCode(%.40q) = %v; want an error saying %q", text, err, want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "run code") {
			t.Errorf("ParseCode error %q does not say it is about a run code", err)
		}
	}
}

// TestCodeTolerance: case, dashes, spaces and the look-alike letters O, I
// and L are forgiven.
func TestCodeTolerance(t *testing.T) {
	c := sim.Code{Scenario: "mini", Version: 3, Seed: 1010101, Picks: picksFor(24)}
	s, _ := c.Encode()
	dot := strings.LastIndexByte(s, '.')
	head, payload := s[:dot+1], s[dot+1:]
	var dashed strings.Builder
	for i, r := range payload {
		if i > 0 && i%4 == 0 {
			dashed.WriteByte('-')
		}
		dashed.WriteRune(r)
	}
	alias := strings.NewReplacer("0", "O", "1", "I").Replace(payload)
	aliasL := strings.NewReplacer("0", "o", "1", "l").Replace(payload)
	if alias == payload {
		t.Fatalf("test code %s has no 0 or 1 to alias; pick another seed", s)
	}
	for _, variant := range []string{
		strings.ToLower(s),
		strings.ToUpper(s),
		head + dashed.String(),
		"  " + head + strings.ReplaceAll(dashed.String(), "-", " ") + "\n",
		head + strings.ToLower(dashed.String()),
		head + alias,
		head + aliasL,
		"MINI. 3 ." + payload,
	} {
		got, err := sim.ParseCode(variant)
		if err != nil {
			t.Errorf("ParseCode(%q): %v", variant, err)
			continue
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("ParseCode(%q) = %+v, want %+v", variant, got, c)
		}
	}
}

// TestReplayForeign: a code for another scenario or another content
// version is refused by Replay with a clear reason.
func TestReplayForeign(t *testing.T) {
	sc := loadMini(t)
	_, err := sim.Replay(sc, sim.Code{Scenario: "startup_engineer", Version: sc.Version, Seed: 1}, sim.Options{})
	if err == nil || !strings.Contains(err.Error(), `"startup_engineer"`) || !strings.Contains(err.Error(), `"mini"`) {
		t.Errorf("foreign scenario: %v", err)
	}
	_, err = sim.Replay(sc, sim.Code{Scenario: "mini", Version: sc.Version + 1, Seed: 1}, sim.Options{})
	if err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("foreign version: %v", err)
	}
	// A pick the run cannot make is refused with its month.
	_, err = sim.Replay(sc, sim.Code{Scenario: "mini", Version: sc.Version, Seed: 1, Picks: []int{3}}, sim.Options{})
	if err == nil || !strings.Contains(err.Error(), "month 1") {
		t.Errorf("impossible pick: %v", err)
	}
	// Picks after the ending are refused.
	bot, _ := sim.NewBot(sc, "random")
	r := bot.Play(7, sim.Options{})
	code, _ := sim.ParseCode(r.Code())
	code.Picks = append(code.Picks, 0)
	if _, err := sim.Replay(sc, code, sim.Options{}); err == nil {
		t.Error("a code with a pick after the ending replays")
	}
}

// TestReplayMidRun: a code taken mid-run replays to the same month.
func TestReplayMidRun(t *testing.T) {
	sc := loadMini(t)
	r := sim.New(sc, 99, sim.Options{})
	for i := 0; i < 5 && !r.Done(); i++ {
		if _, err := r.Pick(0); err != nil {
			t.Fatal(err)
		}
	}
	code, err := sim.ParseCode(r.Code())
	if err != nil {
		t.Fatal(err)
	}
	again, err := sim.Replay(sc, code, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := stateText(t, r.State()), stateText(t, again.State()); a != b {
		t.Errorf("mid-run replay differs:\n%s\n%s", a, b)
	}
}

func TestSessionSeed(t *testing.T) {
	base, err := sim.SessionSeed("WORKSHOP-7")
	if err != nil {
		t.Fatal(err)
	}
	// The mapping must never change: a workshop's codes would stop matching.
	if base != 5753324403434789881 {
		t.Errorf("SessionSeed(WORKSHOP-7) = %d; it changed (was 5753324403434789881)", base)
	}
	for _, same := range []string{"workshop7", "Work Shop-7", " WORKSHOP 7 ", "w-o-r-k-s-h-o-p-7", "WORKSHOP\t7"} {
		if s, err := sim.SessionSeed(same); err != nil || s != base {
			t.Errorf("SessionSeed(%q) = %d, %v; want %d", same, s, err, base)
		}
	}
	// Every code of three characters and some of four: no two share a
	// seed (the 32-bit seeds did: EKV and ASI), and the seeds use all 64
	// bits.
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	seen := make(map[uint64]string, 150_000)
	var high uint64
	add := func(code string) {
		s, err := sim.SessionSeed(code)
		if err != nil {
			t.Fatalf("SessionSeed(%q): %v", code, err)
		}
		if prev, ok := seen[s]; ok {
			t.Fatalf("SessionSeed(%q) = SessionSeed(%q) = %d", code, prev, s)
		}
		seen[s] = code
		high |= s
	}
	for _, a := range alphabet {
		for _, b := range alphabet {
			for _, c := range alphabet {
				add(string([]rune{a, b, c}))
				for _, d := range alphabet[:2] {
					add(string([]rune{a, b, c, d}))
				}
			}
		}
	}
	add("A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6")
	if high>>32 == 0 {
		t.Errorf("no seed of %d uses the upper 32 bits", len(seen))
	}
	for _, bad := range []string{"", "AB", "- -", strings.Repeat("A", 33), "ABC!", "ÄBC", "AB.C"} {
		if _, err := sim.SessionSeed(bad); err == nil {
			t.Errorf("SessionSeed(%q) accepted", bad)
		}
	}
}
