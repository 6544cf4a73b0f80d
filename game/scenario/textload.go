package scenario

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Compiling texts (format 2): every placeholder is checked at its own
// file:line:col, then turned into a function of the state.

// textNames are the placeholder names that are not expression names.
var textNames = []string{"level_title", "phase", "age"}

// text compiles a player-visible text at a key path. what names it in
// messages ("the title of event `x`"); ctx decides the names it may show.
func (l *loader) text(path, src, what string, ctx exprContext) Text {
	if l.f.Format < 2 || !strings.ContainsAny(src, "{}") {
		return Text{}
	}
	segs, errs := scanTemplate(src)
	seen := map[string]int{}
	at := func(raw string) Pos {
		n := seen[raw]
		seen[raw]++
		return l.textPos(path, raw, n)
	}
	if len(errs) > 0 {
		for _, e := range errs {
			l.errs = append(l.errs, Error{File: l.file, Pos: at(e.raw), Msg: e.msg + " in " + what, Help: e.help})
		}
		return Text{}
	}
	parts := make([]textPart, 0, len(segs))
	ok := true
	for _, sg := range segs {
		if !sg.ph {
			parts = append(parts, textPart{lit: sg.lit})
			continue
		}
		show := l.placeholder(sg, at(sg.raw), what, ctx)
		if show == nil {
			ok = false
			continue
		}
		parts = append(parts, textPart{show: show})
	}
	if !ok {
		return Text{}
	}
	return Text{parts: parts}
}

// shown compiles an optional text of a variant; nil when not given.
func (l *loader) shown(path, src, what string, ctx exprContext) *Shown {
	if src == "" {
		return nil
	}
	src = strings.TrimSpace(src)
	return &Shown{Src: src, t: l.text(path, src, what, ctx)}
}

// placeholder compiles one {name} or {name:format}.
func (l *loader) placeholder(sg tmplSeg, pos Pos, what string, ctx exprContext) func(*Env) string {
	sc, c := l.sc, l.c
	fail := func(help, format string, args ...any) func(*Env) string {
		c.failHelp(Expr{Src: sg.name, Pos: pos}, 0, help, format, args...)
		return nil
	}
	if sg.format != "" && !contains(TextFormats, sg.format) {
		return fail(didYouMean(sg.format, TextFormats)+" (formats: "+strings.Join(TextFormats, ", ")+")",
			"unknown format `%s` in `%s` in %s", sg.format, sg.raw, what)
	}
	switch sg.name {
	case "level_title", "phase":
		if sg.format != "" {
			return fail("write {"+sg.name+"}", "`%s` is a name, not a number: it takes no format (in %s)", sg.name, what)
		}
		if sg.name == "level_title" {
			if sc.Ladder == nil {
				return fail("", "`level_title` in %s only means something in a scenario with a [ladder]", what)
			}
			return func(e *Env) string {
				ld := sc.Ladder
				lvl := min(max(int(e.V[ld.Level]), 0), len(ld.Levels)-1)
				return ld.Levels[lvl].Title
			}
		}
		if len(sc.Phases) == 0 {
			return fail("", "`phase` in %s only means something in a scenario with [phases]", what)
		}
		return func(e *Env) string {
			for i := range sc.Phases {
				if e.F[sc.AtFlag(i)] {
					return sc.Phases[i].Label
				}
			}
			return ""
		}
	case "age":
		if sc.StartAge <= 0 {
			return fail("set start_age at the top of the file", "`age` in %s needs a start_age", what)
		}
		month, age, format := sc.Var(VarMonth), float64(sc.StartAge), sg.format
		return func(e *Env) string {
			return FormatText(age+math.Floor((e.V[month]-1)/12), Plain, format)
		}
	}
	ref, known := c.names[sg.name]
	switch {
	case !known:
		names := append(append([]string(nil), c.all...), textNames...)
		sort.Strings(names)
		return fail(didYouMean(sg.name, names), "unknown name `%s` in %s", sg.name, what)
	case ref.kind == nameFlag || ref.kind == nameBuiltinFlag:
		return fail("a text shows numbers; give it a variant with when = \""+sg.name+"\" instead",
			"`%s` is a flag (true/false) in %s", sg.name, what)
	}
	num := c.Num(Expr{Src: sg.name, Pos: pos}, what, ctx)
	if num == nil {
		return nil // the compiler said why
	}
	unit := Plain
	switch {
	case ref.kind == nameStat:
		unit = sc.Stats[ref.idx].Unit
	case ref.idx < NumBuiltinVars:
		unit = builtinUnits[ref.idx]
	case ref.idx < NumBuiltinVars+len(sc.Phases):
		unit = Months // months_at_ID
	}
	format := sg.format
	return func(e *Env) string { return FormatText(num(e), unit, format) }
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// textPos finds the nth occurrence of raw in the value at a key path, for
// an error inside a text: the position of the value, when not found.
func (d *decoder) textPos(path, raw string, nth int) Pos {
	start := d.valuePos(path)
	off := d.offset(start)
	for k := 0; off >= 0; k++ {
		i := strings.Index(d.src[off:], raw)
		if i < 0 {
			break
		}
		if k == nth {
			return d.posAt(off + i)
		}
		off += i + len(raw)
	}
	return start
}

// offset converts a position to a byte offset in the source (-1 if out of
// range).
func (d *decoder) offset(p Pos) int {
	d.lineStarts()
	if p.Line < 1 || p.Line > len(d.lines) {
		return -1
	}
	off := d.lines[p.Line-1]
	for col := 1; col < p.Col && off < len(d.src); col++ {
		_, n := utf8.DecodeRuneInString(d.src[off:])
		off += n
	}
	return off
}

// posAt converts a byte offset to a position (columns count characters).
func (d *decoder) posAt(off int) Pos {
	d.lineStarts()
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) // first line after
	start := d.lines[line-1]
	return Pos{Line: line, Col: utf8.RuneCountInString(d.src[start:off]) + 1}
}

func (d *decoder) lineStarts() {
	if d.lines != nil {
		return
	}
	d.lines = []int{0}
	for i := 0; i < len(d.src); i++ {
		if d.src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
}

// variant checks that a variant replaces at least one text.
func (l *loader) variant(path, what string, v Variant) {
	if v.Title == nil && v.Text == nil && v.Label == nil && v.Blocked == nil && v.Speaker == "" && !l.failed[path] {
		l.errorf(path, "%s replaces no text; give it a title, text, label or blocked", what)
	}
}
