// Command runwayladder is the Runway & Ladder game: live an AI/ML career
// month by month. It wires flags, scenarios and storage to the game in
// game/ui; the rules live in game/sim.
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/ui"
	"runwayladder/scenarios"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "runwayladder:", err)
		os.Exit(1)
	}
}

func run() error {
	start := time.Now()
	dir := flag.String("scenarios", "", "a folder of your own scenario files (*.toml); F5 reloads it")
	shots := flag.String("screenshots", "", "write a PNG of every screen at 1280x720 and 800x600 into this folder, then quit")
	size := flag.String("size", "1280x720", "window size, WxH")
	firstFrame := flag.Bool("first-frame", false, "print the time from start to the first frame drawn, then quit (scripts/desktop-bench.sh)")
	idle := flag.String("idle", "throttle", "how to wait for the player: throttle (redraw only on change) or default (Ebitengine's, for comparison)")
	flag.Parse()

	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 320 || h < 240 {
		return fmt.Errorf("-size %q: want WxH, e.g. 1280x720", *size)
	}
	// 32-bit seeds keep run codes short enough to type.
	seed := func() uint64 { return rand.Uint64() & 0xFFFFFFFF }
	cfg := ui.Config{Bundled: scenarios.FS, Seed: seed, Screenshots: *shots}
	if *firstFrame {
		cfg.QuitAfterFirstFrame = true
		cfg.FirstFrame = func(at time.Time) {
			fmt.Printf("first frame: %.0f ms after main started (unix ns %d)\n", float64(at.Sub(start).Microseconds())/1000, at.UnixNano())
		}
	}
	switch *idle {
	case "throttle":
		cfg.Idle = ui.IdleThrottle
	case "default":
		cfg.Idle = ui.IdleDefault
	default:
		return fmt.Errorf("-idle %q: want throttle or default", *idle)
	}
	store, userDir, err := openStore()
	if err != nil {
		fmt.Fprintln(os.Stderr, "runwayladder: saves will not be kept:", err)
	}
	cfg.Store = store
	if *dir != "" {
		cfg.Dirs = append(cfg.Dirs, ui.ScenarioDir{Path: *dir})
	}
	if userDir != "" {
		cfg.Dirs = append(cfg.Dirs, ui.ScenarioDir{Path: userDir, Optional: true})
	}
	g, err := ui.New(cfg)
	if err != nil {
		return err
	}
	g.SetUpWindow(w, h)
	if err := ebiten.RunGame(g); err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	return nil
}
