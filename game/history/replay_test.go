package history

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"runwayladder/game/sim"
)

func TestReplayAndEnrich(t *testing.T) {
	for _, sc := range bundled(t) {
		rec := played(t, sc, "random", 1)[0]
		run, err := rec.Replay(sc)
		if err != nil {
			t.Fatal(err)
		}
		if run.Code() != rec.Code || run.Outcome() != rec.Outcome() || run.State().Series == nil {
			t.Fatalf("%s: replay does not give the recorded run", sc.ID)
		}
		// What a CSV import or a version 0 record lacks comes back.
		bare := rec
		bare.ScenarioTitle, bare.Track, bare.EndingTitle, bare.JobTitle, bare.Timeline = "", "", "", "", nil
		if err := bare.Enrich(sc); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(bare, rec) {
			t.Fatalf("%s: enriched record\n got %+v\nwant %+v", sc.ID, bare, rec)
		}
	}
	sc := bundled(t)[0]
	other := played(t, sc, "random", 1)[0]
	c, _ := sim.ParseCode(other.Code)
	c.Version++
	other.Code, _ = c.Encode()
	other.Content = c.Version
	if _, err := other.Replay(sc); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("a record of another content version: %v", err)
	}
}

func TestBotHistory(t *testing.T) {
	scs := bundled(t)
	a, err := BotHistory(scs, "typical", 5, 9, t0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := BotHistory(scs, "typical", 5, 9, t0)
	if len(a) != 5*len(scs) || !reflect.DeepEqual(a, b) {
		t.Fatalf("BotHistory: %d records, deterministic %v", len(a), reflect.DeepEqual(a, b))
	}
	if !a[len(a)-1].FinishedAt.Equal(t0.Add(time.Duration(len(a)-1) * time.Minute)) {
		t.Errorf("last run finished at %v", a[len(a)-1].FinishedAt)
	}
	if _, err := BotHistory(scs, "nobody", 1, 1, t0); err == nil {
		t.Error("unknown bot accepted")
	}
}
