package scenario

// Balance bots and the calibration bands careersim balance checks.

import (
	"fmt"
)

// defaultBots returns the balance bots every scenario has, in order;
// [bots.NAME] tunes cautious and bold or adds more. The random and typical
// bots are shared (see sharedBots).
func defaultBots() (names []string, defs []BotDef) {
	return []string{"random", "typical", "cautious", "bold"}, []BotDef{
		{Description: "picks any available choice at random"},
		{Description: "a typical player: weighs expected outcomes on every axis, with a quarter of choices made on a whim", Risk: 0, Explore: 0.25, Lookahead: 3},
		{Description: "cautious: judges each choice by its worst outcome and keeps a cushion", Risk: -1, Explore: 0.05, Lookahead: 6},
		{Description: "bold: judges each choice by its best outcome", Risk: 1, Explore: 0.05, Lookahead: 3},
	}
}

// sharedBots may not be re-tuned by a scenario: the typical player is the
// yardstick every path and every band is measured with, and the positional
// bots (first, second, last: the player who does not read) come from the
// balance tool.
var sharedBots = map[string]string{
	"random":  "the random bot is the floor every scenario shares",
	"typical": "the typical player is shared by every scenario so that paths compare and bands mean the same thing",
	"first":   "`first` is the balance tool's positional bot (always the first choice)",
	"second":  "`second` is the balance tool's positional bot (always the second choice)",
	"last":    "`last` is the balance tool's positional bot (always the last choice)",
}

func (l *loader) bots() {
	sc := l.sc
	defs := map[string]BotDef{}
	names, builtin := defaultBots()
	for i, n := range names {
		defs[n] = builtin[i]
	}
	for _, n := range inOrder(l, "bots", l.f.Bots) {
		p := "bots." + n
		l.checkID(p, "bot", n)
		b := l.f.Bots[n]
		if why, ok := sharedBots[n]; ok {
			l.errorHelp(p, "add your own bot under another name, e.g. [bots.careful_"+n+"], and name it in a band's `bot`", "[bots.%s] cannot be tuned: %s", n, why)
			continue
		}
		if _, ok := defs[n]; !ok {
			names = append(names, n)
		}
		if b.Risk < -1 || b.Risk > 1 {
			l.errorf(p+".risk", "risk must be from -1 to 1")
		}
		if b.Explore < 0 || b.Explore > 1 {
			l.errorf(p+".explore", "explore must be from 0 to 1")
		}
		if b.Lookahead < 0 || b.Lookahead > 12 {
			l.errorf(p+".lookahead", "lookahead must be from 0 to 12")
		}
		if _, given := l.pos.keys[p+".lookahead"]; !given {
			b.Lookahead = DefaultLookahead
		}
		defs[n] = b
	}
	for _, n := range names {
		d := defs[n]
		bot := Bot{Name: n, Description: d.Description, Risk: d.Risk, Explore: d.Explore, Lookahead: d.Lookahead}
		if d.Score.IsSet() {
			bot.Score = l.c.Num(d.Score, "the score of bot `"+n+"`", ctxGeneral)
		}
		sc.Bots = append(sc.Bots, bot)
	}
}

func (l *loader) calibration() {
	sc := l.sc
	seen := map[string]bool{}
	for i, d := range l.f.Calibration {
		p := fmt.Sprintf("calibration.%d", i)
		l.checkID(p+".id", "calibration", d.ID)
		if seen[d.ID] {
			l.errorf(p+".id", "duplicate calibration id `%s`", d.ID)
		}
		seen[d.ID] = true
		l.need(p, "label", d.Label)
		cb := Calibration{ID: d.ID, Label: d.Label, Bot: d.Bot, Metric: d.Metric, Min: d.Min, Max: d.Max, Source: l.cite(p+".source", d.Source)}
		if cb.Bot == "" {
			cb.Bot = DefaultBandBot
		}
		l.botRef(p+".bot", cb.Bot)
		switch d.Metric {
		case "share":
			if d.Min < 0 || d.Max > 1 {
				l.errorf(p, "a share band must lie within 0..1")
			}
		case "median_month":
		default:
			l.errorHelp(p+".metric", didYouMean(d.Metric, []string{"share", "median_month"}), "unknown metric `%s` (use share or median_month)", d.Metric)
		}
		if d.Min > d.Max {
			l.errorf(p+".min", "band min %v is above max %v", d.Min, d.Max)
		}
		cb.When = l.c.Cond(d.When, "calibration `"+d.ID+"`", ctxGeneral)
		for j, id := range d.Endings {
			if k := l.endingRef(fmt.Sprintf("%s.endings.%d", p, j), id); k >= 0 {
				cb.Endings = append(cb.Endings, k)
			}
		}
		if len(d.Endings) > 0 && d.Metric != "share" {
			l.errorf(p+".endings", "`endings` only applies to the share metric")
		}
		if !d.When.IsSet() && len(d.Endings) == 0 && !l.failed[p+".when"] {
			l.errorf(p, "calibration `%s` needs a `when` condition or a list of `endings`", d.ID)
		}
		cb.Among = l.c.Cond(d.Among, "the `among` of calibration `"+d.ID+"`", ctxGeneral)
		sc.Calibration = append(sc.Calibration, cb)
	}
}
