package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
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
	plainScreen
	back    Screen
	scroll  kit.Scroll
	nav     kit.Focus
	backBtn kit.Button
}

func newProblems(back Screen) *problemsScreen {
	return &problemsScreen{back: back, backBtn: kit.Button{Label: "Back", Key: "Esc"}}
}

// Name implements Screen.
func (p *problemsScreen) Name() string { return "problems" }

// Targets implements Screen: Back.
func (p *problemsScreen) Targets(c *Context) []kit.Target {
	return []kit.Target{p.backBtn.Target(layProblems(c.Bounds(), c.Style(), c.Wrap, p.problems(c)).back)}
}

func (p *problemsScreen) refresh(c *Context) Screen {
	if r, ok := p.back.(refresher); ok {
		p.back = r.refresh(c)
	}
	return p
}

type problemsLayout struct {
	header, view, back kit.Rect
	entries            []problemEntry
	content            float64
}

type problemEntry struct {
	p          scenarioProblem
	y          float64 // top, in content coordinates
	msg, help  []string
	whereLines []string
}

func layProblems(b kit.Rect, st *kit.Style, w *kit.Wrapper, ps []scenarioProblem) problemsLayout {
	var l problemsLayout
	body := b.InsetXY(st.D(32), st.D(24))
	l.header, body = body.CutTop(kit.HeaderHeight(st, true))
	_, body = body.CutTop(st.D(16))
	foot, body := body.CutBottom(st.D(44))
	l.back = kit.Rect{X: foot.X, Y: foot.Bottom() - st.D(44), W: math.Min(st.D(180), foot.W), H: st.D(44)}
	_, l.view = body.CutBottom(st.D(12))
	l.view = l.view.InsetXY(0, 0)
	inner := l.view.W - st.D(40)
	y := 0.0
	for _, p := range ps {
		e := problemEntry{p: p, y: y}
		e.whereLines = w.Wrap(p.where, st.Mono, inner)
		e.msg = w.Wrap(p.msg, st.Body, inner)
		if p.help != "" {
			e.help = w.Wrap("Help: "+p.help, st.Small, inner)
		}
		y += problemHeight(st, e) + st.D(10)
		l.entries = append(l.entries, e)
	}
	l.content = y
	return l
}

func problemHeight(st *kit.Style, e problemEntry) float64 {
	h := st.D(28) + kit.TextHeight(len(e.whereLines), st.Mono, 1.15) + st.D(4) + kit.TextHeight(len(e.msg), st.Body, 1.3)
	if len(e.help) > 0 {
		h += st.D(4) + kit.TextHeight(len(e.help), st.Small, 1.3)
	}
	return h
}

func (p *problemsScreen) problems(c *Context) []scenarioProblem {
	errs, warns := c.lib.problems()
	return append(problemsOf(errs), problemsOf(warns)...)
}

// Update implements Screen.
func (p *problemsScreen) Update(c *Context, in kit.Input) (Screen, error) {
	st := c.Style()
	l := layProblems(c.Bounds(), st, c.Wrap, p.problems(c))
	if in.Back {
		return p.back, nil
	}
	if in.Up {
		p.scroll.Off -= kit.LineH(st.Body) * 2
	}
	if in.Down {
		p.scroll.Off += kit.LineH(st.Body) * 2
	}
	p.scroll.Update(in, l.view, l.content, kit.LineH(st.Body))
	if p.nav.Update(in, []kit.Rect{l.back}, nil, 1) == 0 {
		return p.back, nil
	}
	return p, nil
}

// Draw implements Screen.
func (p *problemsScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	ps := p.problems(c)
	l := layProblems(c.Bounds(), st, c.Wrap, ps)
	p.scroll.Clamp(l.view, l.content)
	errs, warns := c.lib.problems()
	sub := fmt.Sprintf("%d %s, %d %s. Fix the file and "+reloadHow+" to load it again.", len(errs), words.Plural(len(errs), "error", "errors"), len(warns), words.Plural(len(warns), "warning", "warnings"))
	kit.Header{Title: "Scenario problems", Sub: sub}.Draw(c.Context, dst, l.header)
	if len(ps) == 0 {
		c.Paint.Text(dst, "Every scenario loaded cleanly.", st.Body, l.view.X, l.view.Y, pal.Muted, l.view)
	}
	clip := kit.ClipTo(dst, l.view)
	for _, e := range l.entries {
		top := l.view.Y + e.y - p.scroll.Off
		h := problemHeight(st, e)
		if top > l.view.Bottom() || top+h < l.view.Y {
			continue
		}
		r := kit.Rect{X: l.view.X, Y: top, W: l.view.W - st.D(12), H: h}
		c.Paint.Round(clip, r, st.D(8), pal.Panel)
		clr := pal.Bad
		if e.p.warning {
			clr = pal.Warn
		}
		c.Paint.Round(clip, kit.Rect{X: r.X, Y: r.Y, W: st.D(4), H: r.H}, st.D(2), clr)
		in := r.InsetXY(st.D(18), st.D(14))
		y := in.Y
		for _, ln := range e.whereLines {
			c.Paint.TextCut(clip, ln, st.Mono, in.X, y, clr, l.view)
			y += kit.LineH(st.Mono) * 1.15
		}
		y += st.D(4)
		for _, ln := range e.msg {
			c.Paint.TextCut(clip, ln, st.Body, in.X, y, pal.Text, l.view)
			y += kit.LineH(st.Body) * 1.3
		}
		if len(e.help) > 0 {
			y += st.D(4)
			for _, ln := range e.help {
				c.Paint.TextCut(clip, ln, st.Small, in.X, y, pal.Muted, l.view)
				y += kit.LineH(st.Small) * 1.3
			}
		}
	}
	kit.FadeEdges(c.Context, clip, l.view, l.content, p.scroll.Off, pal.Bg)
	kit.Scrollbar(c.Context, dst, l.view, l.view.Right()-st.D(6), 0, l.content, p.scroll.Off)
	p.backBtn.Draw(c.Context, dst, l.back, p.nav.I == 0)
}
