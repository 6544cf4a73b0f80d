package kit

import (
	"io/fs"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Input is everything the player asked for during one tick, as intents.
// Only ReadInput reads the devices; screens and tests see Input values.
type Input struct {
	// Now is the time of the tick (animations and notices use it).
	Now time.Time
	// Pick is 1-4 when a number key was pressed, else 0.
	Pick int
	// Arrow keys, Tab (Next) and Shift+Tab (Prev).
	Up, Down, Left, Right, Next, Prev bool
	// PageUp, PageDown, Home and End scroll long screens.
	PageUp, PageDown, Home, End bool
	// Confirm is Enter (or Space outside text fields); Back is Escape.
	Confirm, Space, Back bool
	// Cursor is the pointer position in screen pixels; Moved reports that
	// it moved this tick.
	Cursor Point
	Moved  bool
	// Click is a press of the left mouse button at Cursor.
	Click bool
	// Wheel is the vertical scroll, positive away from the player.
	Wheel float64
	// Runes are the characters typed; Erase is Backspace.
	Runes []rune
	Erase bool
	// Dropped holds files dropped on the window.
	Dropped []DroppedFile
	// Reload is F5: reload the user's scenarios.
	Reload bool
	// Screenshot is F12: save a picture of the screen.
	Screenshot bool
}

// DroppedFile is a file dropped on the window.
type DroppedFile struct {
	Name string
	// Path is the file's path on disk when the platform tells it (the
	// desktop), so F5 can read it again; empty in the browser.
	Path string
	Data []byte
	Err  error
}

// Active reports whether the input holds anything that may change what is
// on screen.
func (in *Input) Active() bool {
	return in.Pick != 0 || in.Up || in.Down || in.Left || in.Right || in.Next || in.Prev ||
		in.PageUp || in.PageDown || in.Home || in.End || in.Confirm || in.Space || in.Back ||
		in.Moved || in.Click || in.Wheel != 0 || len(in.Runes) > 0 || in.Erase ||
		len(in.Dropped) > 0 || in.Reload || in.Screenshot
}

// Devices is what ReadInput remembers between ticks.
type Devices struct {
	cursor  Point
	started bool
	runes   []rune
}

// keyPressed reports a key pressed this tick.
func keyPressed(keys ...ebiten.Key) bool {
	for _, k := range keys {
		if inpututil.IsKeyJustPressed(k) {
			return true
		}
	}
	return false
}

// repeating reports a key pressed this tick or held long enough to repeat.
func repeating(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || d > 24 && d%5 == 0
}

// DropReader turns the files dropped on the window into DroppedFiles: the
// game decides which it reads and how much of each.
type DropReader func(fs.FS) []DroppedFile

// ReadInput reads keyboard, mouse, wheel, typed characters and dropped
// files once per tick. It is the only function that touches the devices.
// readDrop reads a drop on the window; page, when set, returns the files
// dropped on the page around the game (the browser build).
func ReadInput(ds *Devices, now time.Time, readDrop DropReader, page func() []DroppedFile) Input {
	in := Input{Now: now}
	for i, ks := range [][2]ebiten.Key{{ebiten.Key1, ebiten.KeyNumpad1}, {ebiten.Key2, ebiten.KeyNumpad2}, {ebiten.Key3, ebiten.KeyNumpad3}, {ebiten.Key4, ebiten.KeyNumpad4}} {
		if keyPressed(ks[0], ks[1]) {
			in.Pick = i + 1
		}
	}
	in.Up, in.Down = repeating(ebiten.KeyArrowUp), repeating(ebiten.KeyArrowDown)
	in.Left, in.Right = repeating(ebiten.KeyArrowLeft), repeating(ebiten.KeyArrowRight)
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	if repeating(ebiten.KeyTab) {
		in.Next, in.Prev = !shift, shift
	}
	in.PageUp, in.PageDown = repeating(ebiten.KeyPageUp), repeating(ebiten.KeyPageDown)
	in.Home, in.End = keyPressed(ebiten.KeyHome), keyPressed(ebiten.KeyEnd)
	in.Confirm = keyPressed(ebiten.KeyEnter, ebiten.KeyNumpadEnter)
	in.Space = keyPressed(ebiten.KeySpace)
	in.Back = keyPressed(ebiten.KeyEscape)
	in.Erase = repeating(ebiten.KeyBackspace)
	in.Reload = keyPressed(ebiten.KeyF5)
	in.Screenshot = keyPressed(ebiten.KeyF12)

	x, y := ebiten.CursorPosition()
	p := Point{float64(x), float64(y)}
	in.Cursor = p
	in.Moved = ds.started && p != ds.cursor
	ds.cursor, ds.started = p, true
	in.Click = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	_, wy := ebiten.Wheel()
	in.Wheel = wy

	ds.runes = ebiten.AppendInputChars(ds.runes[:0])
	if len(ds.runes) > 0 {
		in.Runes = append([]rune(nil), ds.runes...)
	}
	if dropped := ebiten.DroppedFiles(); dropped != nil && readDrop != nil {
		in.Dropped = readDrop(dropped)
	}
	if page != nil {
		in.Dropped = append(in.Dropped, page()...)
	}
	return in
}
