package main

import (
	"math"
	"math/rand/v2"
)

// rate is the sample rate of everything made here (the game's audio
// context runs at it too, so nothing is resampled at play time).
const rate = 44100

// buf is a mono signal; writes past its end wrap around when loop is set,
// which is how an ambient loop joins seamlessly.
type buf struct {
	s    []float64
	loop bool
}

func newBuf(seconds float64, loop bool) *buf {
	return &buf{s: make([]float64, int(seconds*rate)), loop: loop}
}

func (b *buf) add(i int, v float64) {
	if b.loop {
		i %= len(b.s)
	} else if i >= len(b.s) {
		return
	}
	if i >= 0 {
		b.s[i] += v
	}
}

func sec(t float64) int { return int(math.Round(t * rate)) }

// env is an attack-decay envelope: linear rise over a seconds, then an
// exponential fall with time constant d seconds; 0 after length.
func env(t, a, d float64) float64 {
	if t < 0 {
		return 0
	}
	if t < a {
		return t / a
	}
	return math.Exp(-(t - a) / d)
}

// swell is a raised-cosine window over [0, length]: pads rise and fall
// without clicks.
func swell(t, length float64) float64 {
	if t < 0 || t > length {
		return 0
	}
	return 0.5 - 0.5*math.Cos(2*math.Pi*t/length)
}

// tone adds a note at start (seconds) of length seconds: a sum of
// harmonics (amplitudes by index from the fundamental) under an envelope
// function of time since the note began.
func (b *buf) tone(start, length, freq, gain float64, harmonics []float64, shape func(t float64) float64) {
	i0, n := sec(start), sec(length)
	for k := 0; k < n; k++ {
		t := float64(k) / rate
		e := shape(t)
		if e == 0 {
			continue
		}
		v := 0.0
		for h, a := range harmonics {
			if a == 0 {
				continue
			}
			f := freq * float64(h+1)
			if f > rate/2.2 {
				break
			}
			v += a * math.Sin(2*math.Pi*f*t)
		}
		b.add(i0+k, gain*e*v)
	}
}

// bell adds an FM bell: a sine carrier modulated at ratio x the carrier,
// the modulation dying faster than the note (a bright strike, a pure
// tail).
func (b *buf) bell(start, length, freq, gain, ratio, index, decay float64) {
	i0, n := sec(start), sec(length)
	for k := 0; k < n; k++ {
		t := float64(k) / rate
		e := env(t, 0.003, decay)
		mod := index * math.Exp(-t/(decay*0.35)) * math.Sin(2*math.Pi*freq*ratio*t)
		b.add(i0+k, gain*e*math.Sin(2*math.Pi*freq*t+mod))
	}
}

// noise adds white noise, low-passed at cutoff Hz, under shape.
func (b *buf) noise(r *rand.Rand, start, length, cutoff, gain float64, shape func(t float64) float64) {
	i0, n := sec(start), sec(length)
	lp := lowpass{a: lpCoef(cutoff)}
	for k := 0; k < n; k++ {
		t := float64(k) / rate
		b.add(i0+k, gain*shape(t)*lp.step(r.Float64()*2-1))
	}
}

// lowpass is a one-pole low-pass filter.
type lowpass struct{ a, y float64 }

func lpCoef(cutoff float64) float64 { return 1 - math.Exp(-2*math.Pi*cutoff/rate) }

func (l *lowpass) step(x float64) float64 {
	l.y += l.a * (x - l.y)
	return l.y
}

// loopNoise returns seconds of low-passed noise that joins its own start
// seamlessly: the noise is periodic and the filter runs around it twice,
// so the state at the end is the state the start was computed from.
func loopNoise(r *rand.Rand, seconds, cutoff float64, poles int) []float64 {
	n := sec(seconds)
	white := make([]float64, n)
	for i := range white {
		white[i] = r.Float64()*2 - 1
	}
	out := make([]float64, n)
	filters := make([]lowpass, poles)
	for i := range filters {
		filters[i].a = lpCoef(cutoff)
	}
	for pass := 0; pass < 2; pass++ {
		for i, x := range white {
			for f := range filters {
				x = filters[f].step(x)
			}
			out[i] = x
		}
	}
	return out
}

// normalize scales the buffer so its peak is at peak (0-1), and fades the
// first and last ms of a one-shot so nothing clicks.
func (b *buf) normalize(peak float64) {
	m := 0.0
	for _, v := range b.s {
		m = math.Max(m, math.Abs(v))
	}
	if m == 0 {
		return
	}
	for i := range b.s {
		b.s[i] *= peak / m
	}
	if !b.loop {
		fade := sec(0.004)
		for i := 0; i < fade && i < len(b.s); i++ {
			g := float64(i) / float64(fade)
			b.s[i] *= g
			b.s[len(b.s)-1-i] *= g
		}
	}
}

// note returns the frequency of a MIDI note number (69 = A4 = 440 Hz).
func note(m float64) float64 { return 440 * math.Pow(2, (m-69)/12) }

// Harmonic recipes.
var (
	pure   = []float64{1}
	soft   = []float64{1, 0.25, 0.08}
	hollow = []float64{1, 0, 0.3, 0, 0.12}
	reed   = []float64{1, 0.5, 0.33, 0.25, 0.2, 0.16, 0.14}
)
