// Package ui is the Ebitengine game of Runway & Ladder: the screens a
// player sees, from the title to the ending, drawn with vector shapes and
// the Go fonts. The rules live in game/sim; this package only shows a run
// and passes the player's picks to it.
//
// Each screen is an Update(Input) (next Screen, error) and a Draw. Input is
// one value of intents per tick, built by readInput, the only function
// that reads devices, so tests drive screens by feeding Input values.
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

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
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

// Screen is one screen of the game.
type Screen interface {
	// Update handles one tick of input and returns the screen to show
	// next (itself to stay). An error ends the game.
	Update(in Input) (Screen, error)
	// Draw draws the screen; it fills all of dst.
	Draw(dst *ebiten.Image)
}

// refresher is a screen that rebuilds itself after the scenarios reload.
type refresher interface{ refresh() Screen }

// app is what every screen shares: fonts, the painter, the store, the
// scenario library, the settings, the run in progress and the window size.
type app struct {
	cfg      Config
	fonts    *fonts
	paint    *painter
	wrap     *wrapper
	lib      *library
	store    storage.Store
	history  *history.Store
	hist     histState
	settings Settings

	w, h, dsf float64
	st        *style
	stKey     [3]float64
	stHigh    bool

	run       *sim.Run
	saveKeep  bool   // the save belongs to a scenario not loaded: keep it
	notice    string // a problem with the saved run, for the title
	settingsE string // a problem reading or writing the settings

	now        time.Time
	toast      string
	toastBad   bool
	toastUntil time.Time
	animStart  time.Time
	animUntil  time.Time // the fade between screens
	busyUntil  time.Time // a screen's own animation
	// session is the workshop session code for the next run, if any.
	session string
	// wantShot asks Draw to save the next frame (F12).
	wantShot bool
}

