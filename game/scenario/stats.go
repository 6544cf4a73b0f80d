package scenario

// Identity, sources and stats: the parts of a file everything else refers to.

import (
	"fmt"
	"slices"
	"strings"
)

func (l *loader) identity() {
	f := l.f
	if (f.Format < 1 || f.Format > FormatVersion) && !l.failed["format"] {
		if f.Format > FormatVersion {
			l.errorHelp("format", fmt.Sprintf("update the game, or write the file for format %d", FormatVersion), "scenario format %d is newer than this build understands (it reads %s)", f.Format, formatsRead())
		} else {
			l.errorf("format", "scenario format %d is not known; this build reads %s", f.Format, formatsRead())
		}
	}
	if f.Format == 1 {
		for _, p := range l.format2 {
			l.errorHelp(p, "write format = 2 at the top of the file to use it", "`%s` needs format = 2 (this file says format = 1)", lastKey(p))
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
		if b, builtin := l.src[k]; builtin {
			l.errorHelp(path, "cite it as source = \""+k+"\" without redefining it, or give yours another key", "source `%s` is built in (%s); a scenario cannot redefine it", k, b.Source)
			continue
		}
		l.src[k] = Source{Key: k, Fact: s.Fact, Source: s.Source}
	}
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
	case "", DefaultBetter:
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
		l.builtinClash(path, "stat", id)
		sc.statIndex[id] = len(sc.Stats)
		sc.Stats = append(sc.Stats, Stat{ID: id, Label: d.Label, Icon: d.Icon, Help: d.Help, Source: l.cite(path+".source", d.Source),
			Unit: l.unit(path+".unit", d.Unit), Initial: d.Initial, Min: d.Min, Max: d.Max, Hidden: d.Hidden, Chart: d.Chart,
			Better: l.better(path+".better", d.Better), Bounded: true, Key: d.Key})
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
		l.builtinClash(path, "derived stat", id)
		st := Stat{ID: id, Label: d.Label, Icon: d.Icon, Help: d.Help, Source: l.cite(path+".source", d.Source),
			Unit: l.unit(path+".unit", d.Unit), Hidden: d.Hidden, Chart: d.Chart, Better: l.better(path+".better", d.Better), Key: d.Key}
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
	l.derivedOrder()
}

// derivedOrder refuses derived stats that read themselves, each other in a
// loop, or one defined after them. They are computed once each, in file
// order, whenever a stat they read changes: a loop would grow on every
// recompute, and a later one would be read as it was before.
func (l *loader) derivedOrder() {
	sc := l.sc
	n := len(sc.Stats) - sc.NumDeclared
	reads := make([][]int, n) // derived stat -> derived stats it reads
	for k := 0; k < n; k++ {
		id := sc.Stats[sc.NumDeclared+k].ID
		for _, name := range l.c.reads(l.f.Derived[id].Expr) {
			if j, ok := sc.statIndex[name]; ok && j >= sc.NumDeclared && !slices.Contains(reads[k], j-sc.NumDeclared) {
				reads[k] = append(reads[k], j-sc.NumDeclared)
			}
		}
	}
	// A loop: follow reads depth first; a stat met again on the path
	// closes one.
	state := make([]byte, n) // 0 unseen, 1 on the path, 2 done
	inLoop := make([]bool, n)
	var path []int
	var visit func(k int)
	visit = func(k int) {
		state[k] = 1
		path = append(path, k)
		for _, j := range reads[k] {
			switch state[j] {
			case 0:
				visit(j)
			case 1:
				i := slices.Index(path, j)
				var names []string
				for _, m := range path[i:] {
					names = append(names, "`"+sc.Stats[sc.NumDeclared+m].ID+"`")
					inLoop[m] = true
				}
				id := sc.Stats[sc.NumDeclared+j].ID
				names = append(names, "`"+id+"`")
				if len(names) == 2 {
					l.errorHelp("derived."+id+".expr", "compute it from stats, not from itself", "derived stat `%s` reads itself, so it would change every time it is recomputed", id)
				} else {
					l.errorHelp("derived."+id+".expr", "compute one of them from stats only",
						"derived stats read each other in a loop (%s), so they would change every time they are recomputed", strings.Join(names, " reads "))
				}
			}
		}
		path = path[:len(path)-1]
		state[k] = 2
	}
	for k := 0; k < n; k++ {
		if state[k] == 0 {
			visit(k)
		}
	}
	for k := 0; k < n; k++ {
		for _, j := range reads[k] {
			if j > k && !inLoop[k] {
				id, later := sc.Stats[sc.NumDeclared+k].ID, sc.Stats[sc.NumDeclared+j].ID
				l.errorHelp("derived."+id+".expr", "move [derived."+later+"] above [derived."+id+"]",
					"derived stat `%s` reads `%s`, which is defined after it; derived stats are computed in file order", id, later)
			}
		}
	}
}

// formatsRead names the format versions this build reads.
func formatsRead() string {
	if FormatVersion == 2 {
		return "formats 1 and 2"
	}
	return fmt.Sprintf("formats 1 to %d", FormatVersion)
}

// builtinClash refuses, from format 2 on, a stat named like a built-in
// (format 1 files keep the names they had).
func (l *loader) builtinClash(path, kind, id string) {
	if l.f.Format < 2 {
		return
	}
	for _, b := range BuiltinVarNames {
		if b == id {
			l.errorHelp(path, "rename the stat", "%s `%s` has the name of a built-in variable", kind, id)
			return
		}
	}
	for _, b := range BuiltinFlagNames {
		if b == id {
			l.errorHelp(path, "rename the stat", "%s `%s` has the name of a built-in flag", kind, id)
			return
		}
	}
}
