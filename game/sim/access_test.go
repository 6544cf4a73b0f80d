package sim_test

import (
	"reflect"
	"testing"

	"runwayladder/game/sim"
)

// TestAccessorsMatchState plays a run of every bundled scenario and checks
// that the accessors a frame reads (no copy) agree with the copied state
// after every month.
func TestAccessorsMatchState(t *testing.T) {
	for _, sc := range loadBundled(t) {
		r := sim.New(sc, 42, sim.Options{Record: true, Session: "LAB-1"})
		bot, err := sim.NewBot(sc, "typical")
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; !r.Done(); k++ {
			st := r.State()
			if r.Session() != st.Session || r.Played() != len(st.Steps) || !reflect.DeepEqual(r.Series(), st.Series) {
				t.Fatalf("%s month %d: session %q played %d, state says %q %d (series equal: %v)",
					sc.ID, r.Month(), r.Session(), r.Played(), st.Session, len(st.Steps), reflect.DeepEqual(r.Series(), st.Series))
			}
			if err := r.PickIndex(bot.Choose(r, k)); err != nil {
				t.Fatal(err)
			}
		}
		if r.Played() == 0 || len(r.Series()) != r.Played()+1 {
			t.Errorf("%s: %d months played, %d series rows", sc.ID, r.Played(), len(r.Series()))
		}
	}
}
