package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/ui/kit"
)

// settingsScreen changes text size, contrast and motion. Changes apply at
// once and are saved in the store.
type settingsScreen struct {
	plainScreen
	back    Screen
	nav     kit.Focus
	backBtn kit.Button
}

func newSettings(back Screen) *settingsScreen {
	return &settingsScreen{back: back, backBtn: kit.Button{Label: "Back", Key: "Esc"}}
}

// Name implements Screen.
func (s *settingsScreen) Name() string { return "settings" }

// Targets implements Screen: each setting's row (a click cycles it) and
// Back.
func (s *settingsScreen) Targets(c *Context) []kit.Target {
	l := laySettings(c.Bounds(), c.Style())
	var out []kit.Target
	for i, row := range settingRows {
		if i < len(l.rows) {
			out = append(out, kit.Target{Label: row.label, R: l.rows[i], Enabled: true})
		}
	}
	return append(out, s.backBtn.Target(l.back))
}

func (s *settingsScreen) refresh(c *Context) Screen {
	if r, ok := s.back.(refresher); ok {
		s.back = r.refresh(c)
	}
	return s
}

// settingRow is one setting: its name, what it does, and its options.
type settingRow struct {
	label, help string
	options     []string
	value       func(Settings) int
	set         func(*Settings, int)
}

var settingRows = []settingRow{
	{label: "Text size", help: "Bigger text for reading at a distance or on a projector.",
		options: kit.TextSizeNames(),
		value:   func(s Settings) int { return int(s.TextSize) },
		set:     func(s *Settings, v int) { s.TextSize = kit.TextSize(v) }},
	{label: "High contrast", help: "Black and white with bright signal colours and outlined shapes.",
		options: []string{"Off", "On"},
		value:   func(s Settings) int { return boolInt(s.HighContrast) },
		set:     func(s *Settings, v int) { s.HighContrast = v == 1 }},
	{label: "Reduced motion", help: "No fades and no counting animations; changes show at once.",
		options: []string{"Off", "On"},
		value:   func(s Settings) int { return boolInt(s.ReducedMotion) },
		set:     func(s *Settings, v int) { s.ReducedMotion = v == 1 }},
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type settingsLayout struct {
	header kit.Rect
	rows   []kit.Rect
	// segs holds each row's option segments.
	segs [][]kit.Rect
	back kit.Rect
	note kit.Rect
}

func laySettings(b kit.Rect, st *kit.Style) settingsLayout {
	var l settingsLayout
	body := b.InsetXY(st.D(32), st.D(24))
	l.header, body = body.CutTop(kit.HeaderHeight(st, true))
	_, body = body.CutTop(st.D(22))
	width := math.Min(body.W, st.D(900))
	rowH := kit.LineH(st.BodyBold) + kit.LineH(st.Small)*2.3 + st.D(26)
	segW := math.Min(st.D(96), (width*0.55)/4)
	for i, row := range settingRows {
		r := kit.Rect{X: body.X, Y: body.Y + float64(i)*(rowH+st.D(12)), W: width, H: rowH}
		l.rows = append(l.rows, r)
		n := len(row.options)
		cw := segW * float64(n)
		c := kit.Rect{X: r.Right() - cw - st.D(16), Y: r.Y + (r.H-st.D(40))/2, W: cw, H: st.D(40)}
		l.segs = append(l.segs, c.Columns(n, 0))
	}
	y := body.Y + float64(len(settingRows))*(rowH+st.D(12)) + st.D(8)
	l.back = kit.Rect{X: body.X, Y: y, W: math.Min(st.D(180), body.W), H: st.D(44)}
	l.note = kit.Rect{X: l.back.Right() + st.D(20), Y: y, W: width - l.back.W - st.D(20), H: st.D(44)}
	return l
}

// Update implements Screen.
func (s *settingsScreen) Update(c *Context, in kit.Input) (Screen, error) {
	l := laySettings(c.Bounds(), c.Style())
	if in.Back {
		return s.back, nil
	}
	// A click on an option sets it directly.
	if in.Click {
		for i, segs := range l.segs {
			for v, r := range segs {
				if r.Contains(in.Cursor) {
					s.nav.I = i
					s.set(c, i, v)
					return s, nil
				}
			}
		}
	}
	targets := append(append([]kit.Rect(nil), l.rows...), l.back)
	if i := s.nav.Update(in, targets, nil, 1); i >= 0 {
		if i == len(settingRows) {
			return s.back, nil
		}
		row := settingRows[i]
		s.set(c, i, (row.value(c.settings)+1)%len(row.options))
		return s, nil
	}
	if f := s.nav.I; f < len(settingRows) && (in.Left || in.Right) {
		row := settingRows[f]
		v := row.value(c.settings)
		if in.Left && v > 0 {
			s.set(c, f, v-1)
		}
		if in.Right && v < len(row.options)-1 {
			s.set(c, f, v+1)
		}
	}
	return s, nil
}

func (s *settingsScreen) set(c *Context, row, v int) {
	if settingRows[row].value(c.settings) == v {
		return
	}
	settingRows[row].set(&c.settings, v)
	c.saveSettings()
}

// Draw implements Screen.
func (s *settingsScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := laySettings(c.Bounds(), st)
	kit.Header{Title: "Settings", Sub: "Kept between runs, in " + c.store.Where()}.Draw(c.Context, dst, l.header)
	for i, row := range settingRows {
		r := l.rows[i]
		kit.Panel(c.Context, dst, r)
		segs := l.segs[i]
		text := kit.Rect{X: r.X + st.D(20), Y: r.Y, W: segs[0].X - r.X - st.D(40), H: r.H}
		helpLines := kit.ClampLines(c.Wrap.Wrap(row.help, st.Small, text.W), 2, st.Small, text.W)
		th := kit.LineH(st.BodyBold) + st.D(4) + kit.TextHeight(len(helpLines), st.Small, 1.25)
		y := r.Y + (r.H-th)/2
		c.Paint.Text(dst, row.label, st.BodyBold, text.X, y, pal.Text, text)
		c.Paint.Lines(dst, helpLines, st.Small, kit.Rect{X: text.X, Y: y + kit.LineH(st.BodyBold) + st.D(4), W: text.W, H: th}, pal.Muted, 1.25)
		cur := row.value(c.settings)
		box := kit.Rect{X: segs[0].X, Y: segs[0].Y, W: segs[len(segs)-1].Right() - segs[0].X, H: segs[0].H}
		c.Paint.Round(dst, box, st.D(8), pal.Sunken)
		c.Paint.RoundStroke(dst, box, st.D(8), st.D(1), pal.Border)
		for v, sr := range segs {
			fg := pal.Muted
			if v == cur {
				c.Paint.Round(dst, sr.Inset(st.D(3)), st.D(6), pal.Accent)
				fg = pal.AccentText
			}
			c.Paint.TextIn(dst, row.options[v], st.Label, sr.Inset(st.D(4)), 0.5, fg)
		}
		if s.nav.I == i {
			kit.FocusRing(c.Context, dst, r, st.D(10))
		}
	}
	s.backBtn.Draw(c.Context, dst, l.back, s.nav.I == len(settingRows))
	hint := "↑ ↓ choose a setting · ← → change it"
	c.Paint.TextIn(dst, hint, st.Small, l.note, 0, pal.Faint)
}
