// Package digest summarises many bot runs of every bundled scenario into
// one hash, so two builds (native and WebAssembly) can be compared.
package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Runs plays n runs per scenario of files (the bundled scenarios' folder)
// with each default bot and returns a hex digest of every run's code and
// final state. The folder is passed in because the browser build does not
// embed the scenarios: under Node.js the wasm reads them from disk.
func Runs(files fs.FS, n int) (string, error) {
	scs, errs := scenario.LoadBundled(files)
	if errs.HasErrors() {
		return "", errs
	}
	h := sha256.New()
	for _, sc := range scs {
		for _, name := range []string{"random", "typical", "cautious", "bold"} {
			bot, err := sim.NewBot(sc, name)
			if err != nil {
				return "", err
			}
			for i := 0; i < n; i++ {
				r := bot.Play(uint64(i)*7919+1, sim.Options{Record: true})
				state, err := sim.EncodeState(r.State())
				if err != nil {
					return "", err
				}
				fmt.Fprintf(h, "%s\n%s\n", r.Code(), state)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
