package ui

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/ui/kit"
)

// importScreen imports a history file: another machine's, or a workshop
// participant's. On the desktop the file is dropped on the window or its
// path typed; either way the screen says what was added, what was already
// there and what was refused.
type importScreen struct {
	plainScreen
	back    Screen
	path    kit.Field
	nav     kit.Focus
	buttons []kit.Button
}

// newImport opens the import screen; the report of an earlier visit is
// dropped.
func newImport(c *Context, back Screen) *importScreen {
	c.hist.lastImport = nil
	s := &importScreen{back: back,
		path: kit.Field{Limit: maxImportPathRunes, Keep: func(r rune) (rune, bool) { return r, unicode.IsPrint(r) },
			Placeholder: "e.g. ~/Downloads/runwayladder-history.json", Hint: "A path to a file on this computer. Enter imports it."},
		buttons: []kit.Button{{Label: "Import this file", Key: "Enter", Primary: true}, {Label: "Back", Key: "Esc"}},
	}
	if !canImportPath {
		s.buttons = s.buttons[1:]
	}
	return s
}

// Name implements Screen.
func (s *importScreen) Name() string { return "import" }

// Targets implements Screen: the buttons.
func (s *importScreen) Targets(c *Context) []kit.Target {
	l := layImport(c.Bounds(), c.Style())
	var out []kit.Target
	for i, r := range l.buttons {
		out = append(out, s.buttons[i].Target(r))
	}
	return out
}

const maxImportPathRunes = 1024

type importLayout struct {
	header, intro, field, msg, report kit.Rect
	buttons                           []kit.Rect
}

func layImport(b kit.Rect, st *kit.Style) importLayout {
	var l importLayout
	body := b.InsetXY(st.D(32), st.D(24))
	l.header, body = body.CutTop(kit.HeaderHeight(st, true))
	_, body = body.CutTop(st.D(22))
	w := math.Min(body.W, st.D(760))
	l.intro = kit.Rect{X: body.X, Y: body.Y, W: w, H: kit.TextHeight(4, st.Body, 1.35)}
	y := l.intro.Bottom() + st.D(16)
	if canImportPath {
		l.field = kit.Rect{X: body.X, Y: y, W: w, H: st.D(58)}
		l.msg = kit.Rect{X: body.X, Y: l.field.Bottom() + st.D(10), W: w, H: kit.TextHeight(2, st.Small, 1.3)}
		y = l.msg.Bottom() + st.D(16)
	}
	bw := math.Min((w-st.D(12))/2, st.D(220))
	for i := 0; i < 2; i++ {
		l.buttons = append(l.buttons, kit.Rect{X: body.X + float64(i)*(bw+st.D(12)), Y: y, W: bw, H: st.D(46)})
	}
	if !canImportPath {
		l.buttons = l.buttons[1:]
	}
	y += st.D(46) + st.D(22)
	l.report = kit.Rect{X: body.X, Y: y, W: w, H: math.Max(body.Bottom()-y, 0)}
	return l
}

// Update implements Screen.
func (s *importScreen) Update(c *Context, in kit.Input) (Screen, error) {
	l := layImport(c.Bounds(), c.Style())
	if in.Back {
		return s.back, nil
	}
	if canImportPath {
		s.path.Type(in)
		if in.Confirm {
			return s.use(c)
		}
	}
	nin := in
	nin.Space, nin.Left, nin.Right = false, false, false
	if canImportPath {
		nin.Confirm = false
	}
	i := s.nav.Update(nin, l.buttons, nil, 1)
	if !canImportPath && i >= 0 {
		i++
	}
	switch i {
	case 0:
		return s.use(c)
	case 1:
		return s.back, nil
	}
	return s, nil
}

// use imports the file at the typed path.
func (s *importScreen) use(c *Context) (Screen, error) {
	p := strings.TrimSpace(string(s.path.Value))
	p = strings.Trim(p, `"'`)
	if p == "" {
		s.path.Err = "Type the path of a .json or .csv history file, or drop the file on this window."
		return s, nil
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	data, err := readImportPath(p)
	if err != nil {
		s.path.Err = "That file could not be read: " + err.Error() + "."
		return s, nil
	}
	c.startImport(filepath.Base(p), data) // off the frame: a large file takes seconds
	return s, nil
}

// Draw implements Screen.
func (s *importScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := layImport(c.Bounds(), st)
	kit.Header{Title: "Import a history", Sub: "Runs from another machine, or from everyone in a workshop"}.Draw(c.Context, dst, l.header)
	intro := "Drop a history file on this window: a .json or .csv file exported from the game (Export on the compare screen) or by careersim history export. Runs already in your history are skipped, so importing the same file twice adds nothing."
	if canImportPath {
		intro += " Or type the file's path below."
	}
	c.Paint.Lines(dst, kit.ClampLines(c.Wrap.Wrap(intro, st.Body, l.intro.W), 4, st.Body, l.intro.W), st.Body, l.intro, pal.Muted, 1.35)
	if canImportPath {
		s.path.Draw(c.Context, dst, l.field, l.msg)
	}
	for i, r := range l.buttons {
		s.buttons[i].Draw(c.Context, dst, r, s.nav.I == i)
	}
	if msg := c.importProgress(); msg != "" && l.report.H > kit.LineH(st.Heading) {
		c.Paint.Text(dst, kit.Ellipsize(msg, st.Heading, l.report.W), st.Heading, l.report.X, l.report.Y, pal.Text, l.report)
	} else if res := c.hist.lastImport; res != nil && l.report.H > kit.LineH(st.Heading) {
		clr := pal.Good
		if res.err != nil || res.refused > 0 {
			clr = pal.Warn
		}
		c.Paint.Text(dst, kit.Ellipsize("Last import", st.Heading, l.report.W), st.Heading, l.report.X, l.report.Y, clr, l.report)
		box := kit.Rect{X: l.report.X, Y: l.report.Y + kit.LineH(st.Heading) + st.D(6), W: l.report.W, H: l.report.H - kit.LineH(st.Heading) - st.D(6)}
		n := int(box.H / (kit.LineH(st.Body) * 1.35))
		c.Paint.Lines(dst, kit.ClampLines(c.Wrap.Wrap(res.String(), st.Body, box.W), n, st.Body, box.W), st.Body, box, pal.Text, 1.35)
	}
}
