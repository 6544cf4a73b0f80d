package main

import (
	"math"
	"math/rand/v2"
)

// sound is one file to make.
type sound struct {
	key   string // file name: KEY.ogg
	about string // what it is, for the README
	loop  bool
	make  func(r *rand.Rand) *buf
}

func effects() []sound {
	return []sound{
		{"choice", "a choice is made: a soft wooden tap", false, choiceSound},
		{"roll", "the roll against the odds: ticks slowing to a stop, like a wheel settling", false, rollSound},
		{"good", "a good outcome: a rising bell arpeggio (C-E-G-C)", false, goodSound},
		{"bad", "a bad outcome: a low falling minor third, muted", false, badSound},
		{"money", "money in: two bright coin bells", false, moneySound},
		{"warning", "runway warning: two low pulses, a gentle alarm", false, warningSound},
		{"month", "a new month: a soft page-turn whoosh", false, monthSound},
		{"ending", "the ending: a slow major-ninth chord swelling and fading", false, endingSound},
	}
}

func choiceSound(r *rand.Rand) *buf {
	b := newBuf(0.16, false)
	b.tone(0, 0.16, 660, 1, hollow, func(t float64) float64 { return env(t, 0.002, 0.025) })
	b.tone(0, 0.16, 1320, 0.35, pure, func(t float64) float64 { return env(t, 0.001, 0.012) })
	b.noise(r, 0, 0.03, 3000, 0.25, func(t float64) float64 { return env(t, 0.001, 0.006) })
	b.normalize(0.6)
	return b
}

func rollSound(r *rand.Rand) *buf {
	b := newBuf(1.0, false)
	// Ticks whose spacing grows as the wheel slows: 14 ticks over ~0.85 s.
	t := 0.0
	for i := 0; i < 14; i++ {
		pitch := 1500 + 200*math.Sin(float64(i)*1.7)
		b.tone(t, 0.05, pitch, 0.8, hollow, func(x float64) float64 { return env(x, 0.001, 0.008) })
		b.noise(r, t, 0.02, 5000, 0.3, func(x float64) float64 { return env(x, 0.0005, 0.004) })
		t += 0.025 + 0.0045*float64(i*i)/2
	}
	// The stop: a lower, fuller tick.
	b.tone(t, 0.12, 900, 1, hollow, func(x float64) float64 { return env(x, 0.001, 0.03) })
	b.normalize(0.5)
	return b
}

func goodSound(r *rand.Rand) *buf {
	b := newBuf(1.1, false)
	for i, m := range []float64{72, 76, 79, 84} {
		b.bell(float64(i)*0.09, 1.1-float64(i)*0.09, note(m), 1-float64(i)*0.12, 3.5, 1.2, 0.28)
	}
	b.normalize(0.55)
	return b
}

func badSound(r *rand.Rand) *buf {
	b := newBuf(0.9, false)
	shape := func(t float64) float64 { return env(t, 0.015, 0.22) }
	b.tone(0, 0.5, note(55), 1, reed, shape)
	b.tone(0.18, 0.7, note(52), 1, reed, shape)
	// Muffle it: a one-pole low-pass over the whole thing.
	lp := lowpass{a: lpCoef(900)}
	for i, v := range b.s {
		b.s[i] = lp.step(v)
	}
	b.normalize(0.5)
	return b
}

func moneySound(r *rand.Rand) *buf {
	b := newBuf(0.8, false)
	b.bell(0, 0.8, note(83), 1, 2.76, 2.2, 0.14)
	b.bell(0.08, 0.72, note(88), 0.9, 2.76, 2.2, 0.2)
	b.noise(r, 0.0, 0.12, 8000, 0.12, func(t float64) float64 { return env(t, 0.001, 0.03) })
	b.normalize(0.5)
	return b
}

func warningSound(r *rand.Rand) *buf {
	b := newBuf(1.0, false)
	for i := 0; i < 2; i++ {
		start := float64(i) * 0.42
		b.tone(start, 0.36, note(57), 1, reed, func(t float64) float64 { return swell(t, 0.36) })
		b.tone(start, 0.36, note(56.7), 0.6, soft, func(t float64) float64 { return swell(t, 0.36) })
	}
	lp := lowpass{a: lpCoef(1200)}
	for i, v := range b.s {
		b.s[i] = lp.step(v)
	}
	b.normalize(0.5)
	return b
}

func monthSound(r *rand.Rand) *buf {
	b := newBuf(0.45, false)
	// A noise swell whose brightness rises then falls: a page turning.
	n := sec(0.45)
	lp := lowpass{}
	for k := 0; k < n; k++ {
		t := float64(k) / rate
		lp.a = lpCoef(600 + 3000*swell(t, 0.45))
		b.add(k, swell(t, 0.45)*lp.step(r.Float64()*2-1))
	}
	b.normalize(0.35)
	return b
}

func endingSound(r *rand.Rand) *buf {
	b := newBuf(3.2, false)
	chord := []float64{48, 55, 64, 67, 71, 74}
	for i, m := range chord {
		start := float64(i) * 0.12
		b.tone(start, 3.2-start, note(m), 1/(1+float64(i)*0.3), soft, func(t float64) float64 {
			return env(t, 0.35, 1.1)
		})
	}
	b.bell(0.7, 2.5, note(84), 0.35, 3.5, 1, 0.6)
	b.normalize(0.55)
	return b
}
