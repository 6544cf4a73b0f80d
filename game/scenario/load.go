package scenario

// The loader checks and compiles one parsed file (types.go) into a
// Scenario (model.go). It is split by concern: identity and stats
// (stats.go), every reference between parts of a file (refs.go), effects
// (effects.go), events and choices (events.go), endings, axes and
// reachability (endings.go), the three systems (systems.go), bots and
// calibration bands (bots.go). Defaults live in defaults.go.

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// loader checks and compiles one parsed file.
type loader struct {
	*decoder
	f   *File
	sc  *Scenario
	c   *exprCompiler
	src map[string]Source
	// scheduled counts follow-ups that name each event; started counts
	// start_round effects per round; entered counts phase switches per
	// phase.
	scheduled map[string]int
	started   map[string]int
	entered   map[string]int
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
	l := &loader{decoder: d, f: f, scheduled: map[string]int{}, started: map[string]int{}, entered: map[string]int{}}
	sc := l.build()
	if sc != nil {
		sc.digest = sha256.Sum256(src)
	}
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
		Promise: f.Promise, Price: f.Price, Version: f.Version, Months: f.Months, StartAge: f.StartAge, Format: f.Format,
		File: l.file, statIndex: map[string]int{}, flagIndex: map[string]int{}, eventIndex: map[string]int{}, endIndex: map[string]int{},
		phaseIndex: map[string]int{}}
	l.sc = sc
	sc.idPos = l.pos.at("id")
	l.identity()
	l.sources()
	l.stats()
	l.indexPhases()
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
	l.phases()
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
