// Command simdigest prints a digest of many bot runs of every bundled
// scenario: their run codes, endings and final states. The cross-platform
// test builds it natively and as WebAssembly and compares the digests, to
// prove a run replays identically on the desktop and in the browser.
package main

import (
	"fmt"
	"os"
	"strconv"

	"runwayladder/internal/digest"
)

// Usage: simdigest SCENARIO_DIR [RUNS]. The folder is read from disk (the
// wasm build under Node.js reads it through Node's file system), because
// the browser build does not embed the bundled scenarios.
func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: simdigest SCENARIO_DIR [RUNS]")
		os.Exit(2)
	}
	n := 100
	if len(os.Args) > 2 {
		v, err := strconv.Atoi(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "simdigest: RUNS must be a whole number:", err)
			os.Exit(2)
		}
		n = v
	}
	d, err := digest.Runs(os.DirFS(os.Args[1]), n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "simdigest:", err)
		os.Exit(1)
	}
	fmt.Println(d)
}
