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

func main() {
	n := 100
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	d, err := digest.Runs(n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "simdigest:", err)
		os.Exit(1)
	}
	fmt.Println(d)
}
