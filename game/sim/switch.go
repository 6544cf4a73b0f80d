package sim

import (
	"fmt"

	"runwayladder/game/scenario"
	"runwayladder/game/words"
)

// SwitchStory is a phase switch in words, for the front ends to present
// as an event: the game's what-happened screen and the text mode show the
// same lines.
type SwitchStory struct {
	// Title is "Big company → Startup".
	Title string
	// Forfeited is "$9k of unvested stock", "" when nothing was lost.
	Forfeited string
	// Left are the stats the move put back ("Pay $14k → $0") or took away
	// with the place they belonged to ("Company cash $736k"), Started those the new phase sets ("Company cash $120k"), and
	// Carried those kept ("Savings $52k"). Hidden stats and the ladder's
	// level and rating (Level says it) are left out.
	Left, Started, Carried []StoryItem
	// Systems says which systems start and stop: "The funding runway
	// starts", "No more promotion ladder".
	Systems []string
	// Level is "You start at Senior ML engineer", "" when the ladder did
	// not start; LeftLevel is the ladder level left behind when the
	// ladder stopped ("Senior ML engineer"), "" otherwise.
	Level, LeftLevel string
	// Grant is the new stint's vesting grant in words ("$200k over 48
	// months: nothing for 12 months, then $50k at the cliff, then
	// monthly"), "" for none.
	Grant string
}

// StoryItem is one stat in a SwitchStory.
type StoryItem struct {
	Stat int
	Text string
}

// SystemNames are the systems' names as players read them, by the keys
// of Switch.On and Switch.Off.
var SystemNames = map[string]string{"funding": "funding runway", "ladder": "promotion ladder", "fight": "planning fights"}

// Story words a switch of this run's month report.
func (r *Run) Story(sw Switch) SwitchStory {
	sc := r.sc
	s := SwitchStory{Title: sw.FromLabel + " → " + sw.ToLabel}
	if sw.From == sw.To {
		s.Title = sw.ToLabel + ": a new start"
	}
	if sw.Forfeited >= 1 {
		s.Forfeited = FormatValue(sw.Forfeited, scenario.Money) + " of unvested stock"
	}
	skip := func(i int) bool {
		if sc.Stats[i].Hidden {
			return true
		}
		ld := sc.Ladder
		return ld != nil && (i == ld.Level || i == ld.Rating)
	}
	ld := sc.Ladder
	for _, d := range sw.Reset {
		if skip(d.Stat) {
			continue
		}
		st := &sc.Stats[d.Stat]
		switch {
		case d.After == st.Initial && !r.Shown(d.Stat):
			// Gone from view with the place it belonged to.
			s.Left = append(s.Left, StoryItem{d.Stat, st.Label + " " + FormatValue(d.Before, st.Unit)})
		case d.After == st.Initial:
			s.Left = append(s.Left, StoryItem{d.Stat, fmt.Sprintf("%s %s → %s", st.Label, FormatValue(d.Before, st.Unit), FormatValue(d.After, st.Unit))})
		default:
			s.Started = append(s.Started, StoryItem{d.Stat, st.Label + " " + FormatValue(d.After, st.Unit)})
		}
	}
	for i := 0; i < sc.NumDeclared; i++ {
		if sc.Stats[i].Carry && !skip(i) && r.Shown(i) {
			s.Carried = append(s.Carried, StoryItem{i, sc.Stats[i].Label + " " + FormatValue(r.Value(i), sc.Stats[i].Unit)})
		}
	}
	for _, n := range sw.On {
		s.Systems = append(s.Systems, "The "+SystemNames[n]+" starts")
	}
	for _, n := range sw.Off {
		s.Systems = append(s.Systems, "No more "+SystemNames[n])
	}
	if ld != nil && sw.LeftLevel >= 0 && sw.LeftLevel < len(ld.Levels) {
		s.LeftLevel = ld.Levels[sw.LeftLevel].Title
	}
	if ld != nil && sw.Level >= 0 && sw.Level < len(ld.Levels) {
		s.Level = "You start at " + ld.Levels[sw.Level].Title
	}
	if vs := sc.Phases[sw.To].Vesting; vs != nil && sw.Grant >= 1 {
		s.Grant = fmt.Sprintf("%s over %d months", FormatValue(sw.Grant, scenario.Money), vs.Months)
		if vs.Cliff > 0 {
			s.Grant += fmt.Sprintf(": nothing for %d %s, then %s at the cliff, then monthly", vs.Cliff, words.Plural(vs.Cliff, "month", "months"),
				FormatValue(sw.Grant*float64(vs.Cliff)/float64(vs.Months), scenario.Money))
		}
	}
	return s
}

// Lines are the story as sentences, in the order the text mode prints
// them.
func (s SwitchStory) Lines() []string {
	out := []string{"A new chapter: " + s.Title + "."}
	if s.Level != "" {
		out = append(out, s.Level+".")
	}
	if s.Grant != "" {
		out = append(out, "Stock grant: "+s.Grant+".")
	}
	if s.Forfeited != "" {
		out = append(out, "Forfeited: "+s.Forfeited+".")
	}
	list := func(head string, items []StoryItem) {
		if len(items) == 0 {
			return
		}
		line := head
		for i, it := range items {
			if i > 0 {
				line += "; "
			}
			line += it.Text
		}
		out = append(out, line+".")
	}
	left := s.Left
	if s.LeftLevel != "" {
		left = append([]StoryItem{{Stat: -1, Text: s.LeftLevel}}, left...)
	}
	list("Left behind: ", left)
	list("Starts with: ", s.Started)
	list("Carried over: ", s.Carried)
	for _, sys := range s.Systems {
		out = append(out, sys+".")
	}
	return out
}

// Stint is a stretch of a run in one phase.
type Stint struct {
	Phase int // index into Scenario.Phases
	// From and To are its first and last month (To is the month being
	// played while the run goes on).
	From, To     int
	Label, Track string
}

// Stints returns the phases lived, oldest first, with their labels as
// shown now. A phase left in the month it was entered (the start phase a
// month-1 choice leaves) counted no month and is left out. Nil without
// phases.
func (r *Run) Stints() []Stint {
	log := r.st.PhaseLog
	if len(r.sc.Phases) == 0 || len(log) == 0 {
		return nil
	}
	last := r.st.Month
	if r.Done() {
		last = len(r.st.Steps)
	}
	var out []Stint
	for i, p := range log {
		to := last
		if i+1 < len(log) {
			to = log[i+1].Month - 1
		}
		if to < p.Month {
			continue
		}
		ph := &r.sc.Phases[p.Phase]
		out = append(out, Stint{Phase: p.Phase, From: p.Month, To: to, Label: ph.Show(&r.env), Track: ph.Track})
	}
	return out
}
