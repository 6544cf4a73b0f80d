// Package words is how the game words numbers, one rule each for every
// screen, the text tool and the rules' own notes: plurals, and chances as
// percentages.
package words

import (
	"fmt"
	"math"
)

// Plural returns one when n is 1 and many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Chance renders a probability as a whole percentage, halves rounded to
// even (52.5% reads 52%, so a 52.5/47.5 split reads 52% and 48%). An outcome
// that can still go either way never reads as certain or impossible: above
// 0 but at most half a percent is "<1%", under 1 but from 99.5% is ">99%".
func Chance(p float64) string {
	v := math.RoundToEven(p * 100)
	if v == 0 && p > 0 {
		return "<1%"
	}
	if v == 100 && p < 1 {
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", v)
}
