package sim

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach runs work for every index in [0, n) on up to workers goroutines
// (GOMAXPROCS when workers <= 0), each index once, in no set order: work
// must put its result at its index, so nothing depends on scheduling.
// newWorker is called once per goroutine and returns its work function,
// so a worker can keep its own scratch (a bot) without sharing it. ForEach
// stops early when ctx is done or work fails, and returns ctx's error or
// the first failure. Balance, baselines and what-if analyses share it.
func ForEach(ctx context.Context, n, workers int, newWorker func() func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(n, 1))
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for ctx.Err() == nil && failed.Load() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := work(i); err != nil {
					failed.CompareAndSwap(nil, &err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := failed.Load(); err != nil {
		return *err
	}
	return nil
}
