package sim

import (
	"fmt"

	"runwayladder/game/scenario"
)

// Smoke plays a scenario runs times with the random bot (seeds 1..runs)
// and reports what only play shows: follow-ups scheduled faster than one
// card a month can show them, until more than
// scenario.MaxPendingFollowUps wait at once (the rules then drop the rest).
// careersim validate runs it on every scenario it checks.
func Smoke(sc *scenario.Scenario, runs int) error {
	bot, err := NewBot(sc, "random")
	if err != nil {
		return err
	}
	for seed := uint64(1); seed <= uint64(runs); seed++ {
		r := bot.Play(seed, Options{})
		if n := r.st.FollowUpsDropped; n > 0 {
			return fmt.Errorf("follow-ups pile up: in a random playthrough (seed %d) more than %d waited at once and %d were dropped by month %d; "+
				"a rule or event schedules them faster than one card a month can show them", seed, scenario.MaxPendingFollowUps, n, r.st.Month)
		}
	}
	return nil
}
