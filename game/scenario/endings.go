package scenario

// Endings, the outcome axes, and what can never be reached.

import (
	"fmt"
	"strings"
)

func (l *loader) endings() {
	sc := l.sc
	fallback := false
	for i := range sc.Endings {
		id := sc.Endings[i].ID
		d := l.f.Endings[id]
		path := "endings." + id
		l.checkID(path, "ending", id)
		l.need(path, "title", d.Title)
		l.need(path, "text", d.Text)
		e := &sc.Endings[i]
		e.Title, e.Text, e.AtEnd, e.Source = d.Title, strings.TrimSpace(d.Text), d.AtEnd, l.cite(path+".source", d.Source)
		e.Category = Category(d.Category)
		valid := false
		for _, c := range Categories {
			if c == e.Category {
				valid = true
			}
		}
		if !valid {
			names := []string{"thrived", "good", "survived", "struggled", "failed"}
			l.errorHelp(path+".category", didYouMean(d.Category, names), "unknown ending category `%s` (use thrived, good, survived, struggled or failed)", d.Category)
		}
		e.When = l.c.Cond(d.When, "the condition of ending `"+id+"`", ctxGeneral)
		if d.FollowUp != nil || len(d.FollowUps) > 0 || d.StartRaise != "" || d.End != "" {
			l.errorf(path, "ending `%s` can change stats and flags, but a follow_up, start_round or end means nothing once the run is over", id)
		}
		if d.Phase != "" {
			l.errorf(path+".phase", "ending `%s` switches phase, which means nothing once the run is over", id)
		}
		e.Effect = l.effect(path, &d.Effects, ctxGeneral)
		e.tTitle = l.text(path+".title", e.Title, "the title of ending `"+id+"`", ctxGeneral)
		e.tText = l.text(path+".text", e.Text, "the text of ending `"+id+"`", ctxGeneral)
		for j, vd := range d.Variants {
			vp := fmt.Sprintf("%s.variants.%d", path, j)
			vw := fmt.Sprintf("variant %d of ending `%s`", j+1, id)
			v := Variant{When: l.c.Cond(vd.When, "the condition of "+vw, ctxGeneral),
				Title: l.shown(vp+".title", vd.Title, "the title of "+vw, ctxGeneral), Text: l.shown(vp+".text", vd.Text, "the text of "+vw, ctxGeneral)}
			l.variant(vp, vw, v)
			e.variants = append(e.variants, v)
		}
		if d.AtEnd && !d.When.IsSet() {
			fallback = true
		}
	}
	if !fallback {
		l.errorf("endings", "no ending is sure to be reached: add an ending with at_end = true and no `when`, the fallback when the months run out")
	}
}

func (l *loader) axes() {
	a := l.f.Axes
	c := l.c
	l.sc.Axes = Axes{
		Wealth:    c.Num(a.Wealth, "the wealth axis", ctxGeneral),
		Level:     c.Num(a.Level, "the level axis", ctxGeneral),
		Skills:    c.Num(a.Skills, "the skills axis", ctxGeneral),
		Wellbeing: c.Num(a.Wellbeing, "the wellbeing axis", ctxGeneral),
		Autonomy:  c.Num(a.Autonomy, "the autonomy axis", ctxGeneral),
		Title:     c.Num(a.Title, "the title index", ctxGeneral),
		Titles:    a.Titles,
	}
	if len(a.Titles) == 0 && l.sc.Ladder != nil {
		for _, lv := range l.sc.Ladder.Levels {
			l.sc.Axes.Titles = append(l.sc.Axes.Titles, lv.Title)
		}
		if !a.Title.IsSet() && l.sc.Ladder.Level >= 0 {
			i := l.sc.Ladder.Level
			l.sc.Axes.Title = func(e *Env) float64 { return e.V[i] }
		}
	}
	if a.Title.IsSet() && len(l.sc.Axes.Titles) == 0 {
		l.errorf("axes.title", "`title` needs `titles` (or a ladder) to name")
	}
}

// reachability finds events, rounds and endings nothing can lead to.
func (l *loader) reachability() {
	sc := l.sc
	for _, ev := range sc.Events {
		if ev.Trigger == FollowUpOnly && l.scheduled[ev.ID] == 0 {
			l.errorf("events."+ev.ID+".trigger", "event `%s` only fires as a follow-up, but no choice schedules it", ev.ID)
		}
	}
	if sc.Funding != nil {
		for _, r := range sc.Funding.Rounds {
			if r.Offer == nil && l.started[r.ID] == 0 {
				l.errorf("funding.rounds."+r.ID, "round `%s` can never start: give it an [offer] or start it from a choice with start_round", r.ID)
			}
		}
	}
	for i, p := range sc.Phases {
		if i != sc.StartPhase && l.entered[p.ID] == 0 && l.entered[""] == 0 {
			l.errorf("phases."+p.ID, "phase `%s` can never be entered: switch to it with phase = \"%s\" in an effect, or make it the start_phase", p.ID, p.ID)
		}
	}
	used := map[int]bool{}
	l.allEffects(func(path string, e *Effects) {
		if i, ok := sc.endIndex[e.End]; ok {
			used[i] = true
		}
	})
	if sc.Funding != nil && sc.Funding.OutOfCash >= 0 {
		used[sc.Funding.OutOfCash] = true
	}
	if sc.Ladder != nil && sc.Ladder.OutEnding >= 0 {
		used[sc.Ladder.OutEnding] = true
	}
	for i, e := range sc.Endings {
		d := l.f.Endings[e.ID]
		switch {
		case !d.When.IsSet() && !d.AtEnd && !used[i]:
			l.errorf("endings."+e.ID, "ending `%s` can never be reached: give it a `when`, set at_end = true, or end a run with it (end = \"%s\")", e.ID, e.ID)
		case strings.TrimSpace(d.When.Src) == "false" && !used[i]:
			l.errorf("endings."+e.ID+".when", "ending `%s` can never be reached", e.ID)
		}
	}
	l.shadowedEndings(used)
}

// shadowedEndings finds endings that can never win because an earlier one
// that always holds is checked first: an ending with `when = true` wins
// every month, and an at_end ending without `when` wins every time the
// months run out. Endings reached through `end =` or a system are fine.
func (l *loader) shadowedEndings(used map[int]bool) {
	sc := l.sc
	always := func(e Expr) bool { return !e.IsSet() || strings.TrimSpace(e.Src) == "true" }
	monthly, atEnd := "", "" // the first ending that always wins, per check
	for i, e := range sc.Endings {
		d := l.f.Endings[e.ID]
		checked := d.When.IsSet() || d.AtEnd
		if !checked {
			continue
		}
		by := atEnd
		if monthly != "" {
			by = monthly
		}
		if !d.AtEnd {
			by = monthly
		}
		if by != "" && !used[i] {
			kind := "at_end = true and no `when`"
			if by == monthly {
				kind = "`when = true`"
			}
			l.errorHelp("endings."+e.ID, fmt.Sprintf("move [endings.%s] after [endings.%s], or give [endings.%s] a condition", by, e.ID, by),
				"ending `%s` can never be reached: the earlier ending `%s` (%s) always matches first", e.ID, by, kind)
		}
		switch {
		case !d.AtEnd && always(d.When) && monthly == "":
			monthly = e.ID
		case d.AtEnd && always(d.When) && atEnd == "":
			atEnd = e.ID
		}
	}
}
