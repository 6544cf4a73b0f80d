package scenario

// Effects: the changes a choice, outcome, rule or system result makes.

import (
	"fmt"
	"sort"
)

// allEffects visits every Effects block of the file with its key path.
func (l *loader) allEffects(visit func(path string, e *Effects)) {
	f := l.f
	for _, id := range inOrder(l, "phases", f.Phases) {
		if e := f.Phases[id].Enter; e != nil {
			visit("phases."+id+".enter", e)
		}
	}
	for i := range f.Monthly {
		visit(fmt.Sprintf("monthly.%d", i), &f.Monthly[i].Effects)
	}
	choices := func(path string, cs []ChoiceDef) {
		for i := range cs {
			cp := fmt.Sprintf("%s.%d", path, i)
			visit(cp, &cs[i].Effects)
			for j := range cs[i].Outcomes {
				visit(fmt.Sprintf("%s.outcomes.%d", cp, j), &cs[i].Outcomes[j].Effects)
			}
		}
	}
	for _, id := range inOrder(l, "events", l.f.Events) {
		ev := f.Events[id]
		choices("events."+id+".choices", ev.Choices)
	}
	if f.Funding != nil {
		for _, id := range inOrder(l, "funding.rounds", l.f.Funding.Rounds) {
			r := f.Funding.Rounds[id]
			p := "funding.rounds." + id
			if r.Raising != nil {
				visit(p+".while_raising", r.Raising)
			}
			if r.Success != nil {
				visit(p+".success", &r.Success.Effects)
			}
			if r.Failure != nil {
				visit(p+".failure", &r.Failure.Effects)
			}
		}
	}
	if f.Ladder != nil {
		for i := range f.Ladder.Ratings {
			visit(fmt.Sprintf("ladder.ratings.%d", i), &f.Ladder.Ratings[i].Effects)
		}
		for i := range f.Ladder.Levels {
			visit(fmt.Sprintf("ladder.levels.%d", i), &f.Ladder.Levels[i].Effects)
		}
	}
	for _, id := range inOrder(l, "endings", f.Endings) {
		e := f.Endings[id]
		visit("endings."+id, &e.Effects)
	}
	if f.Fight != nil {
		choices("resource_fight.options", f.Fight.Options)
		visit("resource_fight.award", &f.Fight.Award)
	}
}

func (l *loader) assigns(path string, m map[string]Expr, ctx exprContext) []Assign {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Assign
	for _, k := range keys {
		i := l.declaredStat(join(path, k), k)
		v := l.c.Num(m[k], "the change to `"+k+"`", ctx)
		if i >= 0 && v != nil {
			out = append(out, Assign{Stat: i, Value: v})
		}
	}
	// Apply in stat order so results never depend on map order.
	sort.Slice(out, func(a, b int) bool { return out[a].Stat < out[b].Stat })
	return out
}

func (l *loader) effect(path string, e *Effects, ctx exprContext) Effect {
	sc := l.sc
	var out Effect
	out.Add = l.assigns(path+".effects", e.Add, ctx)
	out.Set = l.assigns(path+".set", e.Set, ctx)
	for _, fl := range e.SetFlags {
		if i, ok := sc.flagIndex[fl]; ok {
			out.SetFlags = append(out.SetFlags, i)
		}
	}
	for _, fl := range e.Clear {
		if i, ok := sc.flagIndex[fl]; ok {
			out.ClearFlags = append(out.ClearFlags, i)
		}
	}
	fus := e.FollowUps
	paths := make([]string, len(fus))
	for i := range fus {
		paths[i] = fmt.Sprintf("%s.follow_ups.%d", path, i)
	}
	if e.FollowUp != nil {
		fus = append([]FollowUpDef{*e.FollowUp}, fus...)
		paths = append([]string{path + ".follow_up"}, paths...)
	}
	if len(fus) > MaxFollowUps {
		l.errorHelp(paths[MaxFollowUps], "one card shows a month: schedule fewer, or one event that covers them",
			"%d follow-ups in one effect; the limit is %d", len(fus), MaxFollowUps)
		fus, paths = fus[:MaxFollowUps], paths[:MaxFollowUps]
	}
	for k, fu := range fus {
		p := paths[k]
		i := l.followUpRef(p+".event", fu.Event)
		if fu.After < 1 || fu.After > MaxMonths {
			l.errorf(p+".after", "follow-up `after` must be 1 or more months, not %d", fu.After)
		}
		if i >= 0 {
			out.FollowUps = append(out.FollowUps, FollowUp{Event: i, After: max(fu.After, 1)})
			l.scheduled[fu.Event]++
		}
	}
	if e.StartRaise != "" {
		out.startRound = l.roundRef(path+".start_round", e.StartRaise) + 1
	}
	if e.End != "" {
		out.end = l.endingRef(path+".end", e.End) + 1
	}
	if e.Phase != "" {
		out.phase = l.phaseRef(path+".phase", e.Phase) + 1
	}
	for _, as := range [][]Assign{out.Add, out.Set} {
		for _, a := range as {
			out.rederive = out.rederive || l.depStat[a.Stat]
		}
	}
	for _, fs := range [][]int{out.SetFlags, out.ClearFlags} {
		for _, f := range fs {
			out.rederive = out.rederive || l.depFlag[f]
		}
	}
	return out
}

// declaresEffects reports whether the author wrote any effect, even one
// that failed to compile (that has its own error).
func declaresEffects(e *Effects) bool {
	return len(e.Add)+len(e.Set)+len(e.SetFlags)+len(e.Clear)+len(e.FollowUps) > 0 || e.FollowUp != nil || e.StartRaise != "" || e.End != "" || e.Phase != ""
}
