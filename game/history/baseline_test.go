package history

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"testing"

	"runwayladder/game/sim"
)

func TestBaselineIsDeterministic(t *testing.T) {
	for _, sc := range bundled(t) {
		key := NewBaselineKey(sc, "typical", 120, 7)
		a, err := ComputeBaseline(context.Background(), sc, key)
		if err != nil {
			t.Fatal(err)
		}
		prev := runtime.GOMAXPROCS(1)
		b, err := ComputeBaseline(context.Background(), sc, key)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: baseline differs between runs (or worker counts)", sc.ID)
		}
		if a.Summary.Count != 120 || len(a.Samples) != 120 {
			t.Fatalf("%s: %d samples", sc.ID, len(a.Samples))
		}
		// Each sample replays from its code to its outcome.
		for _, i := range []int{0, 57, 119} {
			c, err := sim.ParseCode(a.Samples[i].Code)
			if err != nil {
				t.Fatal(err)
			}
			r, err := sim.Replay(sc, c, sim.Options{})
			if err != nil || r.Outcome() != a.Samples[i].Outcome {
				t.Fatalf("%s: sample %d does not replay: %v", sc.ID, i, err)
			}
		}
	}
}

// The baseline plays the same runs as the balance tool with the same seed.
// Only the first run is compared: sim.Balance reuses a bot across a
// worker's runs, and a bot can carry state from one run to the next (its
// odds buffer), so Balance's later runs depend on what the bot played
// before; the baseline gives each run a fresh bot.
func TestBaselineMatchesBalance(t *testing.T) {
	for _, sc := range bundled(t) {
		b, err := ComputeBaseline(context.Background(), sc, NewBaselineKey(sc, "typical", 1, 3))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := sim.Balance(sc, sim.BalanceConfig{Runs: 1, Seed: 3, Bot: "typical", Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.SampleCodes) == 0 || rep.SampleCodes[0] != b.Samples[0].Code {
			t.Errorf("%s: balance's first run %v, the baseline's %s", sc.ID, rep.SampleCodes, b.Samples[0].Code)
		}
		if got, want := b.Summary.Axis(0).Min, rep.Axes[0].Min; got != want {
			t.Errorf("%s: wealth %v, balance %v", sc.ID, got, want)
		}
	}
}

func TestBaselineCache(t *testing.T) {
	sc := bundled(t)[0]
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			h := Open(st)
			key := NewBaselineKey(sc, "random", 50, DefaultBaselineSeed)
			if _, ok := h.CachedBaseline(key); ok {
				t.Fatal("empty store has a cached baseline")
			}
			b, err := h.Baseline(context.Background(), sc, key)
			if err != nil {
				t.Fatal(err)
			}
			c, ok := Open(st).CachedBaseline(key)
			if !ok || !reflect.DeepEqual(b, c) {
				t.Fatal("the cached baseline does not read back equal")
			}
			for _, other := range []BaselineKey{
				NewBaselineKey(sc, "typical", 50, DefaultBaselineSeed),
				NewBaselineKey(sc, "random", 51, DefaultBaselineSeed),
				NewBaselineKey(sc, "random", 50, 2),
				{Scenario: sc.ID, Version: sc.Version + 1, Bot: "random", Runs: 50, Seed: DefaultBaselineSeed},
			} {
				if _, ok := h.CachedBaseline(other); ok {
					t.Errorf("key %v found the cache of %v", other, key)
				}
			}
			// A damaged cache is recomputed, not trusted.
			_ = st.Write(key.docName(), []byte(`{"v":1,"key":`))
			if _, ok := h.CachedBaseline(key); ok {
				t.Fatal("a damaged cache was read")
			}
			again, err := h.Baseline(context.Background(), sc, key)
			if err != nil || !reflect.DeepEqual(again, b) {
				t.Fatalf("recomputed baseline differs: %v", err)
			}
		})
	}
}

func TestBaselineErrors(t *testing.T) {
	sc := bundled(t)[0]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ComputeBaseline(ctx, sc, NewBaselineKey(sc, "typical", 300, 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled = %v", err)
	}
	bad := []BaselineKey{
		NewBaselineKey(sc, "nobody", 10, 1),
		NewBaselineKey(sc, "typical", 0, 1),
		NewBaselineKey(sc, "typical", maxBaselineRuns+1, 1),
		{Scenario: "other", Version: sc.Version, Bot: "typical", Runs: 10},
	}
	for _, k := range bad {
		if _, err := ComputeBaseline(context.Background(), sc, k); err == nil {
			t.Errorf("key %v accepted", k)
		}
	}
	if _, err := ComputeBaseline(context.Background(), nil, bad[0]); err == nil {
		t.Error("nil scenario accepted")
	}
}

func BenchmarkBaseline300(b *testing.B) {
	for _, sc := range bundled(b) {
		for _, bot := range BaselineBots {
			b.Run(sc.ID+"/"+bot, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := ComputeBaseline(context.Background(), sc, NewBaselineKey(sc, bot, DefaultBaselineRuns, uint64(i))); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
