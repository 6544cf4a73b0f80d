package main

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"
)

// Every ambient loop must join its own start without a click: the step
// from the last sample to the first is no bigger than the steps inside it.
func TestLoopsJoinWithoutASeam(t *testing.T) {
	for _, s := range ambiences() {
		t.Run(s.key, func(t *testing.T) {
			b := s.make(rand.New(rand.NewPCG(1, 2)))
			if len(b.s) != sec(loopSeconds) {
				t.Fatalf("%d samples, want %d", len(b.s), sec(loopSeconds))
			}
			maxStep := 0.0
			for i := 1; i < len(b.s); i++ {
				maxStep = math.Max(maxStep, math.Abs(b.s[i]-b.s[i-1]))
			}
			seam := math.Abs(b.s[0] - b.s[len(b.s)-1])
			if seam > maxStep {
				t.Errorf("seam step %.5f is larger than any step inside the loop (%.5f)", seam, maxStep)
			}
		})
	}
}

func TestEffectsArePeakNormalizedAndFadeAtTheEdges(t *testing.T) {
	for _, s := range effects() {
		t.Run(s.key, func(t *testing.T) {
			b := s.make(rand.New(rand.NewPCG(1, 2)))
			peak := 0.0
			for _, v := range b.s {
				peak = math.Max(peak, math.Abs(v))
			}
			if peak < 0.3 || peak > 0.61 {
				t.Errorf("peak %.3f, want 0.3-0.6", peak)
			}
			if b.s[0] != 0 || b.s[len(b.s)-1] != 0 {
				t.Errorf("first/last sample %.4f/%.4f, want 0 (a click otherwise)", b.s[0], b.s[len(b.s)-1])
			}
		})
	}
}

func TestWAVHeader(t *testing.T) {
	w := encodeWAV([]float64{0, 1, -1, 2})
	if string(w[0:4]) != "RIFF" || string(w[8:16]) != "WAVEfmt " || string(w[36:40]) != "data" {
		t.Fatalf("bad chunk ids: %q", w[:40])
	}
	le := binary.LittleEndian
	if got := le.Uint32(w[4:]); got != uint32(len(w)-8) {
		t.Errorf("RIFF size %d, want %d", got, len(w)-8)
	}
	if got := le.Uint32(w[24:]); got != rate {
		t.Errorf("rate %d", got)
	}
	if got := le.Uint32(w[40:]); got != 8 {
		t.Errorf("data size %d, want 8", got)
	}
	// Out-of-range samples clip instead of wrapping.
	if got := int16(le.Uint16(w[50:])); got != 32767 {
		t.Errorf("sample 2.0 encoded as %d, want 32767", got)
	}
}
