package ui

// The ending's timeline of the phases lived (format 2): one bar across the
// run, a segment per stint coloured by its track, and a legend that names
// every stint with its months, so the colours are never the only cue.

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// phaseStrip is the timeline laid out, in coordinates relative to its
// top-left corner.
type phaseStrip struct {
	stints []sim.Stint
	months int
	w, h   float64
	bar    kit.Rect
	// legend holds each stint's legend entry: its text and where it goes.
	legend []kit.Rect
	texts  []string
}

// stintText names a stint in the legend: "Meridian · months 2–29".
func stintText(s sim.Stint) string {
	if s.From == s.To {
		return fmt.Sprintf("%s · month %d", s.Label, s.From)
	}
	return fmt.Sprintf("%s · months %d–%d", s.Label, s.From, s.To)
}

// layPhaseStrip lays out the timeline of stints over months in width w.
func layPhaseStrip(st *kit.Style, stints []sim.Stint, months int, w float64) phaseStrip {
	p := phaseStrip{stints: stints, months: max(months, 1), w: w}
	y := kit.LineH(st.Label) + st.D(10)
	p.bar = kit.Rect{X: 0, Y: y, W: w, H: st.D(28)}
	y += p.bar.H + st.D(4) + kit.LineH(st.Tiny) + st.D(10)
	// The legend flows left to right and wraps.
	sw := st.D(14)
	rowH := kit.LineH(st.Small) + st.D(6)
	x := 0.0
	for _, s := range stints {
		t := stintText(s)
		ew := math.Min(sw+st.D(8)+kit.TextWidth(t, st.Small), w)
		if x > 0 && x+ew > w {
			x, y = 0, y+rowH
		}
		p.legend = append(p.legend, kit.Rect{X: x, Y: y, W: ew, H: rowH})
		p.texts = append(p.texts, t)
		x += ew + st.D(22)
	}
	p.h = y + rowH
	return p
}

// stintColour is a stint's colour: its track's, the same as the compare
// screen's; time between jobs is neutral and hatched.
func stintColour(pal kit.Palette, track string) color.RGBA {
	if track == "between" {
		return pal.Neutral
	}
	return trackColour(pal, track)
}

// segment is the part of the bar a stint covers.
func (p phaseStrip) segment(i int) kit.Rect {
	s := p.stints[i]
	x0 := p.bar.X + p.bar.W*float64(s.From-1)/float64(p.months)
	x1 := p.bar.X + p.bar.W*float64(min(s.To, p.months))/float64(p.months)
	return kit.Rect{X: x0, Y: p.bar.Y, W: math.Max(x1-x0, 1), H: p.bar.H}
}

// fillStint paints r in a stint's colour: solid, or hatched for time
// between jobs (a pattern, so it is not told by colour alone).
func (c *Context) fillStint(dst *ebiten.Image, r kit.Rect, track string) {
	st := c.Style()
	pal := st.Pal
	clr := stintColour(pal, track)
	if track != "between" {
		c.Paint.FillRect(dst, r, clr)
		return
	}
	c.Paint.FillRect(dst, r, kit.Mix(pal.Panel, clr, 0.25))
	clip := kit.ClipTo(dst, r)
	step := st.D(7)
	for x := r.X - r.H; x < r.Right(); x += step {
		c.Paint.Line(clip, x, r.Bottom(), x+r.H, r.Y, st.D(2), kit.Mix(pal.Panel, clr, 0.8))
	}
}

// drawPhaseStrip draws the timeline with its top-left corner at (ox, oy),
// clipped to view.
func (c *Context) drawPhaseStrip(dst *ebiten.Image, p phaseStrip, ox, oy float64, view kit.Rect) {
	st := c.Style()
	pal := st.Pal
	c.Paint.TextCut(dst, kit.Ellipsize("YOUR CAREER, PHASE BY PHASE", st.Label, p.w), st.Label, ox, oy, pal.Muted, view)
	bar := p.bar.Offset(ox, oy)
	if bar.Within(view, 0) {
		c.Paint.Round(dst, bar, st.D(6), pal.Sunken)
		for i, s := range p.stints {
			seg := p.segment(i).Offset(ox, oy)
			if i > 0 {
				// A hairline between stints, so two of one track read as two.
				seg.X += st.D(1)
				seg.W -= st.D(1)
			}
			c.fillStint(dst, seg, s.Track)
			if s.Track != "between" {
				if lw := kit.TextWidth(s.Label, st.Small); lw+st.D(12) <= seg.W {
					c.Paint.Text(dst, s.Label, st.Small, seg.X+st.D(6), seg.Y+(seg.H-kit.LineH(st.Small))/2, pal.AccentText, seg)
				}
			}
		}
	}
	// Month marks where each stint begins, and the last month.
	ty := bar.Bottom() + st.D(4)
	lastX := math.Inf(-1)
	mark := func(x float64, label string, right bool) {
		w := kit.TextWidth(label, st.Tiny)
		if !right {
			x = math.Min(x, bar.Right()-w)
		} else {
			x -= w
		}
		if x < lastX+st.D(6) {
			return
		}
		c.Paint.TextCut(dst, label, st.Tiny, x, ty, pal.Faint, view)
		lastX = x + w
	}
	for i, s := range p.stints {
		mark(p.segment(i).Offset(ox, oy).X, fmt.Sprint(s.From), false)
	}
	if n := len(p.stints); n > 0 {
		mark(bar.Right(), fmt.Sprint(p.stints[n-1].To), true)
	}
	for i, s := range p.stints {
		r := p.legend[i].Offset(ox, oy)
		sw := st.D(14)
		box := kit.Rect{X: r.X, Y: r.Y + (kit.LineH(st.Small)-sw)/2, W: sw, H: sw}
		if box.Within(view, 0) {
			c.fillStint(dst, box, s.Track)
		}
		tx := box.Right() + st.D(8)
		c.Paint.TextCut(dst, kit.Ellipsize(p.texts[i], st.Small, r.Right()-tx), st.Small, tx, r.Y, pal.Text, view)
	}
}

// phaseTimesText says where a recorded career went: "Seed startup 61,
// Meridian 18, Between jobs 2" (months), the phases named by the installed
// scenario (by id when it is not installed); "" without phases.
func phaseTimesText(sc *scenario.Scenario, rec *history.Record) string {
	var parts []string
	for _, pt := range rec.PhaseTimes() {
		name := pt.Phase
		if sc != nil {
			if i, ok := sc.PhaseIndex(pt.Phase); ok && !strings.Contains(sc.Phases[i].Label, "{") {
				name = sc.Phases[i].Label
			}
		}
		parts = append(parts, fmt.Sprintf("%s %d", name, pt.Months))
	}
	return strings.Join(parts, ", ")
}
