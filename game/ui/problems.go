package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
)

// scenarioProblem is a load error as the panel shows it.
type scenarioProblem struct {
	where, msg, help string
	warning          bool
}

func problemsOf(es scenario.Errors) []scenarioProblem {
	out := make([]scenarioProblem, 0, len(es))
	for _, e := range es {
		where := e.File
		if e.Pos.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", e.File, e.Pos.Line, e.Pos.Col)
		}
		out = append(out, scenarioProblem{where: where, msg: e.Msg, help: e.Help, warning: e.Warning})
	}
	return out
}

// problemsScreen lists every problem found in the player's scenario
// files, with file:line:col, so an author can fix them and press F5.
type problemsScreen struct {
	a      *app
	back   Screen
	scroll scroller
	nav    nav
}

func newProblems(a *app, back Screen) *problemsScreen { return &problemsScreen{a: a, back: back} }

func (p *problemsScreen) refresh() Screen {
	if r, ok := p.back.(refresher); ok {
		p.back = r.refresh()
	}
	return p
}

type problemsLayout struct {
	header, view, back Rect
	entries            []problemEntry
	content            float64
}

type problemEntry struct {
	p          scenarioProblem
	y          float64 // top, in content coordinates
	msg, help  []string
	whereLines []string
}

func layProblems(b Rect, st *style, w *wrapper, ps []scenarioProblem) problemsLayout {
	var l problemsLayout
	body := b.InsetXY(st.d(32), st.d(24))
	l.header, body = body.CutTop(headerHeight(st, true))
	_, body = body.CutTop(st.d(16))
	foot, body := body.CutBottom(st.d(44))
	l.back = Rect{foot.X, foot.Bottom() - st.d(44), math.Min(st.d(180), foot.W), st.d(44)}
	_, l.view = body.CutBottom(st.d(12))
	l.view = l.view.InsetXY(0, 0)
	inner := l.view.W - st.d(40)
	y := 0.0
	for _, p := range ps {
		e := problemEntry{p: p, y: y}
		e.whereLines = w.wrap(p.where, st.mono, inner)
		e.msg = w.wrap(p.msg, st.body, inner)
		if p.help != "" {
			e.help = w.wrap("Help: "+p.help, st.small, inner)
		}
		y += problemHeight(st, e) + st.d(10)
		l.entries = append(l.entries, e)
	}
	l.content = y
	return l
}

func problemHeight(st *style, e problemEntry) float64 {
	h := st.d(28) + textHeight(len(e.whereLines), st.mono, 1.15) + st.d(4) + textHeight(len(e.msg), st.body, 1.3)
	if len(e.help) > 0 {
		h += st.d(4) + textHeight(len(e.help), st.small, 1.3)
	}
	return h
}

func (p *problemsScreen) problems() []scenarioProblem {
	errs, warns := p.a.lib.problems()
	return append(problemsOf(errs), problemsOf(warns)...)
}

// Update implements Screen.
func (p *problemsScreen) Update(in Input) (Screen, error) {
	st := p.a.style()
	l := layProblems(p.a.bounds(), st, p.a.wrap, p.problems())
	if in.Back {
		return p.back, nil
	}
	if in.Up {
		p.scroll.off -= lineH(st.body) * 2
	}
	if in.Down {
		p.scroll.off += lineH(st.body) * 2
	}
	p.scroll.update(in, l.view, l.content, lineH(st.body))
	if p.nav.update(in, []Rect{l.back}, nil, 1) == 0 {
		return p.back, nil
	}
	return p, nil
}

// Draw implements Screen.
func (p *problemsScreen) Draw(dst *ebiten.Image) {
	a := p.a
	st := a.style()
	pal := st.pal
	ps := p.problems()
	l := layProblems(a.bounds(), st, a.wrap, ps)
	p.scroll.clamp(l.view, l.content)
	errs, warns := a.lib.problems()
	sub := fmt.Sprintf("%d %s, %d %s. Fix the file and "+reloadHow+" to load it again.", len(errs), plural(len(errs), "error", "errors"), len(warns), plural(len(warns), "warning", "warnings"))
	a.header(dst, l.header, "Scenario problems", sub)
	if len(ps) == 0 {
		a.paint.text(dst, "Every scenario loaded cleanly.", st.body, l.view.X, l.view.Y, pal.Muted, l.view)
	}
	clip := clipTo(dst, l.view)
	for _, e := range l.entries {
		top := l.view.Y + e.y - p.scroll.off
		h := problemHeight(st, e)
		if top > l.view.Bottom() || top+h < l.view.Y {
			continue
		}
		r := Rect{l.view.X, top, l.view.W - st.d(12), h}
		a.paint.round(clip, r, st.d(8), pal.Panel)
		clr := pal.Bad
		if e.p.warning {
			clr = pal.Warn
		}
		a.paint.round(clip, Rect{r.X, r.Y, st.d(4), r.H}, st.d(2), clr)
		in := r.InsetXY(st.d(18), st.d(14))
		y := in.Y
		for _, ln := range e.whereLines {
			a.paint.textCut(clip, ln, st.mono, in.X, y, clr, l.view)
			y += lineH(st.mono) * 1.15
		}
		y += st.d(4)
		for _, ln := range e.msg {
			a.paint.textCut(clip, ln, st.body, in.X, y, pal.Text, l.view)
			y += lineH(st.body) * 1.3
		}
		if len(e.help) > 0 {
			y += st.d(4)
			for _, ln := range e.help {
				a.paint.textCut(clip, ln, st.small, in.X, y, pal.Muted, l.view)
				y += lineH(st.small) * 1.3
			}
		}
	}
	a.fadeEdges(clip, l.view, l.content, p.scroll.off, pal.Bg)
	a.scrollbar(dst, l.view, l.view.Right()-st.d(6), 0, l.content, p.scroll.off)
	a.button(dst, l.back, "Back", "Esc", p.nav.focus == 0, true, false)
}
