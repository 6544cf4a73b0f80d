package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// settingsScreen changes text size, contrast and motion. Changes apply at
// once and are saved in the store.
type settingsScreen struct {
	a    *app
	back Screen
	nav  nav
}

func newSettings(a *app, back Screen) *settingsScreen { return &settingsScreen{a: a, back: back} }

func (s *settingsScreen) refresh() Screen {
	if r, ok := s.back.(refresher); ok {
		s.back = r.refresh()
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
		options: textSizeNames,
		value:   func(s Settings) int { return int(s.TextSize) },
		set:     func(s *Settings, v int) { s.TextSize = TextSize(v) }},
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
	header Rect
	rows   []Rect
	// segs holds each row's option segments.
	segs [][]Rect
	back Rect
	note Rect
}

func laySettings(b Rect, st *style) settingsLayout {
	var l settingsLayout
	body := b.InsetXY(st.d(32), st.d(24))
	l.header, body = body.CutTop(headerHeight(st, true))
	_, body = body.CutTop(st.d(22))
	width := math.Min(body.W, st.d(900))
	rowH := lineH(st.bodyBold) + lineH(st.small)*2.3 + st.d(26)
	segW := math.Min(st.d(96), (width*0.55)/4)
	for i, row := range settingRows {
		r := Rect{body.X, body.Y + float64(i)*(rowH+st.d(12)), width, rowH}
		l.rows = append(l.rows, r)
		n := len(row.options)
		cw := segW * float64(n)
		c := Rect{r.Right() - cw - st.d(16), r.Y + (r.H-st.d(40))/2, cw, st.d(40)}
		l.segs = append(l.segs, c.columns(n, 0))
	}
	y := body.Y + float64(len(settingRows))*(rowH+st.d(12)) + st.d(8)
	l.back = Rect{body.X, y, math.Min(st.d(180), body.W), st.d(44)}
	l.note = Rect{l.back.Right() + st.d(20), y, width - l.back.W - st.d(20), st.d(44)}
	return l
}

// Update implements Screen.
func (s *settingsScreen) Update(in Input) (Screen, error) {
	a := s.a
	l := laySettings(a.bounds(), a.style())
	if in.Back {
		return s.back, nil
	}
	// A click on an option sets it directly.
	if in.Click {
		for i, segs := range l.segs {
			for v, r := range segs {
				if r.Contains(in.Cursor) {
					s.nav.focus = i
					s.set(i, v)
					return s, nil
				}
			}
		}
	}
	targets := append(append([]Rect(nil), l.rows...), l.back)
	if i := s.nav.update(in, targets, nil, 1); i >= 0 {
		if i == len(settingRows) {
			return s.back, nil
		}
		row := settingRows[i]
		s.set(i, (row.value(a.settings)+1)%len(row.options))
		return s, nil
	}
	if f := s.nav.focus; f < len(settingRows) && (in.Left || in.Right) {
		row := settingRows[f]
		v := row.value(a.settings)
		if in.Left && v > 0 {
			s.set(f, v-1)
		}
		if in.Right && v < len(row.options)-1 {
			s.set(f, v+1)
		}
	}
	return s, nil
}

func (s *settingsScreen) set(row, v int) {
	a := s.a
	if settingRows[row].value(a.settings) == v {
		return
	}
	settingRows[row].set(&a.settings, v)
	a.saveSettings()
}

// Draw implements Screen.
func (s *settingsScreen) Draw(dst *ebiten.Image) {
	a := s.a
	st := a.style()
	pal := st.pal
	l := laySettings(a.bounds(), st)
	a.header(dst, l.header, "Settings", "Kept between runs, in "+a.store.Where())
	for i, row := range settingRows {
		r := l.rows[i]
		a.panel(dst, r)
		segs := l.segs[i]
		text := Rect{r.X + st.d(20), r.Y, segs[0].X - r.X - st.d(40), r.H}
		helpLines := clampLines(a.wrap.wrap(row.help, st.small, text.W), 2, st.small, text.W)
		th := lineH(st.bodyBold) + st.d(4) + textHeight(len(helpLines), st.small, 1.25)
		y := r.Y + (r.H-th)/2
		a.paint.text(dst, row.label, st.bodyBold, text.X, y, pal.Text, text)
		a.paint.lines(dst, helpLines, st.small, Rect{text.X, y + lineH(st.bodyBold) + st.d(4), text.W, th}, pal.Muted, 1.25)
		cur := row.value(a.settings)
		box := Rect{segs[0].X, segs[0].Y, segs[len(segs)-1].Right() - segs[0].X, segs[0].H}
		a.paint.round(dst, box, st.d(8), pal.Sunken)
		a.paint.roundStroke(dst, box, st.d(8), st.d(1), pal.Border)
		for v, sr := range segs {
			fg := pal.Muted
			if v == cur {
				a.paint.round(dst, sr.Inset(st.d(3)), st.d(6), pal.Accent)
				fg = pal.AccentText
			}
			a.paint.textIn(dst, row.options[v], st.label, sr.Inset(st.d(4)), 0.5, fg)
		}
		if s.nav.focus == i {
			a.focusRing(dst, r, st.d(10))
		}
	}
	a.button(dst, l.back, "Back", "Esc", s.nav.focus == len(settingRows), true, false)
	hint := "↑ ↓ choose a setting · ← → change it"
	a.paint.textIn(dst, hint, st.small, l.note, 0, pal.Faint)
}
