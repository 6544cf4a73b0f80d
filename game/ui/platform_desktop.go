//go:build !js

package ui

import "time"

// canQuit reports whether the title screen offers Quit (a browser tab is
// closed by the browser).
const canQuit = true

// Words for how a player reloads scenarios on this platform.
const (
	reloadHow  = "press F5" // after fixing a file
	reloadHint = "F5 reloads your scenarios · drop .toml files on the window to play them"
	addHow     = "start with -scenarios DIR, or drop a .toml file here"
)

// idleWait pauses a frame while the player is away, so polling the
// devices costs almost nothing; sticky input keeps presses made during
// the pause.
func idleWait() { time.Sleep(50 * time.Millisecond) }
