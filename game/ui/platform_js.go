//go:build js

package ui

// canQuit reports whether the title screen offers Quit (a browser tab is
// closed by the browser).
const canQuit = false

// idleWait does nothing in the browser: the page's animation frames pace
// the game, and skipping the redraw is what saves the work.
func idleWait() {}
