package scenario

// Every reference from one part of a file to another is resolved here:
// stats, flags, events, rounds, endings, bots and citations, each with a
// did-you-mean when the name is unknown.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,47}$`)

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
			if b == name && (sc.Format >= 2 || !format2Vars[name]) {
				l.errorf(path, "`%s` is a built-in name and cannot be a flag", name)
				return
			}
		}
		if id, ok := l.phaseOfName(name); ok {
			l.errorf(path, "`%s` is a name phase `%s` gives expressions and cannot be a flag", name, id)
			return
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

func (l *loader) endingRef(path, id string) int {
	i, ok := l.sc.endIndex[id]
	if !ok {
		ids := make([]string, 0, len(l.sc.Endings))
		for _, e := range l.sc.Endings {
			ids = append(ids, e.ID)
		}
		l.errorHelp(path, refHelp(id, ids), "unknown ending `%s`", id)
		return -1
	}
	return i
}

// followUpRef resolves the event a follow-up schedules.
func (l *loader) followUpRef(path, id string) int {
	i, ok := l.sc.eventIndex[id]
	if !ok {
		ids := make([]string, 0, len(l.sc.Events))
		for _, ev := range l.sc.Events {
			ids = append(ids, ev.ID)
		}
		l.errorHelp(path, refHelp(id, ids), "follow-up names unknown event `%s`", id)
		return -1
	}
	return i
}

// roundRef resolves the funding round a start_round effect starts, and
// counts the start for the reachability check.
func (l *loader) roundRef(path, id string) int {
	if l.sc.Funding == nil {
		l.errorf(path, "`start_round` needs a [funding] section")
		return -1
	}
	l.started[id]++
	var ids []string
	for i, r := range l.sc.Funding.Rounds {
		if r.ID == id {
			return i
		}
		ids = append(ids, r.ID)
	}
	l.errorHelp(path, didYouMean(id, ids), "unknown funding round `%s`", id)
	return -1
}

// botRef resolves the bot a calibration band is measured with.
func (l *loader) botRef(path, name string) {
	if _, ok := l.sc.Bot(name); ok {
		return
	}
	names := make([]string, 0, len(l.sc.Bots))
	for _, b := range l.sc.Bots {
		names = append(names, b.Name)
	}
	l.errorHelp(path, didYouMean(name, names), "unknown bot `%s`", name)
}

// phaseRef resolves the phase an effect switches to (or start_phase), and
// counts the entry for the reachability check.
func (l *loader) phaseRef(path, id string) int {
	i := l.phaseRefOnly(path, id)
	if i >= 0 {
		l.entered[id]++
	} else {
		l.entered[""]++ // a typo: which phase was meant is unknown
	}
	return i
}

// phaseRefOnly resolves a phase named anywhere else (an event's phases).
func (l *loader) phaseRefOnly(path, id string) int {
	if i, ok := l.sc.phaseIndex[id]; ok {
		return i
	}
	if len(l.sc.Phases) == 0 {
		l.errorf(path, "unknown phase `%s`: the file declares no [phases.ID]", id)
		return -1
	}
	ids := make([]string, len(l.sc.Phases))
	for i, p := range l.sc.Phases {
		ids[i] = p.ID
	}
	l.errorHelp(path, refHelp(id, ids), "unknown phase `%s`", id)
	return -1
}

// refHelp suggests the closest id and lists every valid one, for a
// reference to something the file does not declare.
func refHelp(name string, ids []string) string {
	list := "valid: " + strings.Join(ids, ", ")
	if len(ids) == 0 {
		list = "the file declares none"
	}
	if dym := didYouMean(name, ids); dym != "" {
		return dym + " " + list
	}
	return list
}
