//go:build !js

package ui

import "time"

// canQuit reports whether the title screen offers Quit (a browser tab is
// closed by the browser).
const canQuit = true

// idleWait pauses a frame while the player is away, so polling the
// devices costs almost nothing; sticky input keeps presses made during
// the pause.
func idleWait() { time.Sleep(50 * time.Millisecond) }
