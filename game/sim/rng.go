package sim

// Randomness depends only on (seed, month, stream, draw): no generator state
// is saved, and a run replays exactly from its seed and picks.

// Random streams keep the draws of different purposes apart, so adding a
// draw to one never shifts another.
const (
	streamCard    = 1 // which event card is drawn
	streamOutcome = 2 // the outcome of a choice
	streamFunding = 3 // a raise's result
	streamLadder  = 4 // calibration noise
	streamFight   = 5 // contest luck
	streamBot     = 6 // bots' whims (not part of a run's own randomness)
)

// Mix is SplitMix64's finaliser: a fast, well-distributed 64-bit hash, for
// deriving seeds (the rules' own draws, balance runs, what-if
// continuations).
func Mix(x uint64) uint64 { return mix(x) }

// mix is SplitMix64's finaliser (see Mix).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// unit returns a uniform number in [0, 1) for one draw.
func unit(seed uint64, month, stream, draw int) float64 {
	h := mix(seed ^ mix(uint64(month)<<32^uint64(stream)<<16^uint64(draw)+0x9E3779B97F4A7C15))
	return float64(h>>11) / (1 << 53)
}

// normal returns an approximately standard-normal number from four uniform
// draws (Irwin-Hall). It uses only + and *, so every platform agrees on it.
func normal(seed uint64, month, stream, draw int) float64 {
	s := 0.0
	for i := 0; i < 4; i++ {
		s += unit(seed, month, stream, draw*4+i)
	}
	// The sum of 4 uniforms has mean 2 and variance 1/3.
	const scale = 1.7320508075688772 // sqrt(3)
	return float64(s-2) * scale
}

// expNeg returns e^-x for x >= 0 using only + * / (Taylor series after
// halving), so results are identical on every platform. Explicit float64
// conversions stop the compiler fusing multiply-adds on machines that have
// them.
func expNeg(x float64) float64 {
	if x > 700 {
		return 0
	}
	k := 0
	for x > 0.5 {
		x /= 2
		k++
	}
	term, sum := 1.0, 1.0
	for n := 1; n < 20; n++ {
		term = float64(term*-x) / float64(n)
		sum = float64(sum + term)
	}
	for ; k > 0; k-- {
		sum = float64(sum * sum)
	}
	return sum
}

// normalCDF is the standard normal distribution function, from a series
// that uses only deterministic arithmetic (accurate to ~1e-7).
func normalCDF(z float64) float64 {
	if z < -8 {
		return 0
	}
	if z > 8 {
		return 1
	}
	neg := z < 0
	if neg {
		z = -z
	}
	// Zelen & Severo (Abramowitz and Stegun 26.2.17).
	t := 1 / float64(1+float64(0.2316419*z))
	poly := float64(t * float64(0.319381530+float64(t*float64(-0.356563782+float64(t*float64(1.781477937+float64(t*float64(-1.821255978+float64(t*1.330274429)))))))))
	pdf := float64(0.3989422804014327 * expNeg(float64(z*z)/2))
	p := 1 - float64(pdf*poly)
	if neg {
		return 1 - p
	}
	return p
}
