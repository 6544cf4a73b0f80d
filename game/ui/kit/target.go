package kit

// Target is something on screen the player can click or key: its label,
// the key that does the same ("1"-"4", "Esc", "C"), its rectangle in
// device pixels and whether it is enabled. A target scrolled out of view
// has a zero rectangle and still its key. Screens list their targets from
// the layout they draw and hit-test with, so the browser build's test hook
// and the tests read them instead of working the buttons out again.
type Target struct {
	Label   string
	Key     string
	R       Rect
	Enabled bool
}

// Visible reports whether the target can be clicked (it has an area).
func (t Target) Visible() bool { return t.R.W > 0 && t.R.H > 0 }
