//go:build js

package ui

import (
	"errors"
	"runtime"
)

// whatIfRuns is how many times the ending's what-if plays on from each
// option of a decision: fewer in the browser, which has one core.
const whatIfRuns = 60

// canImportPath reports whether the import screen can read a file by its
// path (the desktop can; a browser page cannot).
const canImportPath = false

// yieldCPU lets the page's frames run between pieces of background work:
// WebAssembly goroutines are not preempted.
func yieldCPU() { runtime.Gosched() }

// exportFiles offers each file of an export as a download.
func exportFiles(_ *app, files []exportFile) (string, error) {
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
