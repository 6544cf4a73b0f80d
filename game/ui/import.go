package ui

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
)

// importScreen imports a history file: another machine's, or a workshop
// participant's. On the desktop the file is dropped on the window or its
// path typed; either way the screen says what was added, what was already
// there and what was refused.
type importScreen struct {
	a    *app
	back Screen
	path []rune
	err  string
	nav  nav
}

func newImport(a *app, back Screen) *importScreen {
	a.hist.lastImport = nil
	return &importScreen{a: a, back: back}
}

const maxImportPathRunes = 1024

type importLayout struct {
	header, intro, field, msg, report Rect
	buttons                           []Rect
}

func layImport(b Rect, st *style) importLayout {
	var l importLayout
	body := b.InsetXY(st.d(32), st.d(24))
	l.header, body = body.CutTop(headerHeight(st, true))
	_, body = body.CutTop(st.d(22))
	w := math.Min(body.W, st.d(760))
	l.intro = Rect{body.X, body.Y, w, textHeight(4, st.body, 1.35)}
	y := l.intro.Bottom() + st.d(16)
	if canImportPath {
		l.field = Rect{body.X, y, w, st.d(58)}
		l.msg = Rect{body.X, l.field.Bottom() + st.d(10), w, textHeight(2, st.small, 1.3)}
		y = l.msg.Bottom() + st.d(16)
	}
	bw := math.Min((w-st.d(12))/2, st.d(220))
	for i := 0; i < 2; i++ {
		l.buttons = append(l.buttons, Rect{body.X + float64(i)*(bw+st.d(12)), y, bw, st.d(46)})
	}
	if !canImportPath {
		l.buttons = l.buttons[1:]
	}
	y += st.d(46) + st.d(22)
	l.report = Rect{body.X, y, w, math.Max(body.Bottom()-y, 0)}
	return l
}

// Update implements Screen.
func (s *importScreen) Update(in Input) (Screen, error) {
	a := s.a
	l := layImport(a.bounds(), a.style())
	if in.Back {
		return s.back, nil
	}
	if canImportPath {
		var changed bool
		s.path, changed = typeInto(s.path, in, maxImportPathRunes, func(r rune) (rune, bool) { return r, unicode.IsPrint(r) })
		if changed {
			s.err = ""
		}
		if in.Confirm {
			return s.use()
		}
	}
	nin := in
	nin.Space, nin.Left, nin.Right = false, false, false
	if canImportPath {
		nin.Confirm = false
	}
	i := s.nav.update(nin, l.buttons, nil, 1)
	if !canImportPath && i >= 0 {
		i++
	}
	switch i {
	case 0:
		return s.use()
	case 1:
		return s.back, nil
	}
	return s, nil
}

// use imports the file at the typed path.
func (s *importScreen) use() (Screen, error) {
	p := strings.TrimSpace(string(s.path))
	p = strings.Trim(p, `"'`)
	if p == "" {
		s.err = "Type the path of a .json or .csv history file, or drop the file on this window."
		return s, nil
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	data, err := readImportPath(p)
	if err != nil {
		s.err = "That file could not be read: " + err.Error() + "."
		return s, nil
	}
	res := s.a.importHistory(filepath.Base(p), data)
	s.a.hist.lastImport = &res
	s.a.say("Imported "+res.String(), res.err != nil || res.refused > 0)
	return s, nil
}

// Draw implements Screen.
func (s *importScreen) Draw(dst *ebiten.Image) {
	a := s.a
	st := a.style()
	pal := st.pal
	l := layImport(a.bounds(), st)
	a.header(dst, l.header, "Import a history", "Runs from another machine, or from everyone in a workshop")
	intro := "Drop a history file on this window: a .json or .csv file exported from the game (Export on the compare screen) or by careersim history export. Runs already in your history are skipped, so importing the same file twice adds nothing."
	if canImportPath {
		intro += " Or type the file's path below."
	}
	a.paint.lines(dst, clampLines(a.wrap.wrap(intro, st.body, l.intro.W), 4, st.body, l.intro.W), st.body, l.intro, pal.Muted, 1.35)
	if canImportPath {
		a.drawField(dst, l.field, l.msg, s.path, "e.g. ~/Downloads/runwayladder-history.json", "A path to a file on this computer. Enter imports it.", s.err)
	}
	labels := []string{"Import this file", "Back"}
	keys := []string{"Enter", "Esc"}
	if !canImportPath {
		labels, keys = labels[1:], keys[1:]
	}
	for i, r := range l.buttons {
		a.button(dst, r, labels[i], keys[i], s.nav.focus == i, true, canImportPath && i == 0)
	}
	if res := a.hist.lastImport; res != nil && l.report.H > lineH(st.heading) {
		clr := pal.Good
		if res.err != nil || res.refused > 0 {
			clr = pal.Warn
		}
		a.paint.text(dst, ellipsize("Last import", st.heading, l.report.W), st.heading, l.report.X, l.report.Y, clr, l.report)
		box := Rect{l.report.X, l.report.Y + lineH(st.heading) + st.d(6), l.report.W, l.report.H - lineH(st.heading) - st.d(6)}
		n := int(box.H / (lineH(st.body) * 1.35))
		a.paint.lines(dst, clampLines(a.wrap.wrap(res.String(), st.body, box.W), n, st.body, box.W), st.body, box, pal.Text, 1.35)
	}
}
