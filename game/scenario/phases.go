package scenario

// Phases (format 2): the parts of a career a run moves between, each with
// its own label, track, entry effects and vesting stock.

import (
	"fmt"
	"strings"
)

// indexPhases gives every phase its index before anything refers to it.
func (l *loader) indexPhases() {
	sc := l.sc
	sc.StartPhase = -1
	ids := inOrder(l, "phases", l.f.Phases)
	if len(ids) > MaxPhases {
		l.errorf("phases", "%d phases; the limit is %d", len(ids), MaxPhases)
		ids = ids[:MaxPhases]
	}
	for _, id := range ids {
		path := "phases." + id
		l.checkID(path, "phase", id)
		for _, n := range phaseNames(id) {
			if _, clash := sc.statIndex[n]; clash {
				l.errorf(path, "phase `%s` gives expressions the name `%s`, which is also a stat; rename one", id, n)
			}
		}
		sc.phaseIndex[id] = len(sc.Phases)
		sc.Phases = append(sc.Phases, Phase{ID: id})
	}
	switch {
	case l.f.StartPhase != "":
		sc.StartPhase = max(l.phaseRef("start_phase", l.f.StartPhase), 0)
	case len(sc.Phases) > 0:
		sc.StartPhase = 0
	}
}

// phaseNames are the names a phase gives expressions: its flag, then its
// two counters.
func phaseNames(id string) []string {
	return []string{"at_" + id, "months_at_" + id, "stints_" + id}
}

// phaseOfName reports whether a name is one a phase gives expressions.
func (l *loader) phaseOfName(name string) (string, bool) {
	for _, prefix := range []string{"at_", "months_at_", "stints_"} {
		if id, ok := strings.CutPrefix(name, prefix); ok {
			if _, known := l.sc.phaseIndex[id]; known {
				return id, true
			}
		}
	}
	return "", false
}

// phases compiles each phase's label, track, entry effects and vesting.
func (l *loader) phases() {
	sc := l.sc
	for i := range sc.Phases {
		p := &sc.Phases[i]
		d := l.f.Phases[p.ID]
		path := "phases." + p.ID
		l.need(path, "label", d.Label)
		p.Label, p.Track = d.Label, d.Track
		p.Scene = l.artKey(path+".scene", "scene", d.Scene, SceneKeys())
		p.tLabel = l.text(path+".label", p.Label, "the label of phase `"+p.ID+"`", ctxGeneral)
		if p.Track == "" {
			p.Track = sc.Track
		} else if !idPattern.MatchString(p.Track) {
			l.errorf(path+".track", "track `%s` must be one lower-case word (a-z, 0-9, _)", p.Track)
		}
		if d.Enter != nil {
			if d.Enter.Phase != "" {
				l.errorHelp(path+".enter.phase", "switch phase in the effect that enters this one instead", "a phase's [enter] cannot switch to another phase")
			}
			p.Enter = l.effect(path+".enter", d.Enter, ctxGeneral)
		}
		if v := d.Vesting; v != nil {
			vp := path + ".vesting"
			p.Vesting = &Vesting{Grant: l.c.Num(v.Grant, "the grant of phase `"+p.ID+"`", ctxGeneral),
				Months: v.Months, Cliff: v.Cliff, Into: l.declaredStat(vp+".into", v.Into)}
			if v.Months < 1 || v.Months > MaxMonths {
				l.errorf(vp+".months", "a grant must vest over 1 to %d months, not %d", MaxMonths, v.Months)
			}
			if v.Cliff < 0 || v.Cliff > v.Months {
				l.errorf(vp+".cliff", "the cliff must be from 0 to the vesting months (%d), not %d", v.Months, v.Cliff)
			}
		}
	}
	for i := range sc.Stats {
		st := &sc.Stats[i]
		var active Expr
		if i < sc.NumDeclared {
			active = l.f.Stats[st.ID].Active
			st.Carry = l.f.Stats[st.ID].Carry
		} else {
			active = l.f.Derived[st.ID].Active
		}
		st.Active = l.c.Cond(active, "the `active` of stat `"+st.ID+"`", ctxGeneral)
	}
}

// eventPhases compiles an event's `phases` list into a bit set.
func (l *loader) eventPhases(path string, ids []string) uint64 {
	var mask uint64
	for i, id := range ids {
		if p := l.phaseRefOnly(fmt.Sprintf("%s.%d", path, i), id); p >= 0 {
			mask |= 1 << p
		}
	}
	return mask
}
