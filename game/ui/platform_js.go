//go:build js

package ui

// canQuit reports whether the title screen offers Quit (a browser tab is
// closed by the browser).
const canQuit = false

// Words for how a player reloads scenarios on this platform: the page
// keeps F5 for itself, so a fixed file is dropped again.
const (
	reloadHow  = "drop the fixed file on the page again"
	reloadHint = "drop .toml files on the page to play them"
	addHow     = "drop a .toml file on the page"
)

// idleWait does nothing in the browser: the page's animation frames pace
// the game, and skipping the redraw is what saves the work.
func idleWait() {}
