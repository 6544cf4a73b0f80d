package sim_test

import (
	"os"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// TestMigrateVersion1Saves: saves written by the build before format 2
// (state version 1; testdata/saves, mini.toml content 3) load, become
// version-2 runs, and play on; an edited version-1 save is still refused.
func TestMigrateVersion1Saves(t *testing.T) {
	sc := loadMini(t)
	for _, name := range []string{"v1_mid.json", "v1_end.json"} {
		data, err := os.ReadFile("testdata/saves/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `"v":1,`) {
			t.Fatalf("%s is not a version-1 save", name)
		}
		r, err := sim.DecodeState(sc, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		st := r.State()
		if st.V != sim.StateVersion {
			t.Errorf("%s: migrated state has version %d", name, st.V)
		}
		// The migrated run saves and loads as today's layout.
		again, err := sim.EncodeState(st)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sim.DecodeState(sc, again); err != nil {
			t.Errorf("%s: the migrated save does not load: %v", name, err)
		}
		if name == "v1_mid.json" {
			if len(st.FollowUps) == 0 || st.FollowUps[0].From == 0 {
				t.Errorf("migrated follow-ups do not know the month that scheduled them: %+v", st.FollowUps)
			}
			for !r.Done() {
				if _, err := r.Pick(0); err != nil {
					t.Fatalf("migrated run does not play on: %v", err)
				}
			}
		}
		edited := strings.Replace(string(data), `"seed":`, `"seed":1`, 1)
		if _, err := sim.DecodeState(sc, []byte(edited)); err == nil {
			t.Errorf("%s: an edited version-1 save was accepted", name)
		}
	}
}
