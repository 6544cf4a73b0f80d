// Package ui is the Ebitengine game of Runway & Ladder: the screens a
// player sees, from the title to the ending, drawn with vector shapes and
// the Go fonts. The rules live in game/sim; this package only shows a run
// and passes the player's picks to it.
//
// The drawing, text, widgets and input live in game/ui/kit, which knows
// nothing of the game. This package holds the game's model (scenarios, the
// run, the history, the settings) and its screens, one file (or two) per
// screen. A Screen enters, updates with one kit.Input of intents per tick,
// draws, lists its targets and leaves; it owns its state, and gets the
// kit's context and the model on every call (Context).
package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// IdleMode says how the game spends the time it waits for the player.
type IdleMode int

// Idle modes.
const (
	// IdleThrottle redraws only when something changed and, after a second
	// without input, polls the devices 20 times a second. Every click and
	// key press is still seen (Update runs every frame and the input is
	// sticky), unlike Ebitengine's minimum-FPS mode, which can miss a
	// synthetic click.
	IdleThrottle IdleMode = iota
	// IdleDefault is Ebitengine's default: draw every frame. It exists to
	// measure what the throttle saves.
	IdleDefault
)

// Config is what the game needs from main.
type Config struct {
	// Bundled holds the scenarios that ship with the game (scenarios.FS).
	Bundled fs.FS
	// Dirs are folders of the player's own scenarios.
	Dirs []ScenarioDir
	// Store keeps the autosave, the settings and the history of runs.
	Store storage.Store
	// Seed returns the seed of a new run (not used for session runs).
	Seed func() uint64
	// Idle picks how the game waits for the player.
	Idle IdleMode
	// Screenshots, when set, makes the game write a PNG of every screen at
	// 1280x720 and 800x600 into this folder and quit.
	Screenshots string
	// FirstFrame, when set, is called once the first frame is drawn, with
	// the time it was drawn (the desktop's start-up measure).
	FirstFrame func(time.Time)
	// QuitAfterFirstFrame ends the game once the first frame is drawn.
	QuitAfterFirstFrame bool
}

// Screen is one screen of the game. It owns its state (focus, scroll,
// what it shows); the game's model and the kit's context come with every
// call. Adding a screen is one type with these six methods (embed
// plainScreen for an Enter and Leave that do nothing).
type Screen interface {
	// Name names the screen for the browser's test hook: "title", "month".
	Name() string
	// Enter is called when the screen becomes the current one, and again
	// when the game comes back to it.
	Enter(c *Context)
	// Leave is called when next takes the screen's place; a screen stops
	// its background work there unless next comes back to it.
	Leave(c *Context, next Screen)
	// Update handles one tick of input and returns the screen to show
	// next (itself to stay). An error ends the game.
	Update(c *Context, in kit.Input) (Screen, error)
	// Draw draws the screen; it fills all of dst.
	Draw(c *Context, dst *ebiten.Image)
	// Targets lists what the player can click or key now, from the layout
	// Update and Draw use (the browser's test hook and the tests read it).
	Targets(c *Context) []kit.Target
}

// plainScreen gives a screen an Enter and a Leave that do nothing.
type plainScreen struct{}

func (plainScreen) Enter(*Context)         {}
func (plainScreen) Leave(*Context, Screen) {}

// refresher is a screen that rebuilds itself after the scenarios reload.
type refresher interface{ refresh(c *Context) Screen }

// Context is what a screen gets on every call: the kit's context (painter,
// text, style, clock, motion) and the game's model.
type Context struct {
	*kit.Context
	*model
}

// Game is the Ebitengine game: it holds the current screen and passes
// each tick's input to it.
type Game struct {
	c          *Context
	screen     Screen
	dev        kit.Devices
	toast      kit.Toast
	dirty      bool
	lastActive time.Time
	shots      *director
	// plat is what the platform (the browser page) keeps between frames.
	plat platformState
	// drawnOnce is set after the first frame.
	drawnOnce bool
	// wantShot asks Draw to save the next frame (F12).
	wantShot bool
}

// New builds the game: fonts, the scenario library, the settings and the
// saved run. It returns an error only when the game cannot start at all.
func New(cfg Config) (*Game, error) {
	if cfg.Store == nil {
		cfg.Store = storage.NewMemory()
	}
	if cfg.Seed == nil {
		cfg.Seed = func() uint64 { return uint64(time.Now().UnixNano()) & 0xFFFFFFFF }
	}
	f, err := loadFonts()
	if err != nil {
		return nil, err
	}
	m, err := newModel(cfg)
	if err != nil {
		return nil, err
	}
	g := &Game{dirty: true}
	g.c = &Context{Context: kit.NewContext(f, kit.NewPainter()), model: m}
	g.c.Now = time.Now()
	m.say = func(msg string, bad bool) { g.toast.Say(g.c.Now, msg, bad) }
	g.c.Prefs = m.prefs()
	g.startPlatform()
	g.screen = newTitle(g.c)
	g.c.room = pageRoom()
	if g.c.room != nil {
		g.screen = newRoomWait(g.c) // a room's join link: the room's run
	}
	g.screen.Enter(g.c)
	if cfg.Screenshots != "" {
		g.shots = newDirector(cfg.Screenshots)
	}
	return g, nil
}

