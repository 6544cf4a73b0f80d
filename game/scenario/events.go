package scenario

// Monthly rules, events, their choices and outcomes.

import (
	"fmt"
	"strconv"
	"strings"
)

func (l *loader) rules() {
	for i, r := range l.f.Monthly {
		path := fmt.Sprintf("monthly.%d", i)
		l.need(path, "label", r.Label)
		rule := Rule{Label: r.Label, When: l.c.Cond(r.When, "the condition of monthly rule `"+r.Label+"`", ctxGeneral),
			Effect: l.effect(path, &l.f.Monthly[i].Effects, ctxGeneral)}
		if !declaresEffects(&l.f.Monthly[i].Effects) {
			l.warnf(path, "monthly rule `%s` changes nothing", r.Label)
		}
		l.sc.Rules = append(l.sc.Rules, rule)
	}
}

func (l *loader) choices(path, owner string, defs []ChoiceDef, fight bool) []Choice {
	if len(defs) < 2 || len(defs) > 4 {
		l.errorf(path, "%s has %d choices; give it 2 to 4", owner, len(defs))
	}
	ctx := ctxEvent
	if fight {
		ctx = ctxGeneral
	}
	out := make([]Choice, 0, len(defs))
	for i := range defs {
		d := &defs[i]
		p := fmt.Sprintf("%s.%d", path, i)
		l.need(p, "label", d.Label)
		what := fmt.Sprintf("choice %d of %s", i+1, owner)
		ch := Choice{Label: d.Label, Blocked: d.Blocked, Text: strings.TrimSpace(d.Text), Hide: d.Hide, ShowOdds: DefaultShowOdds,
			Source: l.cite(p+".source", d.Source), When: l.c.Cond(d.When, "the condition of "+what, ctx),
			Effect: l.effect(p, &d.Effects, ctx)}
		if d.ShowOdds != nil {
			ch.ShowOdds = *d.ShowOdds
		}
		ch.Speaker = l.artKey(p+".speaker", "speaker", d.Speaker, SpeakerKeys())
		ch.tLabel = l.text(p+".label", ch.Label, "the label of "+what, ctx)
		ch.tBlocked = l.text(p+".blocked", ch.Blocked, "the blocked reason of "+what, ctx)
		ch.tText = l.text(p+".text", ch.Text, "the text of "+what, ctx)
		for j, vd := range d.Variants {
			vp := fmt.Sprintf("%s.variants.%d", p, j)
			vw := fmt.Sprintf("variant %d of %s", j+1, what)
			v := Variant{When: l.c.Cond(vd.When, "the condition of "+vw, ctx),
				Label: l.shown(vp+".label", vd.Label, "the label of "+vw, ctx), Blocked: l.shown(vp+".blocked", vd.Blocked, "the blocked reason of "+vw, ctx),
				Text: l.shown(vp+".text", vd.Text, "the text of "+vw, ctx)}
			l.variant(vp, vw, v)
			ch.variants = append(ch.variants, v)
		}
		if d.When.IsSet() && !d.Hide && strings.TrimSpace(d.Blocked) == "" {
			l.errorf(p+".when", "%s has a condition but no `blocked` reason to show when it is unavailable (or set hide = true)", what)
		}
		if fight {
			ch.Effort = l.c.Num(d.Effort, "the effort of "+what, ctxGeneral)
		} else if d.Effort.IsSet() {
			l.errorf(p+".effort", "`effort` only applies to [resource_fight] options")
		}
		ch.Outcomes = l.outcomes(p, what, d.Outcomes, ctx)
		if len(ch.Outcomes) == 0 && ch.Text == "" {
			l.errorf(p, "%s has neither a result `text` nor outcomes; say what happened and why", what)
		}
		if len(d.Outcomes) == 1 {
			l.errorf(p+".outcomes", "%s has a single outcome; use the choice's own effects and text, or add another outcome", what)
		}
		if !declaresEffects(&d.Effects) && !fight && len(ch.Outcomes) == 0 {
			l.warnf(p, "%s has no effect", what)
		}
		out = append(out, ch)
	}
	return out
}

func (l *loader) outcomes(path, what string, defs []OutcomeDef, ctx exprContext) []Outcome {
	var out []Outcome
	rest := 0
	sum, allConst := 0.0, true
	var lines []string // "line 34: 0.5" per constant chance, for the sum's message
	first := ""
	for j := range defs {
		d := &defs[j]
		p := fmt.Sprintf("%s.outcomes.%d", path, j)
		l.need(p, "text", d.Text)
		o := Outcome{Label: d.Label, Text: strings.TrimSpace(d.Text), Source: l.cite(p+".source", d.Source), Effect: l.effect(p, &d.Effects, ctx)}
		ow := fmt.Sprintf("outcome %d of %s", j+1, what)
		o.tLabel = l.text(p+".label", o.Label, "the label of "+ow, ctx)
		o.tText = l.text(p+".text", o.Text, "the text of "+ow, ctx)
		if !d.Chance.IsSet() {
			rest++
		} else {
			o.Chance = l.c.Num(d.Chance, fmt.Sprintf("the chance of outcome %d of %s", j+1, what), ctx)
			if v, err := strconv.ParseFloat(d.Chance.Src, 64); err == nil && !d.Chance.Quoted {
				if v < 0 || v > 1 {
					l.errorf(p+".chance", "chance %v is outside 0..1", v)
				}
				sum += v
				if first == "" {
					first = p + ".chance"
				}
				lines = append(lines, fmt.Sprintf("line %d: %v", l.pos.at(p+".chance").Line, v))
			} else {
				allConst = false
			}
		}
		out = append(out, o)
	}
	if rest > 1 {
		l.errorf(path+".outcomes", "%s has %d outcomes without a chance; only one may take what the others leave", what, rest)
	}
	if len(defs) > 1 && allConst && first != "" {
		// Point at the chance lines: the first, naming them (the first
		// few of a long list: a message stays a line).
		listed := strings.Join(lines[:min(len(lines), 8)], ", ")
		if len(lines) > 8 {
			listed += fmt.Sprintf(" and %d more", len(lines)-8)
		}
		if sum > 1+1e-9 {
			l.errorHelp(first, listed, "the chances of %s add up to %.3g, more than 1", what, sum)
		}
		if rest == 0 && sum < 1-1e-9 {
			l.errorHelp(first, listed, "the chances of %s add up to %.3g; make them add up to 1 or leave one outcome without a chance", what, sum)
		}
	}
	return out
}

