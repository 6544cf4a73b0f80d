package sim

import (
	"fmt"
	"math"

	"runwayladder/game/scenario"
)

// CardView is what a front end shows for the current month.
type CardView struct {
	Kind    CardKind
	ID      string // event id, round id, "planning" or "quiet"
	Title   string
	Text    string
	Icon    string
	Source  string
	Choices []ChoiceView
	// Fight previews the planning cycle's contest (CardFight only).
	Fight *FightPreview
	// Round is the funding round offered (CardOffer only).
	Round *scenario.Round
	// Because says which earlier choice led here, for a follow-up the
	// player's choice scheduled: `Month 5: "Ship the demo early"`; BecauseMonth
	// is that month (0 when not).
	Because      string
	BecauseMonth int
	// Speaker is the person whose portrait the card shows
	// (scenario.SpeakerKeys; "" none).
	Speaker string
}

// ChoiceView is one choice as the player sees it.
type ChoiceView struct {
	// Index is the position in the card's full choice list (what run codes
	// store); the position in CardView.Choices is what the player presses.
	Index     int
	Label     string
	Available bool
	Blocked   string // why it is unavailable
	ShowOdds  bool
	Odds      []OddsView
	Source    string
	// Speaker is the portrait shown with the choice ("" none).
	Speaker string
}

// OddsView is one possible outcome with its current probability.
type OddsView struct {
	Label  string
	Chance float64
}

// FightPreview shows who contests the pool before the player commits.
type FightPreview struct {
	Pool     float64
	PoolName string
	Unit     scenario.Unit
	Teams    []Team // effort before luck and before the player's option
}

// Team is one side of a resource fight.
type Team struct {
	Name   string
	Effort float64
	Share  float64
	You    bool
}

// cardChoices returns the full choice list of a card.
func (r *Run) cardChoices(c Card) []scenario.Choice {
	switch c.Kind {
	case CardEvent:
		return r.sc.Events[c.Index].Choices
	case CardOffer:
		rd := &r.sc.Funding.Rounds[c.Index]
		_, _, start, wait := rd.Offer.Show(&r.env)
		return []scenario.Choice{
			{Label: start, Text: "You start the raise.", ShowOdds: true},
			{Label: wait, Text: "You keep building and will look at it again in a few months.", ShowOdds: true},
		}
	case CardFight:
		return r.sc.Fight.Options
	}
	return quietChoices
}

var quietChoices = []scenario.Choice{{Label: "Carry on", Text: "Nothing much happens. The month passes.", ShowOdds: true}}

// cardTitle returns the card's title as shown now.
func (r *Run) cardTitle(c Card) string {
	title, _ := r.cardTexts(c)
	return title
}

// cardTexts returns the card's title and text as shown now.
func (r *Run) cardTexts(c Card) (title, text string) {
	switch c.Kind {
	case CardEvent:
		return r.sc.Events[c.Index].Show(&r.env)
	case CardOffer:
		title, text, _, _ := r.sc.Funding.Rounds[c.Index].Offer.Show(&r.env)
		return title, text
	case CardFight:
		return r.sc.Fight.Show(&r.env)
	}
	return "A quiet month", "Nothing demands a decision this month."
}

// Card describes the current month's card and its choices.
func (r *Run) Card() CardView {
	sc, c := r.sc, r.st.Card
	v := CardView{Kind: c.Kind}
	v.Title, v.Text = r.cardTexts(c)
	switch c.Kind {
	case CardEvent:
		ev := &sc.Events[c.Index]
		v.ID, v.Icon, v.Source, v.Speaker = ev.ID, ev.Icon, ev.Source, ev.ShowSpeaker(&r.env)
		v.BecauseMonth, v.Because = r.because()
	case CardOffer:
		rd := &sc.Funding.Rounds[c.Index]
		v.ID, v.Icon, v.Source, v.Round = rd.ID, "cash", rd.Source, rd
	case CardFight:
		f := sc.Fight
		v.ID, v.Icon, v.Source = "planning", "team", f.Source
		p := &FightPreview{Pool: math.Max(f.Pool(&r.env), 0), PoolName: f.PoolName, Unit: f.PoolUnit}
		p.Teams = append(p.Teams, Team{Name: "Your team", Effort: math.Max(f.Effort(&r.env), 0), You: true})
		for i := range f.Rivals {
			p.Teams = append(p.Teams, Team{Name: f.Rivals[i].Name, Effort: math.Max(f.Rivals[i].Strength(&r.env), 0)})
		}
		v.Fight = p
	default:
		v.ID, v.Icon = "quiet", "clock"
	}
	v.Choices = r.Choices()
	if c.Kind == CardOffer && len(v.Choices) > 0 {
		// Show what the raise's odds would be if it resolved today.
		rd := &sc.Funding.Rounds[c.Index]
		p := math.Min(math.Max(finite(rd.Chance(&r.env)), 0), 1)
		v.Choices[0].Odds = []OddsView{{Label: "closes if it ended today", Chance: p}, {Label: "falls through", Chance: 1 - p}}
	}
	return v
}

