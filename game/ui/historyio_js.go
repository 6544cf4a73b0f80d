//go:build js

package ui

import (
	"errors"
	"sync/atomic"
	"time"
)

// whatIfRuns is how many times the ending's what-if plays on from each
// option of a decision: fewer in the browser, which has one core.
const whatIfRuns = 60

// canImportPath reports whether the import screen can read a file by its
// path (the desktop can; a browser page cannot).
const canImportPath = false

// baselineRuns is how many runs a bot plays for a path's baseline: fewer
// in the browser (one core, no preemption), still enough for quartiles.
const baselineRuns = 100

// lastYield is when background work last let the page run.
var lastYield atomic.Int64

// yieldCPU lets the page's frames run between pieces of background work.
// WebAssembly goroutines are not preempted and the page only gets control
// back when every goroutine waits, so busy work sleeps a moment now and
// then (at most every 20 ms).
func yieldCPU() {
	now := time.Now().UnixNano()
	if now-lastYield.Load() < int64(20*time.Millisecond) {
		return
	}
	lastYield.Store(now)
	time.Sleep(time.Millisecond)
}

// exportFiles offers each file of an export as a download.
func exportFiles(_ *model, files []exportFile) (string, error) {
	for _, f := range files {
		if err := webDownload(f.name, f.mime, f.data); err != nil {
			return "", err
		}
	}
	return "(see your downloads)", nil
}

// readImportPath cannot read the player's disk in a browser.
func readImportPath(string) ([]byte, error) {
	return nil, errors.New("a web page cannot read a file by its path: drop the file on the page")
}
