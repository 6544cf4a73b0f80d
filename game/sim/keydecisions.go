package sim

import (
	"math"
	"sort"
)

// KeyDecision is a decision that mattered: the month, the card, what was
// picked, and how far apart its options were in the typical bot's
// estimate of where each leads.
type KeyDecision struct {
	Step    int    // index into State.Steps
	Month   int    // month of the decision
	Title   string // the card's title
	Picked  string // the label picked
	Options []string
	// Values holds the bot's estimate for each option in Options (same
	// order); Impact is the spread between the best and worst of them.
	Values []float64
	Impact float64
	// Best is the option the estimate favoured.
	Best int
	// PickedOption is the index in Options of the pick.
	PickedOption int
}

// KeyDecisions replays a run and returns up to n decisions with the widest
// spread between their options, in month order. Only cards with two or more
// available options count.
func KeyDecisions(r *Run, n int) []KeyDecision {
	sc := r.sc
	bot, err := NewBot(sc, "typical")
	if err != nil {
		return nil
	}
	re := New(sc, r.st.Seed, Options{})
	var out []KeyDecision
	for k, step := range r.st.Steps {
		all := re.cardChoices(re.st.Card)
		kd := KeyDecision{Step: k, Month: re.st.Month, Title: re.cardTitle(re.st.Card), Best: -1, PickedOption: -1}
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range all {
			if !re.available(i) {
				continue
			}
			v := bot.value(re, i)
			if i == step.Pick {
				kd.PickedOption = len(kd.Options)
				kd.Picked = all[i].ShowLabel(&re.env)
			}
			if v > hi {
				hi, kd.Best = v, len(kd.Options)
			}
			lo = math.Min(lo, v)
			kd.Options = append(kd.Options, all[i].ShowLabel(&re.env))
			kd.Values = append(kd.Values, v)
		}
		if len(kd.Options) >= 2 {
			kd.Impact = hi - lo
			out = append(out, kd)
		}
		if err := re.step(step.Pick, nil); err != nil {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Impact > out[j].Impact })
	if len(out) > n {
		out = out[:n]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}
