package webtest

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// Targets from the issue (what a workshop's Wi-Fi and patience allow),
// and the ceiling past which the size check fails: a regression guard set
// above today's size, since the target itself is not met yet (see the
// README's browser section for where the bytes go).
const (
	gzipTarget       = 4 << 20
	gzipCeiling      = 6 << 20
	firstFrameBudget = 1500 * time.Millisecond
)

// TestSizeAndFirstFrame reports the wasm's raw and gzipped size and the
// time from navigation to the game's first frame (each load in a fresh
// browser context, so nothing is cached), against the targets. It
// fails only far past them: sizes creep, and shared test machines are
// noisy. scripts/web-bench.sh runs
// it alone.
func TestSizeAndFirstFrame(t *testing.T) {
	setup(t)
	raw := fileSize(t, filepath.Join(site.dist, "runwayladder.wasm"))
	gz := fileSize(t, filepath.Join(site.dist, "runwayladder.wasm.gz"))
	t.Logf("wasm size: %.1f MB raw, %.2f MB gzipped (target %.0f MB gzipped)", mb(raw), mb(gz), mb(gzipTarget))
	switch {
	case gz > gzipCeiling:
		t.Errorf("the gzipped wasm is %.2f MB, over the %.0f MB ceiling", mb(gz), mb(gzipCeiling))
	case gz > gzipTarget:
		t.Logf("the gzipped wasm is over the %.0f MB target by %.2f MB", mb(gzipTarget), mb(gz-gzipTarget))
	}

	runs := 3
	if n, err := strconv.Atoi(os.Getenv("WEBTEST_BENCH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	var times []time.Duration
	for range runs {
		tb := newTab(t, 1280, 720)
		tb.open("/")
		ff := tb.firstFrame()
		var compiled float64
		tb.eval(`runwayLadder.compiledMs`, &compiled)
		t.Logf("load: wasm downloaded and compiled after %v, first frame after %v",
			time.Duration(compiled*float64(time.Millisecond)).Round(time.Millisecond), ff.Round(time.Millisecond))
		times = append(times, ff)
	}
	slices.Sort(times)
	med := times[len(times)/2]
	t.Logf("first frame: median %v of %d loads (min %v, max %v; budget %v)", med.Round(time.Millisecond), runs,
		times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), firstFrameBudget)
	if med > 5*firstFrameBudget {
		t.Errorf("first frame after %v, far over the %v budget", med, firstFrameBudget)
	} else if med > firstFrameBudget {
		t.Logf("first frame over the %v budget (is the machine busy?)", firstFrameBudget)
	}
}

func fileSize(t *testing.T, p string) int64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }
