package sim_test

import (
	"reflect"
	"testing"

	"runwayladder/game/sim"
)

// FuzzParseCode: the run-code reader never panics, and a code it accepts
// re-encodes to a canonical form that reads back to the same code.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{
		"mini.3.H41HWH25MG8H0M4H06RM0VG",
		"startup_engineer.1.7K3FQ2M9XW0A4H8TRC",
		"mini.3.000BA7NY",
		"MINI.3.h41h-wh25-mg8h-0m4h-06rm-0vg",
		"mini.3.O41HWH25MG8HOM4HO6RMOVG",
		"a.b.c",
		"..",
		"mini.65535.ZZZZZZZZZZZZZZZZ",
		"mini.3." + "ZZZZZZZZZZ",
		"phases_test.1.142G8082041GDNXZ94", // version 2: a shared event in month 3
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := sim.ParseCode(s)
		if err != nil {
			return
		}
		enc, err := c.Encode()
		if err != nil {
			t.Fatalf("ParseCode(%q) = %+v, which does not encode: %v", s, c, err)
		}
		c2, err := sim.ParseCode(enc)
		if err != nil {
			t.Fatalf("canonical code %q does not parse: %v", enc, err)
		}
		if c2.Scenario != c.Scenario || c2.Version != c.Version || c2.Seed != c.Seed || !reflect.DeepEqual(c2.Picks, c.Picks) || !reflect.DeepEqual(c2.Injected, c.Injected) {
			t.Fatalf("%q -> %+v -> %q -> %+v", s, c, enc, c2)
		}
		if enc2, _ := c2.Encode(); enc2 != enc {
			t.Fatalf("canonical form is not stable: %q then %q", enc, enc2)
		}
	})
}

// FuzzDecodeState: the save reader never panics on any bytes, and a save
// it accepts re-encodes identically (an older version's save as today's
// version), and that encoding is accepted again.
func FuzzDecodeState(f *testing.F) {
	sc := loadMini(f)
	bot, _ := sim.NewBot(sc, "random")
	for _, seed := range []uint64{1, 2, 3} {
		r := bot.Play(seed, sim.Options{Record: seed == 2})
		data, _ := sim.EncodeState(r.State())
		f.Add(data)
		r = sim.New(sc, seed, sim.Options{})
		data, _ = sim.EncodeState(r.State())
		f.Add(data)
	}
	f.Add([]byte(`{"v":1,"scenario":"mini","content":3,"seed":5,"steps":[{"pick":1}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := sim.DecodeState(sc, data)
		if err != nil {
			return
		}
		enc, err := sim.EncodeState(r.State())
		if err != nil {
			t.Fatal(err)
		}
		var in sim.State
		if err := jsonUnmarshal(data, &in); err != nil {
			t.Fatalf("accepted save does not unmarshal: %v", err)
		}
		canon, _ := sim.EncodeState(&in)
		if in.V != sim.StateVersion {
			if r.State().V != sim.StateVersion {
				t.Fatalf("a version-%d save was accepted without migration", in.V)
			}
		} else if string(canon) != string(enc) {
			t.Fatalf("accepted save re-encodes differently:\n%s\n%s", canon, enc)
		}
		r2, err := sim.DecodeState(sc, enc)
		if err != nil {
			t.Fatalf("re-encoded save refused: %v", err)
		}
		if enc2, _ := sim.EncodeState(r2.State()); string(enc2) != string(enc) {
			t.Fatalf("second round trip differs")
		}
		// An accepted save plays on.
		if !r2.Done() {
			if cs := r2.Choices(); len(cs) > 0 {
				for _, c := range cs {
					if c.Available {
						if _, err := r2.Pick(indexOf(cs, c.Index)); err != nil {
							t.Fatalf("resumed save refuses an available choice: %v", err)
						}
						break
					}
				}
			}
		}
	})
}

func indexOf(cs []sim.ChoiceView, full int) int {
	for i, c := range cs {
		if c.Index == full {
			return i
		}
	}
	return -1
}
