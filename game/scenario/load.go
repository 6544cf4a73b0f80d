package scenario

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,47}$`)

// defaultBots returns the balance bots every scenario has, in order;
// [bots.NAME] tunes them or adds more.
func defaultBots() (names []string, defs []BotDef) {
	return []string{"random", "typical", "cautious", "bold"}, []BotDef{
		{Description: "picks any available choice at random"},
		{Description: "a typical player: weighs expected outcomes on every axis, with a quarter of choices made on a whim", Risk: 0, Explore: 0.25, Lookahead: 3},
		{Description: "cautious: judges each choice by its worst outcome and keeps a cushion", Risk: -1, Explore: 0.05, Lookahead: 6},
		{Description: "bold: judges each choice by its best outcome", Risk: 1, Explore: 0.05, Lookahead: 3},
	}
}

// loader checks and compiles one parsed file.
type loader struct {
	*decoder
	f   *File
	sc  *Scenario
	c   *exprCompiler
	src map[string]Source
	// scheduled counts follow-ups that name each event; started counts
	// start_round effects per round.
	scheduled map[string]int
	started   map[string]int
	// depStat and depFlag mark what derived stats read.
	depStat, depFlag []bool
}

// Parse reads, checks and compiles one scenario file. It returns the
// scenario (nil when there are errors) and every problem found, warnings
// included.
func Parse(name string, src []byte) (*Scenario, Errors) {
	f, d := parseFile(name, src)
	if f == nil {
		return nil, d.errs
	}
	l := &loader{decoder: d, f: f, scheduled: map[string]int{}, started: map[string]int{}}
	sc := l.build()
	l.errs.sort()
	if l.errs.HasErrors() {
		return nil, l.errs
	}
	return sc, l.errs
}

func (l *loader) warnf(path, format string, args ...any) {
	l.errs = append(l.errs, Error{File: l.file, Pos: l.pos.at(path), Msg: fmt.Sprintf(format, args...), Warning: true})
}

// inOrder returns a table's keys in file order: map iteration is random,
// and file order keeps ids, indices and error lists stable.
func inOrder[T any](l *loader, path string, m map[string]T) []string {
	keys := make(map[string]any, len(m))
	for k := range m {
		keys[k] = nil
	}
	return l.sortedKeys(path, keys)
}

func (l *loader) checkID(path, kind, id string) {
	if !idPattern.MatchString(id) {
		l.errorf(path, "%s id `%s` must start with a lower-case letter and hold only a-z, 0-9 and _ (at most 48)", kind, id)
	}
}

func (l *loader) need(path, key, v string) {
	if l.failed[join(path, key)] {
		return // already reported as the wrong type
	}
	if strings.TrimSpace(v) == "" {
		l.errorf(join(path, key), "`%s` is empty", key)
	}
}

func (l *loader) build() *Scenario {
	f := l.f
	sc := &Scenario{ID: f.ID, Title: f.Title, Track: f.Track, Role: f.Role, Pitch: strings.TrimSpace(f.Pitch),
		Promise: f.Promise, Price: f.Price, Version: f.Version, Months: f.Months, StartAge: f.StartAge,
		File: l.file, statIndex: map[string]int{}, flagIndex: map[string]int{}, eventIndex: map[string]int{}, endIndex: map[string]int{}}
	l.sc = sc
	l.identity()
	l.sources()
	l.stats()
	l.collectFlags()
	// Systems are compiled before the expression compiler is made, because
	// which built-ins are allowed depends on them; their expressions are
	// compiled afterwards.
	if f.Funding != nil {
		sc.Funding = &Funding{}
	}
	if f.Ladder != nil {
		sc.Ladder = &Ladder{}
	}
	if f.Fight != nil {
		sc.Fight = &Fight{}
	}
	l.c = newExprCompiler(sc, l.file, l.pos, &l.errs)
	for _, id := range inOrder(l, "events", l.f.Events) {
		sc.eventIndex[id] = len(sc.Events)
		sc.Events = append(sc.Events, Event{ID: id})
	}
	for _, id := range inOrder(l, "endings", l.f.Endings) {
		sc.endIndex[id] = len(sc.Endings)
		sc.Endings = append(sc.Endings, Ending{ID: id})
	}
	if f.Funding != nil {
		for _, id := range inOrder(l, "funding.rounds", l.f.Funding.Rounds) {
			sc.Funding.Rounds = append(sc.Funding.Rounds, Round{ID: id})
		}
	}
	l.derived()
	l.rules()
	l.events()
	l.endings()
	l.funding()
	l.ladder()
	l.fight()
	l.axes()
	l.bots()
	l.calibration()
	l.reachability()
	return sc
}

func (l *loader) identity() {
	f := l.f
	if f.Format != FormatVersion && !l.failed["format"] {
		if f.Format > FormatVersion {
			l.errorHelp("format", "update the game, or write the file for format 1", "scenario format %d is newer than this build understands (it reads format %d)", f.Format, FormatVersion)
		} else {
			l.errorf("format", "scenario format %d is not known; this build reads format %d", f.Format, FormatVersion)
		}
	}
	if !l.failed["id"] {
		l.checkID("id", "scenario", f.ID)
	}
	if f.Version < 1 && !l.failed["version"] {
		l.errorf("version", "`version` must be 1 or more")
	}
	if (f.Months < 1 || f.Months > MaxMonths) && !l.failed["months"] {
		l.errorf("months", "`months` must be between 1 and %d, not %d", MaxMonths, f.Months)
	}
	for _, k := range []struct{ key, v string }{{"title", f.Title}, {"track", f.Track}, {"pitch", f.Pitch}, {"promise", f.Promise}, {"price", f.Price}} {
		if _, given := l.pos.keys[k.key]; given {
			l.need("", k.key, k.v)
		}
	}
	if f.Track != "" && !idPattern.MatchString(f.Track) {
		l.errorf("track", "track `%s` must be one lower-case word (a-z, 0-9, _)", f.Track)
	}
	if len(f.Events) > MaxEvents {
		l.errorf("events", "%d events; the limit is %d", len(f.Events), MaxEvents)
	}
	if len(f.Stats)+len(f.Derived) > MaxStats {
		l.errorf("stats", "%d stats; the limit is %d", len(f.Stats)+len(f.Derived), MaxStats)
	}
	if len(f.Endings) > MaxEndings {
		l.errorf("endings", "%d endings; the limit is %d", len(f.Endings), MaxEndings)
	}
}

func (l *loader) sources() {
	l.src = CalibrationSources()
	l.sc.Sources = map[string]Source{}
	for _, k := range inOrder(l, "sources", l.f.Sources) {
		s := l.f.Sources[k]
		path := "sources." + k
		l.checkID(path, "source", strings.ReplaceAll(k, "-", "_"))
		l.need(path, "fact", s.Fact)
		l.need(path, "source", s.Source)
		l.src[k] = Source{Key: k, Fact: s.Fact, Source: s.Source}
	}
}

// cite checks a citation: a known key, or free text.
func (l *loader) cite(path, s string) string {
	if s == "" {
		return ""
	}
	if src, ok := l.src[s]; ok {
		l.sc.Sources[s] = src
		return s
	}
	if !strings.ContainsAny(s, " ,;:/") {
		keys := make([]string, 0, len(l.src))
		for k := range l.src {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		help := didYouMean(s, keys)
		if help == "" {
			help = "known keys: " + strings.Join(keys, ", ") + "; or write the citation as free text"
		}
		l.errorHelp(path, help, "unknown source key `%s`", s)
	}
	return s
}

func (l *loader) unit(path, u string) Unit {
	v, ok := unitNames[u]
	if !ok {
		names := []string{"money", "months", "percent", "fraction", "level", "plain"}
		l.errorHelp(path, didYouMean(u, names), "unknown unit `%s` (use money, months, percent, fraction, level or plain)", u)
	}
	return v
}

func (l *loader) better(path, b string) int {
	switch b {
	case "", "higher":
		return 1
	case "lower":
		return -1
	case "neither":
		return 0
	}
	l.errorf(path, "`better` must be higher, lower or neither, not `%s`", b)
	return 1
}

func (l *loader) stats() {
	sc := l.sc
	for _, id := range inOrder(l, "stats", l.f.Stats) {
		d := l.f.Stats[id]
		path := "stats." + id
		l.checkID(path, "stat", id)
		l.need(path, "label", d.Label)
		if d.Min > d.Max {
			l.errorf(path+".min", "stat `%s`: min %v is above max %v", id, d.Min, d.Max)
		}
		if (d.Initial < d.Min || d.Initial > d.Max) && !l.failed[path+".initial"] && !l.failed[path+".min"] && !l.failed[path+".max"] {
			l.errorf(path+".initial", "stat `%s` starts at %v, outside its bounds %v..%v", id, d.Initial, d.Min, d.Max)
		}
		sc.statIndex[id] = len(sc.Stats)
		sc.Stats = append(sc.Stats, Stat{ID: id, Label: d.Label, Icon: d.Icon, Help: d.Help, Source: l.cite(path+".source", d.Source),
			Unit: l.unit(path+".unit", d.Unit), Initial: d.Initial, Min: d.Min, Max: d.Max, Hidden: d.Hidden, Chart: d.Chart,
			Better: l.better(path+".better", d.Better), Bounded: true})
	}
	sc.NumDeclared = len(sc.Stats)
	for _, id := range inOrder(l, "derived", l.f.Derived) {
		d := l.f.Derived[id]
		path := "derived." + id
		l.checkID(path, "derived stat", id)
		if _, dup := sc.statIndex[id]; dup {
			l.errorf(path, "`%s` is declared both as a stat and as a derived stat", id)
			continue
		}
		l.need(path, "label", d.Label)
		st := Stat{ID: id, Label: d.Label, Icon: d.Icon, Help: d.Help, Source: l.cite(path+".source", d.Source),
			Unit: l.unit(path+".unit", d.Unit), Hidden: d.Hidden, Chart: d.Chart, Better: l.better(path+".better", d.Better)}
		if d.Min != nil && d.Max != nil {
			st.Min, st.Max, st.Bounded = *d.Min, *d.Max, true
		}
		sc.statIndex[id] = len(sc.Stats)
		sc.Stats = append(sc.Stats, st)
	}
	if len(l.f.Stats) == 0 {
		l.errorf("", "the scenario declares no stats; add at least one [stats.NAME] table")
	}
}

// allEffects visits every Effects block of the file with its key path.
func (l *loader) allEffects(visit func(path string, e *Effects)) {
	f := l.f
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

func (l *loader) collectFlags() {
	sc := l.sc
	add := func(path, name string) {
		if _, ok := sc.flagIndex[name]; ok {
			return
		}
		if !idPattern.MatchString(name) {
			l.errorf(path, "flag `%s` must start with a lower-case letter and hold only a-z, 0-9 and _", name)
			return
		}
		if _, ok := sc.statIndex[name]; ok {
			l.errorf(path, "`%s` is used as a flag but is a stat", name)
			return
		}
		for _, b := range BuiltinVarNames {
			if b == name {
				l.errorf(path, "`%s` is a built-in name and cannot be a flag", name)
				return
			}
		}
		sc.flagIndex[name] = len(sc.Flags)
		sc.Flags = append(sc.Flags, name)
	}
	l.allEffects(func(path string, e *Effects) {
		for i, fl := range e.SetFlags {
			add(fmt.Sprintf("%s.flags.%d", path, i), fl)
		}
	})
	// Clearing a flag that nothing sets is a typo.
	l.allEffects(func(path string, e *Effects) {
		for i, fl := range e.Clear {
			if _, ok := sc.flagIndex[fl]; !ok {
				l.errorHelp(fmt.Sprintf("%s.clear.%d", path, i), didYouMean(fl, sc.Flags), "flag `%s` is cleared but never set", fl)
			}
		}
	})
	for _, id := range sc.Flags {
		for _, b := range BuiltinFlagNames {
			if b == id {
				l.errorf("", "`%s` is a built-in flag and cannot be set by a scenario", id)
			}
		}
	}
}

func (l *loader) statNames() []string {
	out := make([]string, 0, len(l.sc.Stats))
	for _, s := range l.sc.Stats {
		out = append(out, s.ID)
	}
	return out
}

// declaredStat resolves a stat an effect or system changes.
func (l *loader) declaredStat(path, id string) int {
	i, ok := l.sc.statIndex[id]
	if !ok {
		l.errorHelp(path, didYouMean(id, l.statNames()), "unknown stat `%s`", id)
		return -1
	}
	if i >= l.sc.NumDeclared {
		l.errorf(path, "`%s` is a derived stat, computed from others; change the stats it is computed from instead", id)
		return -1
	}
	return i
}

func (l *loader) optionalStat(path, id string) int {
	if id == "" {
		return -1
	}
	return l.declaredStat(path, id)
}

func (l *loader) derived() {
	sc := l.sc
	l.depStat = make([]bool, len(sc.Stats))
	l.depFlag = make([]bool, len(sc.Flags))
	for i := sc.NumDeclared; i < len(sc.Stats); i++ {
		id := sc.Stats[i].ID
		d := l.f.Derived[id]
		sc.Stats[i].Derived = l.c.Num(d.Expr, "derived stat `"+id+"`", ctxGeneral)
		// Record what derived stats read, so effects that touch none of it
		// can skip recomputing them.
		for _, name := range l.c.reads(d.Expr) {
			if j, ok := sc.statIndex[name]; ok {
				l.depStat[j] = true
			}
			if j, ok := sc.flagIndex[name]; ok {
				l.depFlag[j] = true
			}
		}
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
	for k, fu := range fus {
		p := paths[k]
		i, ok := sc.eventIndex[fu.Event]
		if !ok {
			ids := make([]string, 0, len(sc.Events))
			for _, ev := range sc.Events {
				ids = append(ids, ev.ID)
			}
			l.errorHelp(p+".event", didYouMean(fu.Event, ids), "follow-up names unknown event `%s`", fu.Event)
		}
		if fu.After < 1 || fu.After > MaxMonths {
			l.errorf(p+".after", "follow-up `after` must be 1 or more months, not %d", fu.After)
		}
		if ok {
			out.FollowUps = append(out.FollowUps, FollowUp{Event: i, After: max(fu.After, 1)})
			l.scheduled[fu.Event]++
		}
	}
	if e.StartRaise != "" {
		p := path + ".start_round"
		if sc.Funding == nil {
			l.errorf(p, "`start_round` needs a [funding] section")
		} else {
			found := false
			var ids []string
			for i, r := range sc.Funding.Rounds {
				ids = append(ids, r.ID)
				if r.ID == e.StartRaise {
					out.startRound, found = i+1, true
				}
			}
			if !found {
				l.errorHelp(p, didYouMean(e.StartRaise, ids), "unknown funding round `%s`", e.StartRaise)
			}
			l.started[e.StartRaise]++
		}
	}
	if e.End != "" {
		out.end = l.endingRef(path+".end", e.End) + 1
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

func (l *loader) endingRef(path, id string) int {
	i, ok := l.sc.endIndex[id]
	if !ok {
		ids := make([]string, 0, len(l.sc.Endings))
		for _, e := range l.sc.Endings {
			ids = append(ids, e.ID)
		}
		l.errorHelp(path, didYouMean(id, ids), "unknown ending `%s`", id)
		return -1
	}
	return i
}

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
	out := make([]Choice, 0, len(defs))
	for i := range defs {
		d := &defs[i]
		p := fmt.Sprintf("%s.%d", path, i)
		l.need(p, "label", d.Label)
		what := fmt.Sprintf("choice %d of %s", i+1, owner)
		ch := Choice{Label: d.Label, Blocked: d.Blocked, Text: strings.TrimSpace(d.Text), Hide: d.Hide, ShowOdds: d.ShowOdds == nil || *d.ShowOdds,
			Source: l.cite(p+".source", d.Source), When: l.c.Cond(d.When, "the condition of "+what, ctxGeneral),
			Effect: l.effect(p, &d.Effects, ctxGeneral)}
		if d.When.IsSet() && !d.Hide && strings.TrimSpace(d.Blocked) == "" {
			l.errorf(p+".when", "%s has a condition but no `blocked` reason to show when it is unavailable (or set hide = true)", what)
		}
		if fight {
			ch.Effort = l.c.Num(d.Effort, "the effort of "+what, ctxGeneral)
		} else if d.Effort.IsSet() {
			l.errorf(p+".effort", "`effort` only applies to [resource_fight] options")
		}
		ch.Outcomes = l.outcomes(p, what, d.Outcomes)
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

func (l *loader) outcomes(path, what string, defs []OutcomeDef) []Outcome {
	var out []Outcome
	rest := 0
	sum, allConst := 0.0, true
	for j := range defs {
		d := &defs[j]
		p := fmt.Sprintf("%s.outcomes.%d", path, j)
		l.need(p, "text", d.Text)
		o := Outcome{Label: d.Label, Text: strings.TrimSpace(d.Text), Source: l.cite(p+".source", d.Source), Effect: l.effect(p, &d.Effects, ctxGeneral)}
		if !d.Chance.IsSet() {
			rest++
		} else {
			o.Chance = l.c.Num(d.Chance, fmt.Sprintf("the chance of outcome %d of %s", j+1, what), ctxGeneral)
			if v, err := strconv.ParseFloat(d.Chance.Src, 64); err == nil && !d.Chance.Quoted {
				if v < 0 || v > 1 {
					l.errorf(p+".chance", "chance %v is outside 0..1", v)
				}
				sum += v
			} else {
				allConst = false
			}
		}
		out = append(out, o)
	}
	if rest > 1 {
		l.errorf(path+".outcomes", "%s has %d outcomes without a chance; only one may take what the others leave", what, rest)
	}
	if len(defs) > 1 && allConst {
		if sum > 1+1e-9 {
			l.errorf(path+".outcomes", "the chances of %s add up to %.3g, more than 1", what, sum)
		}
		if rest == 0 && sum < 1-1e-9 {
			l.errorf(path+".outcomes", "the chances of %s add up to %.3g; make them add up to 1 or leave one outcome without a chance", what, sum)
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
		ev.When = l.c.Cond(d.When, "the condition of event `"+id+"`", ctxGeneral)
		ev.Weight = l.c.Num(d.Weight, "the weight of event `"+id+"`", ctxGeneral)
		switch d.Trigger {
		case "", "random":
			ev.Trigger = Random
		case "scheduled":
			ev.Trigger = Scheduled
			if !d.When.IsSet() {
				l.errorf(path+".trigger", "scheduled event `%s` needs a `when` condition saying when it happens", id)
			}
		case "follow_up":
			ev.Trigger = FollowUpOnly
		default:
			l.errorHelp(path+".trigger", didYouMean(d.Trigger, []string{"random", "scheduled", "follow_up"}), "unknown trigger `%s` (use random, scheduled or follow_up)", d.Trigger)
		}
		ev.Max, ev.Cooldown = d.Max, d.Cooldown
		if d.Max < 0 || d.Cooldown < 0 {
			l.errorf(path, "`max` and `cooldown` cannot be negative")
		}
		if _, given := l.pos.keys[path+".max"]; ev.Trigger == Scheduled && !given {
			ev.Max = 1
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
		e.Effect = l.effect(path, &d.Effects, ctxGeneral)
		if d.AtEnd && !d.When.IsSet() {
			fallback = true
		}
	}
	if !fallback {
		l.errorf("endings", "no ending is sure to be reached: add an ending with at_end = true and no `when`, the fallback when the months run out")
	}
}

func (l *loader) result(path string, r *ResultDef, ctx exprContext) Result {
	if r == nil {
		return Result{}
	}
	l.need(path, "text", r.Text)
	return Result{Text: strings.TrimSpace(r.Text), Effect: l.effect(path, &r.Effects, ctx)}
}

func (l *loader) funding() {
	d := l.f.Funding
	if d == nil {
		return
	}
	fu := l.sc.Funding
	fu.Cash = l.declaredStat("funding.cash", d.Cash)
	fu.Burn = l.declaredStat("funding.burn", d.Burn)
	fu.Revenue = l.declaredStat("funding.revenue", d.Revenue)
	fu.Equity = l.optionalStat("funding.equity", d.Equity)
	fu.Valuation = l.optionalStat("funding.valuation", d.Valuation)
	fu.Raised = l.optionalStat("funding.raised", d.Raised)
	fu.OutOfCash = l.endingRef("funding.out_of_cash", d.OutOfCash)
	fu.Source = l.cite("funding.source", d.Source)
	if len(d.Rounds) == 0 {
		l.errorf("funding", "[funding] has no rounds; add at least one [funding.rounds.NAME]")
	}
	for i := range fu.Rounds {
		r := &fu.Rounds[i]
		rd := d.Rounds[r.ID]
		p := "funding.rounds." + r.ID
		what := "round `" + r.ID + "`"
		l.checkID(p, "round", r.ID)
		l.need(p, "label", rd.Label)
		r.Label, r.Source = rd.Label, l.cite(p+".source", rd.Source)
		r.When = l.c.Cond(rd.When, "the condition of "+what, ctxGeneral)
		r.Amount = l.c.Num(rd.Amount, "the amount of "+what, ctxGeneral)
		r.Dilution = l.c.Num(rd.Dilution, "the dilution of "+what, ctxGeneral)
		r.Chance = l.c.Num(rd.Chance, "the chance of "+what, ctxGeneral)
		r.Months, r.RetryAfter = rd.Months, rd.RetryAfter
		if r.Months < 1 || r.Months > 24 {
			l.errorf(p+".months", "a raise must take 1 to 24 months, not %d", r.Months)
		}
		if r.RetryAfter == 0 {
			r.RetryAfter = 3
		}
		if o := rd.Offer; o != nil {
			l.need(p+".offer", "title", o.Title)
			l.need(p+".offer", "text", o.Text)
			r.Offer = &Offer{Title: o.Title, Text: strings.TrimSpace(o.Text), Start: o.Start, Wait: o.Wait}
			if r.Offer.Start == "" {
				r.Offer.Start = "Start raising"
			}
			if r.Offer.Wait == "" {
				r.Offer.Wait = "Not yet"
			}
		}
		if rd.Raising != nil {
			e := l.effect(p+".while_raising", rd.Raising, ctxGeneral)
			r.Raising = &e
		}
		r.Success = l.result(p+".success", rd.Success, ctxGeneral)
		r.Failure = l.result(p+".failure", rd.Failure, ctxGeneral)
	}
}

func (l *loader) ladder() {
	d := l.f.Ladder
	if d == nil {
		return
	}
	ld := l.sc.Ladder
	ld.Level = l.declaredStat("ladder.level", d.Level)
	ld.Salary = l.optionalStat("ladder.salary", d.Salary)
	ld.Rating = l.optionalStat("ladder.rating", d.Rating)
	ld.Every, ld.First = d.Every, d.First
	if ld.First == 0 {
		ld.First = d.Every
	}
	if d.Every < 1 || d.Every > 24 {
		l.errorf("ladder.every", "calibration must come every 1 to 24 months, not %d", d.Every)
	}
	ld.Score = l.c.Num(d.Score, "the ladder score", ctxGeneral)
	ld.Noise, ld.PeerMean, ld.PeerSpread = d.Noise, d.PeerMean, d.PeerSpread
	if d.PeerSpread <= 0 {
		l.errorf("ladder.peer_spread", "`peer_spread` must be above 0")
	}
	if d.Noise < 0 {
		l.errorf("ladder.noise", "`noise` cannot be negative")
	}
	ld.PromoteIf = l.c.Cond(d.PromoteIf, "the ladder's promote_if", ctxGeneral)
	if !d.PromoteIf.IsSet() {
		ld.PromoteIf = l.c.Cond(Expr{Src: "good_ratings >= 2"}, "the default promote_if", ctxGeneral)
	}
	ld.OutEnding = -1
	if d.OutEnding != "" {
		ld.OutEnding = l.endingRef("ladder.out_ending", d.OutEnding)
	}
	ld.LowStrikes = d.LowStrikes
	if (d.LowStrikes > 0 || hasMax(d.Levels)) && d.OutEnding == "" {
		l.errorf("ladder", "up-or-out limits or low_strikes need an `out_ending`")
	}
	ld.Source = l.cite("ladder.source", d.Source)
	if len(d.Levels) < 2 {
		l.errorf("ladder.levels", "a ladder needs at least 2 levels")
	}
	for i, lv := range d.Levels {
		p := fmt.Sprintf("ladder.levels.%d", i)
		l.need(p, "title", lv.Title)
		l.cite(p+".source", lv.Source)
		if lv.MaxMonths > 0 && lv.MaxMonths <= lv.MinMonths {
			l.errorf(p+".max_months", "level `%s`: max_months %d must be above min_months %d", lv.Title, lv.MaxMonths, lv.MinMonths)
		}
	}
	ld.Levels = d.Levels
	for i := range d.Levels {
		ld.Promotion = append(ld.Promotion, l.effect(fmt.Sprintf("ladder.levels.%d", i), &d.Levels[i].Effects, ctxGeneral))
	}
	if ld.Level >= 0 && len(d.Levels) > 0 {
		st := l.sc.Stats[ld.Level]
		if st.Min > 0 || st.Max < float64(len(d.Levels)-1) {
			l.errorf("ladder.level", "stat `%s` must allow levels 0 to %d (its bounds are %v..%v)", st.ID, len(d.Levels)-1, st.Min, st.Max)
		}
	}
	if len(d.Ratings) < 2 {
		l.errorf("ladder.ratings", "a ladder needs at least 2 ratings")
	}
	sum := 0.0
	for i := range d.Ratings {
		rd := &d.Ratings[i]
		p := fmt.Sprintf("ladder.ratings.%d", i)
		l.need(p, "label", rd.Label)
		if rd.Quota <= 0 || rd.Quota > 1 {
			l.errorf(p+".quota", "quota must be above 0 and at most 1")
		}
		sum += rd.Quota
		ld.Ratings = append(ld.Ratings, Rating{Label: rd.Label, Text: strings.TrimSpace(rd.Text), Quota: rd.Quota, Good: rd.Good, Effect: l.effect(p, &rd.Effects, ctxGeneral)})
	}
	if len(d.Ratings) > 0 && math.Abs(sum-1) > 1e-6 {
		l.errorf("ladder.ratings", "rating quotas add up to %.4g; they must add up to 1", sum)
	}
}

// declaresEffects reports whether the author wrote any effect, even one
// that failed to compile (that has its own error).
func declaresEffects(e *Effects) bool {
	return len(e.Add)+len(e.Set)+len(e.SetFlags)+len(e.Clear)+len(e.FollowUps) > 0 || e.FollowUp != nil || e.StartRaise != "" || e.End != ""
}

func hasMax(levels []LevelDef) bool {
	for _, lv := range levels {
		if lv.MaxMonths > 0 {
			return true
		}
	}
	return false
}

func (l *loader) fight() {
	d := l.f.Fight
	if d == nil {
		return
	}
	fi := l.sc.Fight
	p := "resource_fight"
	l.need(p, "title", d.Title)
	l.need(p, "text", d.Text)
	fi.Title, fi.Text, fi.PoolName, fi.Source = d.Title, strings.TrimSpace(d.Text), d.PoolName, l.cite(p+".source", d.Source)
	fi.PoolUnit = l.unit(p+".pool_unit", d.PoolUnit)
	fi.Every, fi.First = d.Every, d.First
	if fi.First == 0 {
		fi.First = d.Every
	}
	if d.Every < 1 || d.Every > 24 {
		l.errorf(p+".every", "planning cycles must come every 1 to 24 months, not %d", d.Every)
	}
	fi.Pool = l.c.Num(d.Pool, "the pool", ctxGeneral)
	fi.Effort = l.c.Num(d.Effort, "your effort", ctxGeneral)
	r := d.Exponent
	if r == 0 {
		r = 1
	}
	if r < 0.5 || r > 4 || r*2 != math.Trunc(r*2) {
		l.errorf(p+".exponent", "exponent %v must be a multiple of 0.5 from 0.5 to 4", d.Exponent)
	}
	fi.Halves = int(r * 2)
	fi.Luck = d.Luck
	if _, given := l.pos.keys[p+".luck"]; !given {
		fi.Luck = 0.2
	}
	if fi.Luck < 0 || fi.Luck > 0.9 {
		l.errorf(p+".luck", "luck must be from 0 to 0.9")
	}
	if len(d.Rivals) == 0 {
		l.errorf(p+".rivals", "a resource fight needs at least one rival")
	}
	for i, rv := range d.Rivals {
		rp := fmt.Sprintf("%s.rivals.%d", p, i)
		l.need(rp, "name", rv.Name)
		fi.Rivals = append(fi.Rivals, Rival{Name: rv.Name, Strength: l.c.Num(rv.Strength, "the strength of rival `"+rv.Name+"`", ctxGeneral)})
	}
	fi.Options = l.choices(p+".options", "the resource fight", d.Options, true)
	fi.Award = l.effect(p+".award", &d.Award, ctxAward)
	if fi.Award.Empty() {
		l.errorf(p+".award", "the award changes nothing; say what winning a share of the pool does")
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
			b.Lookahead = 3
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
	var botNames []string
	for _, b := range sc.Bots {
		botNames = append(botNames, b.Name)
	}
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
			cb.Bot = "typical"
		}
		if _, ok := sc.Bot(cb.Bot); !ok {
			l.errorHelp(p+".bot", didYouMean(cb.Bot, botNames), "unknown bot `%s`", cb.Bot)
		}
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
}
