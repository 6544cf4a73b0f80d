package workshop

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strings"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Charts for a projector: inline SVG with big type, drawn from the
// Okabe-Ito palette (told apart with every common colour-vision
// deficiency), each group also marked by its dot's shape.

// trackStyle is how a career track is drawn.
type trackStyle struct {
	Colour string
	Shape  string // circle, square, diamond
	Name   string
}

var trackStyles = map[string]trackStyle{
	"startup":   {"#E69F00", "circle", "Startup"},
	"corporate": {"#0072B2", "square", "Big company"},
	"academia":  {"#009E73", "diamond", "Academia"},
}

// otherStyles are for tracks not listed, and second groups of one track.
var otherStyles = []trackStyle{{"#CC79A7", "diamond", ""}, {"#56B4E9", "circle", ""}, {"#D55E00", "square", ""}}

// groupStyles gives each group of a room a distinct style: its track's
// when first, another otherwise.
func groupStyles(scs []*scenario.Scenario) []trackStyle {
	out := make([]trackStyle, len(scs))
	used := map[string]bool{}
	next := 0
	for i, sc := range scs {
		st, ok := trackStyles[sc.Track]
		if !ok || used[st.Colour] {
			st = otherStyles[next%len(otherStyles)]
			next++
		}
		used[st.Colour] = true
		if st.Name == "" {
			st.Name = sc.Title
		}
		out[i] = st
	}
	return out
}

func esc(s string) string { return html.EscapeString(s) }

// marker draws a group's dot at (x, y).
func marker(b *strings.Builder, st trackStyle, x, y, r float64, extra string) {
	switch st.Shape {
	case "square":
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#111" stroke-width="1.5"%s/>`, x-r, y-r, 2*r, 2*r, st.Colour, extra)
	case "diamond":
		fmt.Fprintf(b, `<path d="M%.1f %.1fl%.1f %.1fl%.1f %.1fl%.1f %.1fz" fill="%s" stroke="#111" stroke-width="1.5"%s/>`, x, y-r*1.25, r*1.25, r*1.25, -r*1.25, r*1.25, -r*1.25, -r*1.25, st.Colour, extra)
	default:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#111" stroke-width="1.5"%s/>`, x, y, r, st.Colour, extra)
	}
}