// SetUpWindow sets the window's title, size and the frame pacing of the
// idle mode. Call it once before ebiten.RunGame.
func (g *Game) SetUpWindow(w, h int) {
	ebiten.SetWindowTitle("Runway & Ladder")
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowSizeLimits(640, 480, -1, -1)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if g.c.cfg.Idle == IdleThrottle {
		// Update every frame, so sticky input is never lost between
		// ticks, and keep the last frame when nothing changed.
		ebiten.SetTPS(ebiten.SyncWithFPS)
		ebiten.SetScreenClearedEveryFrame(false)
	}
}

// Update implements ebiten.Game.
func (g *Game) Update() error {
	now := time.Now()
	in := kit.ReadInput(&g.dev, now, readDropped, pageDropped)
	if g.shots != nil {
		return g.shots.update(g)
	}
	if g.drawnOnce && g.c.cfg.QuitAfterFirstFrame {
		return ebiten.Termination
	}
	err := g.step(in)
	if g.c.cfg.Idle == IdleThrottle && !g.dirty && now.Sub(g.lastActive) > time.Second && !g.c.Animating(now) {
		idleWait()
	}
	return err
}

// step runs one tick of the game with the given input.
func (g *Game) step(in kit.Input) error {
	c := g.c
	c.Now = in.Now
	c.Prefs = c.prefs()
	if in.Active() {
		g.dirty = true
		g.lastActive = in.Now
	}
	if g.toast.Tick(in.Now) || c.Animating(in.Now) {
		g.dirty = true
	}
	if c.roomChanged() {
		g.dirty = true // the room was released, or its run came in
	}
	if c.hist.tasks.changed() {
		g.dirty = true // a background task shows its progress or result
	}
	c.pollEnding()
	c.pollImport()
	if in.Reload {
		c.reload("Reloaded")
		g.refresh()
	}
	in.Dropped = c.importDropped(in.Dropped) // history files; the rest are scenarios
	if len(in.Dropped) > 0 {
		c.lib.add(in.Dropped)
		c.reportDrop(in.Dropped)
		c.reloadedRun()
		g.refresh()
	}
	if in.Screenshot {
		g.wantShot = true
	}
	next, err := g.screen.Update(c, in)
	if err != nil {
		return err
	}
	c.Prefs = c.prefs() // a screen may have changed the settings
	if next != nil && next != g.screen {
		g.show(next)
	}
	return nil
}

// show makes next the current screen: the old one leaves, next enters,
// and the screens fade into each other.
func (g *Game) show(next Screen) {
	g.screen.Leave(g.c, next)
	g.screen = next
	next.Enter(g.c)
	g.dirty = true
	g.c.Fade(180 * time.Millisecond)
}

func (g *Game) refresh() {
	if r, ok := g.screen.(refresher); ok {
		g.screen = r.refresh(g.c)
	}
}

// Draw implements ebiten.Game. In the throttled idle mode the previous
// frame stays on screen when nothing changed.
func (g *Game) Draw(screen *ebiten.Image) {
	if g.shots != nil {
		g.shots.draw(g, screen)
		return
	}
	if !g.dirty && g.c.cfg.Idle == IdleThrottle {
		return
	}
	g.render(screen)
	g.dirty = false
	if !g.drawnOnce {
		g.drawnOnce = true
		if g.c.cfg.FirstFrame != nil {
			g.c.cfg.FirstFrame(time.Now())
		}
	}
	g.afterDraw()
	if g.wantShot {
		g.wantShot = false
		g.saveScreenshot(screen)
	}
}

// render draws the current screen and the overlays into dst.
func (g *Game) render(dst *ebiten.Image) {
	c := g.c
	b := dst.Bounds()
	c.W, c.H = float64(b.Dx()), float64(b.Dy())
	c.Prefs = c.prefs()
	st := c.Style()
	dst.Fill(st.Pal.Bg)
	g.screen.Draw(c, dst)
	g.toast.Draw(c.Context, dst)
	if t := c.FadeT(c.Now); t < 1 {
		c.Paint.FillRect(dst, c.Bounds(), kit.Alpha(st.Pal.Bg, 0.85*(1-t)))
	}
}

// LayoutF implements ebiten.LayoutFer: the screen has one pixel per device
// pixel, so text and shapes stay crisp on high-DPI displays.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	w, h := math.Ceil(outsideW*s), math.Ceil(outsideH*s)
	if w != g.c.W || h != g.c.H || s != g.c.DSF {
		g.c.W, g.c.H, g.c.DSF = w, h, s
		g.dirty = true
	}
	return w, h
}

// Layout implements ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// resize sets the screen size (tests and screenshots, outside the window).
func (g *Game) resize(w, h float64) {
	g.c.W, g.c.H, g.c.DSF = w, h, 1
	g.dirty = true
}

// saveScreenshot writes the screen as a PNG into the store (F12).
func (g *Game) saveScreenshot(screen *ebiten.Image) {
	c := g.c
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		c.say("Screenshot failed: "+err.Error(), true)
		return
	}
	name := fmt.Sprintf("screenshot-%s-%03d.png", c.Now.Format("20060102-150405"), c.Now.Nanosecond()/1e6)
	if err := c.store.Write(name, buf.Bytes()); err != nil {
		c.say("Screenshot failed: "+err.Error(), true)
		return
	}
	c.say("Saved "+name+" in "+c.store.Where()+".", false)
}