// Choices lists the current card's choices a player can see, available or
// greyed out with the reason.
func (r *Run) Choices() []ChoiceView {
	if r.Done() {
		return nil
	}
	all := r.cardChoices(r.st.Card)
	out := make([]ChoiceView, 0, len(all))
	for i := range all {
		ch := &all[i]
		ok := ch.When == nil || ch.When(&r.env)
		if !ok && ch.Hide {
			continue
		}
		label, blocked, _ := ch.Show(&r.env)
		cv := ChoiceView{Index: i, Label: label, Available: ok, ShowOdds: ch.ShowOdds, Source: ch.Source, Speaker: ch.Speaker}
		if !ok {
			cv.Blocked = blocked
		}
		if len(ch.Outcomes) > 0 {
			odds := r.odds(ch)
			for j := range ch.Outcomes {
				olabel, _ := ch.Outcomes[j].Show(&r.env)
				cv.Odds = append(cv.Odds, OddsView{Label: olabel, Chance: odds[j]})
			}
		}
		out = append(out, cv)
	}
	return out
}

// available reports whether the choice at full index i can be picked.
func (r *Run) available(i int) bool {
	all := r.cardChoices(r.st.Card)
	if i < 0 || i >= len(all) {
		return false
	}
	return all[i].When == nil || all[i].When(&r.env)
}

// Outcome is a run's result on the axes every path shares.
type Outcome struct {
	Wealth    float64 `json:"wealth"`
	Level     float64 `json:"level"`
	Skills    float64 `json:"skills"`
	Wellbeing float64 `json:"wellbeing"`
	Autonomy  float64 `json:"autonomy"`
	Months    int     `json:"months"`
	Title     string  `json:"title,omitempty"`
	Ending    string  `json:"ending,omitempty"`
	Category  string  `json:"category,omitempty"`
}

// AxisNames are the outcome axes in display order.
var AxisNames = []string{"wealth", "level", "skills", "wellbeing", "autonomy", "months"}

// Axis returns an axis value by its index in AxisNames.
func (o Outcome) Axis(i int) float64 {
	switch i {
	case 0:
		return o.Wealth
	case 1:
		return o.Level
	case 2:
		return o.Skills
	case 3:
		return o.Wellbeing
	case 4:
		return o.Autonomy
	}
	return float64(o.Months)
}

// Outcome maps the current state onto the outcome axes.
func (r *Run) Outcome() Outcome {
	a := &r.sc.Axes
	e := &r.env
	o := Outcome{Wealth: finite(a.Wealth(e)), Level: finite(a.Level(e)), Skills: finite(a.Skills(e)),
		Wellbeing: finite(a.Wellbeing(e)), Autonomy: finite(a.Autonomy(e)), Months: len(r.st.Steps)}
	if a.Title != nil && len(a.Titles) > 0 {
		i := int(a.Title(e))
		o.Title = a.Titles[min(max(i, 0), len(a.Titles)-1)]
	}
	if end := r.Ending(); end != nil {
		o.Ending, o.Category = end.ID, string(end.Category)
	}
	return o
}

// because names the earlier choice that scheduled the current card, when
// the player's choice did: its month and `Month 5: "Ship the demo early"`.
func (r *Run) because() (int, string) {
	m := r.st.Because
	if m == 0 {
		return 0, ""
	}
	for i := len(r.st.Steps) - 1; i >= 0; i-- {
		if st := r.st.Steps[i]; st.Month == m {
			all := r.cardChoices(st.Card)
			if st.Pick >= 0 && st.Pick < len(all) {
				return m, fmt.Sprintf("Month %d: %q", m, all[st.Pick].ShowLabel(&r.env))
			}
		}
	}
	return m, fmt.Sprintf("Month %d", m)
}
