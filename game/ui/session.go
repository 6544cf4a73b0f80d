package ui

import (
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/sim"
)

// sessionScreen takes a workshop session code: everyone who enters the
// same code faces the same luck for the same choices. The code is stored
// with the run.
type sessionScreen struct {
	a    *app
	back Screen
	code []rune
	err  string
	nav  nav
}

func newSession(a *app, back Screen) *sessionScreen {
	return &sessionScreen{a: a, back: back, code: []rune(a.session)}
}

const maxSessionRunes = 32

type sessionLayout struct {
	header, intro, field, msg Rect
	buttons                   []Rect
}

func laySession(b Rect, st *style) sessionLayout {
	var l sessionLayout
	body := b.InsetXY(st.d(32), st.d(24))
	l.header, body = body.CutTop(headerHeight(st, true))
	_, body = body.CutTop(st.d(22))
	w := math.Min(body.W, st.d(640))
	l.intro = Rect{body.X, body.Y, w, textHeight(4, st.body, 1.35)}
	l.field = Rect{body.X, l.intro.Bottom() + st.d(16), w, st.d(58)}
	l.msg = Rect{body.X, l.field.Bottom() + st.d(10), w, textHeight(2, st.small, 1.3)}
	y := l.msg.Bottom() + st.d(16)
	bw := (w - 2*st.d(12)) / 3
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, Rect{body.X + float64(i)*(bw+st.d(12)), y, bw, st.d(46)})
	}
	return l
}

// Update implements Screen.
func (s *sessionScreen) Update(in Input) (Screen, error) {
	a := s.a
	l := laySession(a.bounds(), a.style())
	if in.Back {
		return s.back, nil
	}
	var changed bool
	s.code, changed = typeInto(s.code, in, maxSessionRunes, func(r rune) (rune, bool) {
		return unicode.ToUpper(r), unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-'
	})
	if changed {
		s.err = ""
	}
	// Typing owns the keyboard here: only Enter, Tab and the pointer
	// reach the buttons.
	if in.Confirm {
		return s.use()
	}
	nin := in
	nin.Space, nin.Left, nin.Right = false, false, false
	switch s.nav.update(nin, l.buttons, nil, 1) {
	case 0:
		return s.use()
	case 1:
		s.code, s.err = nil, ""
		a.session = ""
		if r, ok := s.back.(refresher); ok {
			return r.refresh(), nil
		}
		return s.back, nil
	case 2:
		return s.back, nil
	}
	return s, nil
}

func (s *sessionScreen) use() (Screen, error) {
	code := strings.TrimSpace(string(s.code))
	if code == "" {
		s.err = "Type the code first, or choose Back."
		return s, nil
	}
	if _, err := sim.SessionSeed(code); err != nil {
		s.err = "That code does not work: " + err.Error() + "."
		return s, nil
	}
	s.a.session = code
	return newChoose(s.a), nil
}

// Draw implements Screen.
func (s *sessionScreen) Draw(dst *ebiten.Image) {
	a := s.a
	st := a.style()
	pal := st.pal
	l := laySession(a.bounds(), st)
	a.header(dst, l.header, "Workshop session", "Play the same luck as everyone else in the room")
	intro := "Your facilitator gives the room one code. Everyone who enters it faces the same luck for the same choices, so the debrief compares decisions, not dice. The code is kept with your run."
	a.paint.lines(dst, clampLines(a.wrap.wrap(intro, st.body, l.intro.W), 4, st.body, l.intro.W), st.body, l.intro, pal.Muted, 1.35)
	a.drawField(dst, l.field, l.msg, s.code, "e.g. LAB-2025-A", "Letters and digits, 3 to 32 of them. Enter uses the code.", s.err)
	labels := []string{"Use this code", "Clear the code", "Back"}
	keys := []string{"Enter", "", "Esc"}
	for i, r := range l.buttons {
		a.button(dst, r, labels[i], keys[i], s.nav.focus == i, true, i == 0)
	}
}
