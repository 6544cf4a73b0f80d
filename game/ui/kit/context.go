package kit

import (
	"math"
	"time"
)

// Prefs are the player's display preferences the kit draws by.
type Prefs struct {
	TextSize      TextSize
	HighContrast  bool
	ReducedMotion bool
}

// Context is what every widget draws and measures with: the painter, the
// text wrapper, the window's size and scale, the player's preferences and
// the clock of the tick. The game owns one and hands it to its screens on
// every Update and Draw; widgets never keep it.
type Context struct {
	Paint *Painter
	Wrap  *Wrapper
	// W and H are the window's size in device pixels; DSF is the device
	// scale factor.
	W, H, DSF float64
	Prefs     Prefs
	// Now is the time of the tick being handled or drawn.
	Now time.Time
	// Motion is the fade between screens and the screens' own animations.
	Motion Motion

	fonts *Fonts
	st    *Style
	stKey [3]float64
	stHi  bool
}

// NewContext makes a context for a 1280x720 window at scale 1.
func NewContext(f *Fonts, p *Painter) *Context {
	return &Context{Paint: p, Wrap: NewWrapper(), W: 1280, H: 720, DSF: 1, fonts: f, Prefs: Prefs{TextSize: TextNormal}}
}

// Fonts returns the fonts the context draws with.
func (c *Context) Fonts() *Fonts { return c.fonts }

// Bounds is the whole window.
func (c *Context) Bounds() Rect { return Rect{0, 0, c.W, c.H} }

// Style returns the style for the current size and preferences, made
// again only when they change.
func (c *Context) Style() *Style {
	key := [3]float64{c.W, c.H, c.DSF*10 + float64(c.Prefs.TextSize)}
	if c.st == nil || key != c.stKey || c.stHi != c.Prefs.HighContrast {
		pal := DuskPalette()
		if c.Prefs.HighContrast {
			pal = ContrastPalette()
		}
		c.st = NewStyle(c.fonts, UnitFor(c.W, c.H, c.DSF, c.Prefs.TextSize), pal, c.Prefs.HighContrast)
		c.stKey, c.stHi = key, c.Prefs.HighContrast
	}
	return c.st
}

// Motion keeps the short animations: the fade between screens and a
// screen's own (counting numbers). With reduced motion there are none.
type Motion struct {
	start, until time.Time // the fade between screens
	busy         time.Time // a screen's own animation
}

// Fade starts the fade into a new screen.
func (c *Context) Fade(d time.Duration) {
	if c.Prefs.ReducedMotion {
		return
	}
	c.Motion.start, c.Motion.until = c.Now, c.Now.Add(d)
}

// KeepDrawing asks for frames for d while a screen animates its content.
func (c *Context) KeepDrawing(d time.Duration) {
	if c.Prefs.ReducedMotion {
		return
	}
	if until := c.Now.Add(d); until.After(c.Motion.busy) {
		c.Motion.busy = until
	}
}

// Animating reports whether an animation runs at now.
func (c *Context) Animating(now time.Time) bool {
	return now.Before(c.Motion.until) || now.Before(c.Motion.busy)
}

// StopMotion ends every animation (screenshots show the settled screen).
func (c *Context) StopMotion() { c.Motion = Motion{} }

// FadeT is the progress of the fade between screens, 0-1, eased (1 when
// none runs).
func (c *Context) FadeT(now time.Time) float64 {
	if !now.Before(c.Motion.until) || c.Prefs.ReducedMotion {
		return 1
	}
	total := c.Motion.until.Sub(c.Motion.start).Seconds()
	if total <= 0 {
		return 1
	}
	t := Clamp01(now.Sub(c.Motion.start).Seconds() / total)
	return 1 - math.Pow(1-t, 3)
}

// Progress is how far an animation of length d started at start has come
// at the context's clock, eased, 0-1 (1 with reduced motion).
func (c *Context) Progress(start time.Time, d time.Duration) float64 {
	if c.Prefs.ReducedMotion {
		return 1
	}
	t := Clamp01(c.Now.Sub(start).Seconds() / d.Seconds())
	return 1 - math.Pow(1-t, 3)
}
