package sim_test

import (
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// TestInject: a shared event injected by a facilitator is the next month's
// card, is recorded in the state and the run code, and replays exactly.
func TestInject(t *testing.T) {
	sc := loadPhases(t)
	r := sim.New(sc, 9, sim.Options{Record: true})
	for _, tt := range []struct{ id, want string }{
		{"winterr", `has no event "winterr"`},
		{"work", `"work" is not a shared event`},
	} {
		if err := r.Inject(tt.id); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Inject(%q) = %v, want an error saying %q", tt.id, err, tt.want)
		}
	}
	for r.Month() < 4 {
		pickLabel(t, r, "")
	}
	if err := r.Inject("winter"); err != nil {
		t.Fatal(err)
	}
	if err := r.Inject("winter"); err == nil || !strings.Contains(err.Error(), "already waits for month 5") {
		t.Errorf("a second injection for the same month: %v", err)
	}
	pending := r.Code()
	if c, _ := sim.ParseCode(pending); len(c.Injected) != 1 || c.Injected[0].Month != 5 {
		t.Fatalf("code %s does not carry the pending shared event: %+v", pending, c.Injected)
	}
	pickLabel(t, r, "")
	if c := r.Card(); c.ID != "winter" || r.Month() != 5 {
		t.Fatalf("month %d shows %s, want the injected winter", r.Month(), c.ID)
	}
	// A pending injection in a code replays to the same state.
	code, _ := sim.ParseCode(pending)
	early, err := sim.Replay(sc, code, sim.Options{Record: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := early.PickIndex(0); err != nil {
		t.Fatal(err)
	}
	for r.Month() < 9 {
		pickLabel(t, r, "")
	}
	if err := r.Inject("winter"); err != nil {
		t.Fatal(err)
	}
	for !r.Done() {
		pickLabel(t, r, "")
	}
	if err := r.Inject("winter"); err != sim.ErrRunOver {
		t.Errorf("Inject after the ending: %v", err)
	}
	st := r.State()
	if len(st.Injected) != 2 || st.Injected[0].Month != 5 || st.Injected[1].Month != 10 {
		t.Fatalf("state records %+v", st.Injected)
	}
	winters := 0
	for _, s := range st.Steps {
		if s.Card.Kind == sim.CardEvent && sc.Events[s.Card.Index].ID == "winter" {
			winters++
		}
	}
	if winters != 2 {
		t.Fatalf("winter shown %d times, want the 2 injected", winters)
	}
	want := stateText(t, st)
	c, err := sim.ParseCode(r.Code())
	if err != nil {
		t.Fatalf("%s: %v", r.Code(), err)
	}
	again, err := sim.Replay(sc, c, sim.Options{Record: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := stateText(t, again.State()); got != want {
		t.Fatalf("replay of %s differs:\n%s", r.Code(), firstDiff(got, want))
	}
	data, _ := sim.EncodeState(st)
	back, err := sim.DecodeState(sc, data)
	if err != nil {
		t.Fatal(err)
	}
	if got := stateText(t, back.State()); got != want {
		t.Fatalf("save round trip differs:\n%s", firstDiff(got, want))
	}
	// Without the injections the same seed and picks are another run.
	c.Injected = nil
	if plain, err := sim.Replay(sc, c, sim.Options{Record: true}); err == nil && stateText(t, plain.State()) == want {
		t.Fatal("the injections made no difference")
	}
}

// TestInjectionCodes: codes without shared events are the version-1 codes
// they always were; codes with them round-trip, and bad ones are refused.
func TestInjectionCodes(t *testing.T) {
	plain := sim.Code{Scenario: "mini", Version: 3, Seed: 393, Picks: []int{0, 1, 2, 3, 1}}
	s1, err := plain.Encode()
	if err != nil {
		t.Fatal(err)
	}
	// (The golden transcripts hold version-1 codes made before shared
	// events existed, and replay them.)
	if c, err := sim.ParseCode(s1); err != nil || c.Injected != nil {
		t.Fatalf("plain code %s: %+v, %v", s1, c, err)
	}
	with := plain
	with.Injected = []sim.Injection{{Month: 2, Event: 7}, {Month: 5, Event: 300}}
	s2, err := with.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s2, s1[:len("mini.3.")]) || s2 == s1 {
		t.Fatalf("codes %s and %s", s1, s2)
	}
	back, err := sim.ParseCode(s2)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Injected) != 2 || back.Injected[1] != (sim.Injection{Month: 5, Event: 300}) || len(back.Picks) != 5 {
		t.Fatalf("parsed %+v", back)
	}
	for name, inj := range map[string][]sim.Injection{
		"month 1":      {{Month: 1, Event: 0}},
		"out of order": {{Month: 5, Event: 0}, {Month: 3, Event: 0}},
		"same month":   {{Month: 5, Event: 0}, {Month: 5, Event: 1}},
		"past the end": {{Month: 241, Event: 0}},
	} {
		bad := plain
		bad.Injected = inj
		if s, err := bad.Encode(); err == nil {
			t.Errorf("%s: encoded as %s", name, s)
		}
	}
	// A shared event the scenario does not have is refused on replay.
	sc := loadMini(t)
	c := sim.Code{Scenario: "mini", Version: 3, Seed: 1, Picks: []int{0}, Injected: []sim.Injection{{Month: 2, Event: 0}}}
	if _, err := sim.Replay(sc, c, sim.Options{}); err == nil || !strings.Contains(err.Error(), "not a shared event") {
		t.Errorf("replay with a non-shared event: %v", err)
	}
}
