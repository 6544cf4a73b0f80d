package ui

// The month screen in a career that changes employer (format 2): the
// systems and stats of the phase the run is in, the phase in the top bar,
// a chapter banner on the first month after a switch, and the earlier
// choice a follow-up comes from.

import (
	"fmt"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// monthScenario is the scenario as the month shows it: a system whose
// `active` condition is false now (the runway between jobs, the ladder at
// a startup) is left out, so the screen lays out and draws only the
// systems that run. Without phases or `active` it is the scenario itself.
func monthScenario(run *sim.Run) *scenario.Scenario {
	sc := run.Scenario()
	fund := sc.Funding == nil || run.SystemOn("funding")
	ladder := sc.Ladder == nil || run.SystemOn("ladder")
	fight := sc.Fight == nil || run.SystemOn("fight")
	if fund && ladder && fight {
		return sc
	}
	v := *sc
	if !fund {
		v.Funding = nil
	}
	if !ladder {
		v.Ladder = nil
	}
	if !fight {
		v.Fight = nil
	}
	return &v
}

// shownHUD are the stats the HUD lists now: those hudStats lists that the
// run shows (not hidden, and their `active` condition holds).
func shownHUD(run *sim.Run) []int {
	var out []int
	for _, i := range hudStats(monthScenario(run)) {
		if run.Shown(i) {
			out = append(out, i)
		}
	}
	return out
}

// monthSub is the line under the top bar's title: the month, the phase and
// since when (which stands in for the role of a career that changes
// employer), the age and the session.
func monthSub(run *sim.Run) string {
	sc := run.Scenario()
	sub := fmt.Sprintf("Month %d of %d", run.Month(), sc.Months)
	if st := run.Stints(); len(st) > 0 {
		cur := st[len(st)-1]
		sub += fmt.Sprintf(" · %s since month %d", cur.Label, cur.From)
	}
	if sc.StartAge > 0 {
		sub += fmt.Sprintf(" · age %d", sc.StartAge+(run.Month()-1)/12)
	}
	if sc.Role != "" && len(sc.Phases) == 0 {
		sub += " · " + sc.Role
	}
	if s := run.Session(); s != "" {
		sub += " · session " + s
	}
	return sub
}

// chapter says whether this month opens a new phase (the run switched in
// the month before) and which chapter of the career it is.
func chapter(run *sim.Run) (int, sim.Stint, bool) {
	st := run.Stints()
	log := run.PhaseLog()
	if len(st) == 0 || len(log) < 2 || log[len(log)-1].Month != run.Month()-1 {
		return 0, sim.Stint{}, false
	}
	return len(st), st[len(st)-1], true
}

// chapterAnim is how long the chapter banner takes to come in.
const chapterAnim = 700 * time.Millisecond

// chapterHeight is the height of the chapter banner at the top of the
// card, with the gap under it.
func chapterHeight(st *kit.Style) float64 { return kit.LineH(st.Label) + st.D(14) + st.D(14) }

// drawChapter draws the chapter banner across the top of the card (r is
// its area) coming in over t (0-1; 1 at rest and with reduced motion).
func (c *Context) drawChapter(dst *ebiten.Image, r kit.Rect, n int, s sim.Stint, t float64, view kit.Rect) {
	st := c.Style()
	pal := st.Pal
	band := kit.Rect{X: r.X, Y: r.Y, W: r.W, H: kit.LineH(st.Label) + st.D(14)}
	if !band.Within(view, 0) {
		return
	}
	c.Paint.Round(dst, band, st.D(6), kit.Alpha(kit.Mix(pal.Panel, pal.Accent, 0.18), t))
	c.Paint.FillRect(dst, kit.Rect{X: band.X, Y: band.Y, W: st.D(4) + (band.W-st.D(4))*(1-t), H: band.H}, kit.Alpha(pal.Accent, t))
	head := fmt.Sprintf("CHAPTER %d · %s", n, strings.ToUpper(s.Label))
	since := fmt.Sprintf("from month %d", s.From)
	sw := kit.TextWidth(since, st.Small)
	ty := band.Y + (band.H-kit.LineH(st.Label))/2
	c.Paint.Text(dst, kit.Ellipsize(head, st.Label, band.W-sw-st.D(40)), st.Label, band.X+st.D(14), ty, kit.Alpha(pal.Accent, t), band)
	c.Paint.Text(dst, since, st.Small, band.Right()-sw-st.D(12), band.Y+(band.H-kit.LineH(st.Small))/2, kit.Alpha(pal.Muted, t), band)
}

// becauseLines wraps a follow-up's cause for the card: the month and the
// choice it comes from, shown modestly above the card's text.
func becauseLines(w *kit.Wrapper, st *kit.Style, card sim.CardView, width float64) []string {
	if card.Because == "" {
		return nil
	}
	return w.Wrap("Because of "+lowerFirst(card.Because), st.Small, width)
}

// lowerFirst lowers a text's first letter ("Month 5" → "month 5").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
