package whatif

import (
	"runwayladder/game/history"
	"runwayladder/game/sim"
)

func historySample(cat string, wealth, skills float64) history.Sample {
	return history.Sample{Outcome: sim.Outcome{Category: cat, Wealth: wealth, Skills: skills, Level: 2, Wellbeing: 50, Autonomy: 50, Months: 60}}
}

func summarize(s []history.Sample) history.Summary { return history.Summarize(s) }
