package sim_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"runwayladder/game/sim"
)

func TestForEach(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 100} {
		seen := make([]atomic.Int32, 1000)
		var made atomic.Int32
		err := sim.ForEach(context.Background(), len(seen), workers, func() func(int) error {
			made.Add(1)
			return func(i int) error { seen[i].Add(1); return nil }
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if n := seen[i].Load(); n != 1 {
				t.Fatalf("%d workers: index %d done %d times", workers, i, n)
			}
		}
		if workers > 0 && int(made.Load()) > workers {
			t.Errorf("%d workers asked, %d made", workers, made.Load())
		}
	}
	boom := errors.New("boom")
	var after atomic.Int32
	err := sim.ForEach(context.Background(), 10_000, 2, func() func(int) error {
		return func(i int) error {
			if i == 10 {
				return boom
			}
			if i > 5000 {
				after.Add(1)
			}
			return nil
		}
	})
	if !errors.Is(err, boom) || after.Load() > 100 {
		t.Errorf("a failure: %v, %d indices done after it", err, after.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sim.ForEach(ctx, 10, 2, func() func(int) error { return func(int) error { return nil } }); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: %v", err)
	}
	if err := sim.ForEach(context.Background(), 0, 4, func() func(int) error { return func(int) error { return boom } }); err != nil {
		t.Errorf("no work: %v", err)
	}
}
