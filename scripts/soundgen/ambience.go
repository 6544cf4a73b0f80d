package main

import (
	"math"
	"math/rand/v2"
)

// loopSeconds is the length of every ambient loop. Everything in a loop is
// periodic over it (notes wrap around the end, drones and LFOs complete
// whole cycles, noise is made circular), so it repeats without a seam.
const loopSeconds = 20.0

func ambiences() []sound {
	return []sound{
		{"ambient-startup", "startup (loop): a warm late-night pad over a soft pulse, the hum of a small room", true, startupLoop},
		{"ambient-corporate", "big company (loop): air-conditioning hush, a calm pad, a distant keyboard now and then", true, corporateLoop},
		{"ambient-academia", "lab and academia (loop): a low drone, sparse pentatonic bells, a quiet lab", true, academiaLoop},
		{"ambient-between", "between jobs (loop): a slow minor pad with a slow tremolo and soft rain", true, betweenLoop},
	}
}

// periodic returns the frequency nearest f that completes whole cycles in
// a loop.
func periodic(f float64) float64 { return math.Max(1, math.Round(f*loopSeconds)) / loopSeconds }

// drone adds a constant tone over the whole loop, tuned to be periodic.
func (b *buf) drone(f, gain float64, harmonics []float64) {
	f = periodic(f)
	for k := range b.s {
		t := float64(k) / rate
		v := 0.0
		for h, a := range harmonics {
			v += a * math.Sin(2*math.Pi*f*float64(h+1)*t)
		}
		b.s[k] += gain * v
	}
}

// pad adds chords, one every slot seconds from 0, each a swell a little
// longer than its slot so neighbours overlap; the last wraps to the start.
func (b *buf) pad(chords [][]float64, slot, gain float64, harmonics []float64) {
	for i, ch := range chords {
		start := float64(i)*slot - slot*0.15
		if start < 0 {
			start += loopSeconds
		}
		for _, m := range ch {
			b.tone(start, slot*1.3, note(m), gain/float64(len(ch)), harmonics, func(t float64) float64 { return swell(t, slot*1.3) })
		}
	}
}

// addNoise adds circular noise under a periodic gain function.
func (b *buf) addNoise(n []float64, gain float64, shape func(t float64) float64) {
	for k := range b.s {
		b.s[k] += gain * shape(float64(k)/rate) * n[k]
	}
}

func steady(float64) float64 { return 1 }

// quiet scales a loop to a low, even loudness: RMS 0.025 (about -32 dBFS),
// its peaks kept under 0.2.
func (b *buf) quiet() {
	sum := 0.0
	for _, v := range b.s {
		sum += v * v
	}
	rms := math.Sqrt(sum / float64(len(b.s)))
	if rms == 0 {
		return
	}
	g := 0.025 / rms
	for _, v := range b.s {
		g = math.Min(g, 0.2/math.Max(math.Abs(v), 1e-9))
	}
	for i := range b.s {
		b.s[i] *= g
	}
}

func startupLoop(r *rand.Rand) *buf {
	b := newBuf(loopSeconds, true)
	b.pad([][]float64{{48, 55, 59, 64}, {45, 52, 55, 60}, {41, 48, 52, 57}, {43, 50, 55, 59}}, 5, 0.5, soft)
	// A soft pulse of low plucks: eighths at 96 beats a minute, following
	// the chord roots.
	roots := []float64{36, 33, 29, 31}
	step := 60.0 / 96 / 2
	for i := 0; float64(i)*step < loopSeconds-1e-9; i++ {
		t := float64(i) * step
		root := roots[int(t/5)%4]
		accent := 0.5
		if i%2 == 0 {
			accent = 0.8
		}
		b.tone(t, 0.4, note(root+12), 0.12*accent, hollow, func(x float64) float64 { return env(x, 0.004, 0.09) })
	}
	b.addNoise(loopNoise(r, loopSeconds, 180, 2), 0.25, steady)
	b.quiet()
	return b
}

func corporateLoop(r *rand.Rand) *buf {
	b := newBuf(loopSeconds, true)
	b.addNoise(loopNoise(r, loopSeconds, 400, 2), 1.2, func(t float64) float64 {
		return 1 + 0.15*math.Sin(2*math.Pi*periodic(0.1)*t)
	})
	b.pad([][]float64{{50, 57, 61, 64, 66}, {47, 54, 57, 62, 64}}, 10, 0.35, soft)
	// A distant keyboard: short bursts of soft ticks at random moments.
	for burst := 0; burst < 7; burst++ {
		t := r.Float64() * loopSeconds
		for k := 0; k < 3+r.IntN(6); k++ {
			b.tone(t, 0.03, 2200+r.Float64()*600, 0.04, hollow, func(x float64) float64 { return env(x, 0.0005, 0.004) })
			t += 0.08 + r.Float64()*0.12
		}
	}
	b.quiet()
	return b
}

func academiaLoop(r *rand.Rand) *buf {
	b := newBuf(loopSeconds, true)
	b.drone(note(38), 0.35, soft)
	b.drone(note(45), 0.2, soft)
	b.addNoise(loopNoise(r, loopSeconds, 120, 2), 0.6, steady)
	// Sparse bells on a D pentatonic, about one every 2.5 s.
	scale := []float64{74, 76, 78, 81, 83, 86}
	for t := 0.6; t < loopSeconds; t += 1.6 + r.Float64()*1.8 {
		b.bell(t, 3, note(scale[r.IntN(len(scale))]), 0.16, 3.5, 0.8, 0.7)
	}
	b.quiet()
	return b
}

func betweenLoop(r *rand.Rand) *buf {
	b := newBuf(loopSeconds, true)
	pad := newBuf(loopSeconds, true)
	pad.pad([][]float64{{45, 52, 55, 59, 64}, {41, 48, 52, 57, 64}, {38, 45, 53, 57, 60}, {40, 47, 52, 57, 62}}, 5, 0.5, soft)
	lfo := periodic(0.25)
	for k, v := range pad.s {
		t := float64(k) / rate
		b.s[k] += v * (0.8 + 0.2*math.Sin(2*math.Pi*lfo*t))
	}
	// Soft rain: bright noise with a slow swell.
	b.addNoise(loopNoise(r, loopSeconds, 2500, 1), 0.08, func(t float64) float64 {
		return 0.7 + 0.3*math.Sin(2*math.Pi*periodic(0.05)*t)
	})
	b.quiet()
	return b
}