// whereChart shows how many of a group are at each month's card, and how
// many have finished, as columns.
func whereChart(g *Group, st trackStyle) template.HTML {
	const w, h, left, bottom, top = 1000.0, 150.0, 10.0, 40.0, 34.0
	months := len(g.Where)
	if months == 0 {
		return ""
	}
	peak := g.Finished
	for _, n := range g.Where {
		peak = max(peak, n)
	}
	peak = max(peak, 1)
	slots := float64(months + 4) // a gap, then the finished column
	cw := (w - left*2) / slots
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">`, w, h,
		esc(fmt.Sprintf("Where the %d people of %s are: %d finished", len(g.People), g.Scenario.Title, g.Finished)))
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#444" stroke-width="2"/>`, left, h-bottom, w-left, h-bottom)
	bar := func(i float64, n int, fill string) {
		if n == 0 {
			return
		}
		bh := (h - bottom - top) * float64(n) / float64(peak)
		x := left + i*cw
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#111" stroke-width="1"/>`, x+cw*0.1, h-bottom-bh, cw*0.8, bh, fill)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="26" font-weight="700">%d</text>`, x+cw/2, h-bottom-bh-8, n)
	}
	for m, n := range g.Where {
		bar(float64(m), n, st.Colour)
	}
	bar(float64(months+2), g.Finished, "#555")
	for m := 1; m <= months; m++ {
		if m == 1 || (m%6 == 0 && m <= months-2) || m == months {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" font-size="24" fill="#333">%d</text>`, left+(float64(m)-0.5)*cw, h-bottom+28, m)
		}
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" font-size="24" fill="#333">done</text>`, left+(float64(months)+2.5)*cw, h-bottom+28)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// axisScale maps an outcome axis's values onto [0, 1]. Money spans
// orders of magnitude (a startup exit beside a salary), so it is drawn on
// a log scale that keeps sign.
type axisScale struct {
	lo, hi float64
	money  bool
}

func (a axisScale) f(v float64) float64 {
	if a.money {
		return math.Copysign(math.Log10(1+math.Abs(v)/1000), v)
	}
	return v
}

func (a axisScale) pos(v float64) float64 {
	lo, hi := a.f(a.lo), a.f(a.hi)
	if hi <= lo {
		return 0.5
	}
	return math.Min(math.Max((a.f(v)-lo)/(hi-lo), 0), 1)
}

// outcomeChart draws one outcome axis: a row per group with every
// finished run as a dot and the typical bot's middle half as a grey band
// with its median as a line.
func outcomeChart(axis int, groups []GroupDebrief, styles []trackStyle) template.HTML {
	const w, left, right, rowH, top = 1000.0, 20.0, 20.0, 72.0, 10.0
	unit := history.AxisUnit(axis)
	sc := axisScale{lo: math.Inf(1), hi: math.Inf(-1), money: unit == scenario.Money}
	rows := 0
	for _, g := range groups {
		if axis >= len(g.Axes) {
			continue
		}
		a := g.Axes[axis]
		for _, v := range a.Values {
			sc.lo, sc.hi = math.Min(sc.lo, v), math.Max(sc.hi, v)
		}
		if g.HasBase() {
			sc.lo, sc.hi = math.Min(sc.lo, a.TypicalP10), math.Max(sc.hi, a.TypicalP90)
		}
		rows++
	}
	if rows == 0 || math.IsInf(sc.lo, 0) {
		return ""
	}
	if sc.hi == sc.lo {
		sc.lo, sc.hi = sc.lo-1, sc.hi+1
	}
	h := top + rowH*float64(rows) + 44
	x := func(v float64) float64 { return left + (w-left-right)*sc.pos(v) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">`, w, h, esc(sim.AxisNames[axis]+" by group"))
	row := 0
	for gi, g := range groups {
		if axis >= len(g.Axes) {
			continue
		}
		a := g.Axes[axis]
		cy := top + rowH*float64(row) + rowH/2
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ccc" stroke-width="2"/>`, left, cy, w-right, cy)
		if g.HasBase() {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#d9d9d9" stroke="#777" stroke-width="1.5"/>`,
				x(a.TypicalP25), cy-rowH*0.36, math.Max(x(a.TypicalP75)-x(a.TypicalP25), 3), rowH*0.72)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333" stroke-width="4" stroke-dasharray="6 4"/>`, x(a.Typical), cy-rowH*0.45, x(a.Typical), cy+rowH*0.45)
		}
		// Dots that would overlap stack upwards and downwards.
		placed := map[int]int{}
		for _, v := range a.Values {
			px := x(v)
			slot := int(px / 18)
			k := placed[slot]
			placed[slot]++
			dy := float64((k+1)/2) * 13
			if k%2 == 1 {
				dy = -dy
			}
			marker(&b, styles[gi], px, cy+math.Max(math.Min(dy, rowH*0.42), -rowH*0.42), 11, "")
		}
		row++
	}
	// Ticks: the ends and the middle of the scale.
	for _, t := range []float64{0, 0.5, 1} {
		v := sc.inverse(t)
		anchor := "middle"
		if t == 0 {
			anchor = "start"
		} else if t == 1 {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="%s" font-size="24" fill="#333">%s</text>`, left+(w-left-right)*t, h-10, anchor, esc(sim.FormatValue(v, unit)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// inverse maps a position in [0, 1] back to a value.
func (a axisScale) inverse(t float64) float64 {
	lo, hi := a.f(a.lo), a.f(a.hi)
	y := lo + (hi-lo)*t
	if !a.money {
		return y
	}
	return math.Copysign((math.Pow(10, math.Abs(y))-1)*1000, y)
}

// Bar is one row of a bar list: a label, a count and share, and the
// typical bot's share when there is one.
type Bar struct {
	Label   string
	Note    string // a second, smaller line (an ending's category)
	Count   int
	Pct     float64 // 0-100, of the bar list's whole
	Base    float64 // 0-100
	HasBase bool
	Colour  string
	Lead    bool // the most chosen
}

// choiceBars turns a card's tallies into bars.
func choiceBars(ts []Tally, colour string) []Bar {
	total, top := 0, 0
	for _, t := range ts {
		total += t.Count
		top = max(top, t.Count)
	}
	out := make([]Bar, len(ts))
	for i, t := range ts {
		out[i] = Bar{Label: t.Label, Count: t.Count, Colour: colour, Lead: t.Count == top && top > 0}
		if total > 0 {
			out[i].Pct = 100 * float64(t.Count) / float64(total)
		}
	}
	return out
}

// endingBars turns a group's endings into bars: the room's share of its
// finished runs next to the typical bot's share.
func endingBars(g GroupDebrief, colour string) []Bar {
	finished := g.Runs - g.Unfinished
	rows := append([]history.DebriefEnding(nil), g.Endings...)
	order := map[string]int{}
	for i, c := range scenario.Categories {
		order[string(c)] = i
	}
	sort.SliceStable(rows, func(i, j int) bool { return order[rows[i].Category] < order[rows[j].Category] })
	var out []Bar
	for _, e := range rows {
		if e.Count == 0 && e.Typical < 0.03 {
			continue // an ending neither the room nor the bot often reaches
		}
		b := Bar{Label: e.Title, Note: e.Category, Count: e.Count, Base: e.Typical * 100, HasBase: g.HasBase(), Colour: colour}
		if finished > 0 {
			b.Pct = 100 * float64(e.Count) / float64(finished)
		}
		out = append(out, b)
	}
	return out
}
