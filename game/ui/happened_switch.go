package ui

// A switch of phase on the what-happened screen: not a silent change of
// stats but an event, in its own box — the old and the new employer, the
// level you start at, the stock grant and its cliff, what you forfeited,
// what you left behind, what the new place starts you with, what you carry.

import (
	"fmt"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// switchRow is one line of a switch's box: a key and its wrapped value.
type switchRow struct {
	key   string
	lines []string
	tone  int // 0 plain, 1 good, -1 bad
}

// switchBox is a switch laid out for a width.
type switchBox struct {
	title []string
	rows  []switchRow
	keyW  float64
	h     float64
}

// Caps on the lists of a switch's box: the rest are counted, and the
// changes panel beside it lists every stat that moved.
const (
	maxLeftItems    = 4
	maxStartedItems = 4
	maxCarriedItems = 5
)

// storyList joins at most n items' texts, saying how many more there are.
func storyList(items []sim.StoryItem, n int) string {
	var parts []string
	for i, it := range items {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(items)-n))
			break
		}
		parts = append(parts, it.Text)
	}
	return strings.Join(parts, "; ")
}

// switchKeys are the keys of a switch's rows, for the width of their
// column.
var switchKeys = []string{"YOU START AT", "STOCK GRANT", "FORFEITED", "STARTS WITH", "LEFT BEHIND", "CARRIED OVER", "SYSTEMS"}

// switchPad is the inner margin of a switch's box.
func switchPad(st *kit.Style) float64 { return st.D(16) }

// laySwitch lays out a switch's story in a box of width w.
func laySwitch(st *kit.Style, wr *kit.Wrapper, s sim.SwitchStory, w float64) switchBox {
	pad := switchPad(st)
	inner := w - 2*pad
	var b switchBox
	for _, k := range switchKeys {
		b.keyW = math.Max(b.keyW, kit.TextWidth(k, st.Label)+st.D(14))
	}
	if inner-b.keyW < st.D(220) {
		b.keyW = 0 // narrow: each key on its own line
	}
	b.title = wr.Wrap(s.Title, st.Heading, inner)
	add := func(key, value string, tone int) {
		if value == "" {
			return
		}
		vw := inner - b.keyW
		b.rows = append(b.rows, switchRow{key: key, lines: wr.Wrap(value, st.Small, vw), tone: tone})
	}
	add("YOU START AT", strings.TrimPrefix(s.Level, "You start at "), 0)
	add("STOCK GRANT", s.Grant, 1)
	add("FORFEITED", s.Forfeited, -1)
	add("STARTS WITH", storyList(s.Started, maxStartedItems), 0)
	left := s.Left
	if s.LeftLevel != "" {
		left = append([]sim.StoryItem{{Stat: -1, Text: s.LeftLevel}}, left...)
	}
	add("LEFT BEHIND", storyList(left, maxLeftItems), 0)
	add("CARRIED OVER", storyList(s.Carried, maxCarriedItems), 1)
	add("SYSTEMS", strings.Join(s.Systems, " · "), 0)
	h := pad + kit.LineH(st.Label) + st.D(4) + kit.TextHeight(len(b.title), st.Heading, 1.1) + st.D(10)
	for _, r := range b.rows {
		h += b.rowHeight(st, r) + st.D(6)
	}
	b.h = h + pad - st.D(6)
	return b
}

// rowHeight is a row's height: its value's lines, under its key when the
// box is narrow.
func (b switchBox) rowHeight(st *kit.Style, r switchRow) float64 {
	h := kit.TextHeight(len(r.lines), st.Small, 1.3)
	if b.keyW == 0 {
		h += kit.LineH(st.Label) + st.D(2)
	}
	return h
}

// drawSwitch draws a switch's box of width w at (x, y), clipped to view.
func (c *Context) drawSwitch(dst *ebiten.Image, b switchBox, x, y, w float64, view kit.Rect) {
	st := c.Style()
	pal := st.Pal
	r := kit.Rect{X: x, Y: y, W: w, H: b.h}
	if r.Overlaps(view) {
		c.Paint.Round(dst, r, st.D(10), kit.Mix(pal.Panel, pal.Accent, 0.08))
		c.Paint.RoundStroke(dst, r, st.D(10), st.D(1.5), pal.Accent)
	}
	pad := switchPad(st)
	ix := x + pad
	cy := y + pad
	c.Paint.TextCut(dst, "A NEW CHAPTER", st.Label, ix, cy, pal.Accent, view)
	cy += kit.LineH(st.Label) + st.D(4)
	for _, ln := range b.title {
		c.Paint.TextCut(dst, ln, st.Heading, ix, cy, pal.Text, view)
		cy += kit.LineH(st.Heading) * 1.1
	}
	cy += st.D(10)
	for _, row := range b.rows {
		clr := pal.Text
		switch row.tone {
		case 1:
			clr = pal.Good
		case -1:
			clr = pal.Bad
		}
		vx, vy := ix+b.keyW, cy
		if b.keyW == 0 {
			c.Paint.TextCut(dst, row.key, st.Label, ix, cy, pal.Muted, view)
			vy += kit.LineH(st.Label) + st.D(2)
		} else {
			// The key sits on the value's first line.
			c.Paint.TextCut(dst, row.key, st.Label, ix, cy+(kit.LineH(st.Small)-kit.LineH(st.Label))/2, pal.Muted, view)
		}
		for _, ln := range row.lines {
			c.Paint.TextCut(dst, ln, st.Small, vx, vy, clr, view)
			vy += kit.LineH(st.Small) * 1.3
		}
		cy += b.rowHeight(st, row) + st.D(6)
	}
}