func (l *loader) events() {
	sc := l.sc
	for i := range sc.Events {
		id := sc.Events[i].ID
		d := l.f.Events[id]
		path := "events." + id
		l.checkID(path, "event", id)
		l.need(path, "title", d.Title)
		l.need(path, "text", d.Text)
		ev := &sc.Events[i]
		ev.Title, ev.Text, ev.Icon, ev.Source = d.Title, strings.TrimSpace(d.Text), d.Icon, l.cite(path+".source", d.Source)
		ev.When = l.c.Cond(d.When, "the condition of event `"+id+"`", ctxEvent)
		ev.Weight = l.c.Num(d.Weight, "the weight of event `"+id+"`", ctxEvent)
		if w, err := strconv.ParseFloat(strings.TrimSpace(d.Weight.Src), 64); err == nil && d.Weight.IsSet() {
			switch {
			case w < 0:
				l.errorHelp(path+".weight", "a weight is a relative chance of being drawn, 0 or more; an expression that goes below 0 counts as 0", "event `%s` has a negative weight, %v", id, w)
			case w == 0 && (d.Trigger == "" || d.Trigger == DefaultTrigger):
				l.errorHelp(path+".weight", "give it a weight above 0, or a `when` that says when it may be drawn", "event `%s` has weight 0, so it can never be drawn", id)
			}
		}
		ev.Phases = l.eventPhases(path+".phases", d.Phases)
		ev.Speaker = l.artKey(path+".speaker", "speaker", d.Speaker, SpeakerKeys())
		ev.tTitle = l.text(path+".title", ev.Title, "the title of event `"+id+"`", ctxEvent)
		ev.tText = l.text(path+".text", ev.Text, "the text of event `"+id+"`", ctxEvent)
		for j, vd := range d.Variants {
			vp := fmt.Sprintf("%s.variants.%d", path, j)
			vw := fmt.Sprintf("variant %d of event `%s`", j+1, id)
			v := Variant{When: l.c.Cond(vd.When, "the condition of "+vw, ctxEvent),
				Title: l.shown(vp+".title", vd.Title, "the title of "+vw, ctxEvent), Text: l.shown(vp+".text", vd.Text, "the text of "+vw, ctxEvent),
				Speaker: l.artKey(vp+".speaker", "speaker", vd.Speaker, SpeakerKeys())}
			l.variant(vp, vw, v)
			ev.variants = append(ev.variants, v)
		}
		switch d.Trigger {
		case "", DefaultTrigger:
			ev.Trigger = Random
		case "scheduled":
			ev.Trigger = Scheduled
			if !d.When.IsSet() {
				l.errorf(path+".trigger", "scheduled event `%s` needs a `when` condition saying when it happens", id)
			}
		case "follow_up":
			ev.Trigger = FollowUpOnly
		case "shared":
			ev.Trigger = Shared
			if l.f.Format < 2 {
				l.errorHelp(path+".trigger", "write format = 2 at the top of the file to use it", "`trigger = \"shared\"` needs format = 2 (this file says format = 1)")
			}
		default:
			if l.f.Format >= 2 {
				l.errorHelp(path+".trigger", didYouMean(d.Trigger, []string{"random", "scheduled", "follow_up", "shared"}), "unknown trigger `%s` (use random, scheduled, follow_up or shared)", d.Trigger)
			} else {
				l.errorHelp(path+".trigger", didYouMean(d.Trigger, []string{"random", "scheduled", "follow_up"}), "unknown trigger `%s` (use random, scheduled or follow_up)", d.Trigger)
			}
		}
		ev.Max, ev.Cooldown = d.Max, d.Cooldown
		if d.Max < 0 || d.Cooldown < 0 {
			l.errorf(path, "`max` and `cooldown` cannot be negative")
		}
		if _, given := l.pos.keys[path+".max"]; ev.Trigger == Scheduled && !given {
			ev.Max = DefaultScheduledMax
		}
		if strings.TrimSpace(d.When.Src) == "false" {
			l.errorf(path+".when", "event `%s` can never fire: its condition is always false", id)
		}
		ev.Choices = l.choices(path+".choices", "event `"+id+"`", l.f.Events[id].Choices, false)
	}
	if len(sc.Events) == 0 {
		l.errorf("", "the scenario has no events; add at least one [events.NAME] table")
	}
}