// Game is the Ebitengine game: it holds the current screen and passes
// each tick's input to it.
type Game struct {
	a          *app
	screen     Screen
	dev        deviceState
	dirty      bool
	lastActive time.Time
	shots      *director
	// plat is what the platform (the browser page) keeps between frames.
	plat platformState
	// drawnOnce is set after the first frame.
	drawnOnce bool
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
	a := &app{cfg: cfg, fonts: f, paint: newPainter(), wrap: newWrapper(), store: cfg.Store,
		history: history.Open(cfg.Store), w: 1280, h: 720, dsf: 1, now: time.Now()}
	a.lib = newLibrary(cfg.Bundled, cfg.Dirs)
	if len(a.lib.all) == 0 && len(a.lib.errs) == 0 {
		return nil, errNoScenarios
	}
	a.settings, err = loadSettings(cfg.Store)
	if err != nil {
		a.settingsE = err.Error()
	}
	saved := loadRun(cfg.Store, a.lib)
	a.run, a.notice, a.saveKeep = saved.run, saved.notice, saved.keep
	a.loadHistory()
	g := &Game{a: a, dirty: true}
	g.startPlatform()
	g.screen = newTitle(a)
	if cfg.Screenshots != "" {
		g.shots = newDirector(a, cfg.Screenshots)
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
	if g.a.cfg.Idle == IdleThrottle {
		// Update every frame, so sticky input is never lost between
		// ticks, and keep the last frame when nothing changed.
		ebiten.SetTPS(ebiten.SyncWithFPS)
		ebiten.SetScreenClearedEveryFrame(false)
	}
}

// Update implements ebiten.Game.
func (g *Game) Update() error {
	now := time.Now()
	in := readInput(&g.dev, now)
	if g.shots != nil {
		return g.shots.update(g)
	}
	if g.drawnOnce && g.a.cfg.QuitAfterFirstFrame {
		return ebiten.Termination
	}
	err := g.step(in)
	if g.a.cfg.Idle == IdleThrottle && !g.dirty && now.Sub(g.lastActive) > time.Second && !g.a.animating(now) {
		idleWait()
	}
	return err
}

// step runs one tick of the game with the given input.
func (g *Game) step(in Input) error {
	a := g.a
	a.now = in.Now
	if in.active() {
		g.dirty = true
		g.lastActive = in.Now
	}
	if a.animating(in.Now) || a.toast != "" {
		g.dirty = true
		if !in.Now.Before(a.toastUntil) {
			a.toast = ""
		}
	}
	if a.hist.tasks.changed() {
		g.dirty = true // a background task shows its progress or result
	}
	if in.Reload {
		a.reload("Reloaded")
		g.refresh()
	}
	in.Dropped = a.importDropped(in.Dropped) // history files; the rest are scenarios
	if len(in.Dropped) > 0 {
		a.lib.add(in.Dropped)
		a.reportDrop(in.Dropped)
		a.reloadedRun()
		g.refresh()
	}
	if in.Screenshot {
		g.a.wantShot = true
	}
	next, err := g.screen.Update(in)
	if err != nil {
		return err
	}
	if next != nil && next != g.screen {
		g.screen = next
		g.dirty = true
		a.startAnim(in.Now, 180*time.Millisecond)
	}
	return nil
}

func (g *Game) refresh() {
	if r, ok := g.screen.(refresher); ok {
		g.screen = r.refresh()
	}
}

// Draw implements ebiten.Game. In the throttled idle mode the previous
// frame stays on screen when nothing changed.
func (g *Game) Draw(screen *ebiten.Image) {
	if g.shots != nil {
		g.shots.draw(g, screen)
		return
	}
	if !g.dirty && g.a.cfg.Idle == IdleThrottle {
		return
	}
	g.render(screen)
	g.dirty = false
	if !g.drawnOnce {
		g.drawnOnce = true
		if g.a.cfg.FirstFrame != nil {
			g.a.cfg.FirstFrame(time.Now())
		}
	}
	g.afterDraw()
	if g.a.wantShot {
		g.a.wantShot = false
		g.a.saveScreenshot(screen)
	}
}

// render draws the current screen and the overlays into dst.
func (g *Game) render(dst *ebiten.Image) {
	a := g.a
	b := dst.Bounds()
	a.w, a.h = float64(b.Dx()), float64(b.Dy())
	st := a.style()
	dst.Fill(st.pal.Bg)
	g.screen.Draw(dst)
	a.drawToast(dst)
	if t := a.animT(a.now); t < 1 {
		a.paint.rect(dst, Rect{0, 0, a.w, a.h}, alpha(st.pal.Bg, 0.85*(1-t)))
	}
}

// LayoutF implements ebiten.LayoutFer: the screen has one pixel per device
// pixel, so text and shapes stay crisp on high-DPI displays.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	w, h := math.Ceil(outsideW*s), math.Ceil(outsideH*s)
	if w != g.a.w || h != g.a.h || s != g.a.dsf {
		g.a.w, g.a.h, g.a.dsf = w, h, s
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
	g.a.w, g.a.h, g.a.dsf = w, h, 1
	g.dirty = true
}

// bounds is the whole screen.
func (a *app) bounds() Rect { return Rect{0, 0, a.w, a.h} }

// style returns the style for the current size and settings.
func (a *app) style() *style {
	key := [3]float64{a.w, a.h, a.dsf*10 + float64(a.settings.TextSize)}
	if a.st == nil || key != a.stKey || a.stHigh != a.settings.HighContrast {
		pal := duskPalette()
		if a.settings.HighContrast {
			pal = contrastPalette()
		}
		a.st = newStyle(a.fonts, unitFor(a.w, a.h, a.dsf, a.settings.TextSize), pal)
		a.stKey, a.stHigh = key, a.settings.HighContrast
	}
	return a.st
}

// startAnim starts a short animation (none with reduced motion).
func (a *app) startAnim(now time.Time, d time.Duration) {
	if a.settings.ReducedMotion {
		return
	}
	a.animStart, a.animUntil = now, now.Add(d)
}

// keepDrawing asks for frames for d while a screen animates its content
// (none with reduced motion).
func (a *app) keepDrawing(d time.Duration) {
	if a.settings.ReducedMotion {
		return
	}
	if until := a.now.Add(d); until.After(a.busyUntil) {
		a.busyUntil = until
	}
}

func (a *app) animating(now time.Time) bool {
	return now.Before(a.animUntil) || now.Before(a.busyUntil)
}

// animT is the progress of the current animation, 0-1 (1 when none).
func (a *app) animT(now time.Time) float64 {
	if !now.Before(a.animUntil) || a.settings.ReducedMotion {
		return 1
	}
	total := a.animUntil.Sub(a.animStart).Seconds()
	if total <= 0 {
		return 1
	}
	t := clamp01(now.Sub(a.animStart).Seconds() / total)
	return 1 - math.Pow(1-t, 3)
}

// say shows a short notice at the bottom of the screen.
func (a *app) say(msg string, bad bool) {
	a.toast, a.toastBad = msg, bad
	d := 3 * time.Second
	if bad {
		d = 6 * time.Second
	}
	a.toastUntil = a.now.Add(d)
}

// reload re-reads the user's scenarios.
func (a *app) reload(verb string) {
	a.lib.load()
	defer a.reloadedRun() // its notice, if any, matters more
	errs, _ := a.lib.problems()
	n := len(a.lib.user)
	msg := fmt.Sprintf("%s: %d of your %s", verb, n, plural(n, "scenario", "scenarios"))
	if len(a.lib.dirs) == 0 && len(a.lib.dropped) == 0 {
		msg = verb + ": no folder of your own scenarios (" + addHow + ")"
	}
	if len(errs) > 0 {
		msg += fmt.Sprintf(", %d %s (see the title screen)", len(errs), plural(len(errs), "problem", "problems"))
	}
	a.say(msg+".", len(errs) > 0)
}

// reportDrop says what a drop of files loaded.
func (a *app) reportDrop(files []DroppedFile) {
	errs, _ := a.lib.problems()
	names := 0
	for _, f := range files {
		if f.Err == nil {
			names++
		}
	}
	msg := fmt.Sprintf("Loaded %d dropped %s", names, plural(names, "file", "files"))
	if len(errs) > 0 {
		msg += fmt.Sprintf("; %d %s (see the title screen)", len(errs), plural(len(errs), "problem", "problems"))
	}
	a.say(msg+".", len(errs) > 0)
}

// reloadedRun moves the run in progress onto its reloaded scenario when
// the reload did not change how the run plays; otherwise the run goes on
// with the version it started with.
func (a *app) reloadedRun() {
	if a.run == nil {
		return
	}
	old := a.run.Scenario()
	sc, ok := a.lib.find(old.ID)
	if !ok || sc == old {
		return
	}
	data, err := sim.EncodeState(a.run.State())
	if err != nil {
		return
	}
	if run, err := sim.DecodeState(sc, data); err == nil {
		a.run = run
		return
	}
	a.say(fmt.Sprintf("Your run of %q goes on with the version it started with: your edit changes how it plays. Start the path again to play the edit.", sc.Title), true)
}

// startRun begins a new run of sc, with the session's luck if one was
// entered, and saves it.
func (a *app) startRun(sc *scenario.Scenario) error {
	seed := a.cfg.Seed()
	if a.session != "" {
		s, err := sim.SessionSeed(a.session)
		if err != nil {
			return err
		}
		seed = s
	}
	if a.saveKeep {
		// The old save belongs to a scenario that is not loaded: keep it
		// under another name rather than overwrite it.
		if _, err := a.store.SetAside(saveDoc); err == nil || storage.IsNotFound(err) {
			a.saveKeep = false
		}
	}
	a.notice = ""
	a.run = sim.New(sc, seed, sim.Options{Record: true, Session: a.session})
	a.autosave()
	return nil
}

// autosave writes the run; a failure is shown, never fatal.
func (a *app) autosave() {
	if a.run == nil {
		return
	}
	if err := saveRun(a.store, a.run); err != nil {
		a.say("Could not save your run: "+err.Error(), true)
	}
}

// finish records a finished run in the history (once per run code).
func (a *app) finish() {
	if a.run == nil || !a.run.Done() {
		return
	}
	rec, err := history.FromRun(a.run, a.now)
	if err == nil {
		_, err = a.history.Append(rec)
		a.historyChanged()
	}
	if err != nil {
		a.say("Could not add this run to your history: "+err.Error(), true)
	}
}

// saveSettings stores the settings; a failure is shown, never fatal.
func (a *app) saveSettings() {
	if err := saveSettings(a.store, a.settings); err != nil {
		a.settingsE = "Settings could not be saved: " + err.Error()
		a.say(a.settingsE, true)
		return
	}
	a.settingsE = ""
}

// saveScreenshot writes the screen as a PNG into the store (F12).
func (a *app) saveScreenshot(screen *ebiten.Image) {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		a.say("Screenshot failed: "+err.Error(), true)
		return
	}
	name := fmt.Sprintf("screenshot-%s-%03d.png", a.now.Format("20060102-150405"), a.now.Nanosecond()/1e6)
	if err := a.store.Write(name, buf.Bytes()); err != nil {
		a.say("Screenshot failed: "+err.Error(), true)
		return
	}
	a.say("Saved "+name+" in "+a.store.Where()+".", false)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
