package ui

import (
	"context"
	"sync/atomic"
	"time"
)

// Slow, pure work (bot baselines, what-if analyses) runs in goroutines so
// the game loop never waits for it. A task reports its progress through
// atomics and hands its result over a channel; the screen that started it
// takes the result on the game goroutine, in Update, and is the only one
// that touches storage with it.

// tasks counts the background tasks of the game, so the game keeps
// drawing while one runs (its progress shows) and draws once more when
// one finishes, even in the throttled idle mode and with reduced motion.
type tasks struct {
	running atomic.Int32
	// ticks counts progress reports and finishes; the game redraws when
	// it moved since the last frame.
	ticks atomic.Int64
	seen  int64
}

// changed reports whether a task runs or reported since the last call.
// It is called once per tick from Game.step; nil means no tasks.
func (t *tasks) changed() bool {
	if t == nil {
		return false
	}
	n := t.ticks.Load()
	moved := n != t.seen
	t.seen = n
	return moved || t.running.Load() > 0
}

// task is one piece of background work with a result of type T.
type task[T any] struct {
	cancel context.CancelFunc
	done   chan struct{}
	res    T
	err    error
	// progress is done<<32 | total.
	progress atomic.Uint64
	started  time.Time
	// took is how long the work took; read it once the task has ended.
	took time.Duration
}

// startTask runs f in a goroutine. f gets a context that stop cancels
// and a progress callback it may call from any goroutine.
func startTask[T any](ts *tasks, f func(ctx context.Context, progress func(done, total int)) (T, error)) *task[T] {
	ctx, cancel := context.WithCancel(context.Background())
	t := &task[T]{cancel: cancel, done: make(chan struct{}), started: time.Now()}
	if ts != nil {
		ts.running.Add(1)
	}
	go func() {
		defer func() {
			t.took = time.Since(t.started)
			if ts != nil {
				ts.running.Add(-1)
				ts.ticks.Add(1)
			}
			close(t.done)
		}()
		t.res, t.err = f(ctx, func(done, total int) {
			t.progress.Store(uint64(uint32(done))<<32 | uint64(uint32(total)))
			if ts != nil {
				ts.ticks.Add(1)
			}
			yieldCPU()
		})
	}()
	return t
}

// finished reports whether the task has ended (nil: no task).
func (t *task[T]) finished() bool {
	if t == nil {
		return false
	}
	select {
	case <-t.done:
		return true
	default:
		return false
	}
}

// result returns the result once the task has ended; ok is false while it
// runs. Call it on the game goroutine.
func (t *task[T]) result() (res T, err error, ok bool) {
	if !t.finished() {
		return res, nil, false
	}
	return t.res, t.err, true
}

// fraction is the progress so far: work done of a total (0, 0 before the
// first report).
func (t *task[T]) fraction() (done, total int) {
	if t == nil {
		return 0, 0
	}
	p := t.progress.Load()
	return int(p >> 32), int(uint32(p))
}

// stop cancels the task; it ends soon after (its result is then the
// context's error). Safe on nil and on a finished task.
func (t *task[T]) stop() {
	if t != nil {
		t.cancel()
	}
}

// wait blocks until the task ends or d passes, and reports whether it
// ended. Only the screenshot script and tests wait.
func (t *task[T]) wait(d time.Duration) bool {
	if t == nil {
		return true
	}
	select {
	case <-t.done:
		return true
	case <-time.After(d):
		return false
	}
}
