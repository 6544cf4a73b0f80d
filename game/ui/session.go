package ui

import (
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// sessionScreen takes a workshop session code: everyone who enters the
// same code faces the same luck for the same choices. The code is stored
// with the run.
type sessionScreen struct {
	plainScreen
	back    Screen
	code    kit.Field
	nav     kit.Focus
	buttons [3]kit.Button
}

func newSession(c *Context, back Screen) *sessionScreen {
	return &sessionScreen{back: back,
		code: kit.Field{Value: []rune(c.session), Limit: maxSessionRunes,
			Keep: func(r rune) (rune, bool) {
				return unicode.ToUpper(r), unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-'
			},
			Placeholder: "e.g. LAB-2025-A", Hint: "Letters and digits, 3 to 32 of them. Enter uses the code."},
		buttons: [3]kit.Button{{Label: "Use this code", Key: "Enter", Primary: true}, {Label: "Clear the code"}, {Label: "Back", Key: "Esc"}},
	}
}

// Name implements Screen.
func (s *sessionScreen) Name() string { return "session" }

// Targets implements Screen: the three buttons.
func (s *sessionScreen) Targets(c *Context) []kit.Target {
	l := laySession(c.Bounds(), c.Style())
	var out []kit.Target
	for i, r := range l.buttons {
		out = append(out, s.buttons[i].Target(r))
	}
	return out
}

const maxSessionRunes = 32

type sessionLayout struct {
	header, intro, field, msg kit.Rect
	buttons                   []kit.Rect
}

func laySession(b kit.Rect, st *kit.Style) sessionLayout {
	var l sessionLayout
	body := b.InsetXY(st.D(32), st.D(24))
	l.header, body = body.CutTop(kit.HeaderHeight(st, true))
	_, body = body.CutTop(st.D(22))
	w := math.Min(body.W, st.D(640))
	l.intro = kit.Rect{X: body.X, Y: body.Y, W: w, H: kit.TextHeight(4, st.Body, 1.35)}
	l.field = kit.Rect{X: body.X, Y: l.intro.Bottom() + st.D(16), W: w, H: st.D(58)}
	l.msg = kit.Rect{X: body.X, Y: l.field.Bottom() + st.D(10), W: w, H: kit.TextHeight(2, st.Small, 1.3)}
	y := l.msg.Bottom() + st.D(16)
	bw := (w - 2*st.D(12)) / 3
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, kit.Rect{X: body.X + float64(i)*(bw+st.D(12)), Y: y, W: bw, H: st.D(46)})
	}
	return l
}

// Update implements Screen.
func (s *sessionScreen) Update(c *Context, in kit.Input) (Screen, error) {
	l := laySession(c.Bounds(), c.Style())
	if in.Back {
		return s.back, nil
	}
	s.code.Type(in)
	// Typing owns the keyboard here: only Enter, Tab and the pointer
	// reach the buttons.
	if in.Confirm {
		return s.use(c)
	}
	nin := in
	nin.Space, nin.Left, nin.Right = false, false, false
	switch s.nav.Update(nin, l.buttons, nil, 1) {
	case 0:
		return s.use(c)
	case 1:
		s.code.Value, s.code.Err = nil, ""
		c.session = ""
		if r, ok := s.back.(refresher); ok {
			return r.refresh(c), nil
		}
		return s.back, nil
	case 2:
		return s.back, nil
	}
	return s, nil
}

func (s *sessionScreen) use(c *Context) (Screen, error) {
	code := strings.TrimSpace(string(s.code.Value))
	if code == "" {
		s.code.Err = "Type the code first, or choose Back."
		return s, nil
	}
	if _, err := sim.SessionSeed(code); err != nil {
		s.code.Err = "That code does not work: " + err.Error() + "."
		return s, nil
	}
	c.session = code
	return newChoose(c), nil
}

// Draw implements Screen.
func (s *sessionScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := laySession(c.Bounds(), st)
	kit.Header{Title: "Workshop session", Sub: "Play the same luck as everyone else in the room"}.Draw(c.Context, dst, l.header)
	intro := "Your facilitator gives the room one code. Everyone who enters it faces the same luck for the same choices, so the debrief compares decisions, not dice. The code is kept with your run."
	c.Paint.Lines(dst, kit.ClampLines(c.Wrap.Wrap(intro, st.Body, l.intro.W), 4, st.Body, l.intro.W), st.Body, l.intro, pal.Muted, 1.35)
	s.code.Draw(c.Context, dst, l.field, l.msg)
	for i, r := range l.buttons {
		s.buttons[i].Draw(c.Context, dst, r, s.nav.I == i)
	}
}
