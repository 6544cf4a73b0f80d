// Command soundgen synthesizes the game's sounds: short effects and quiet
// ambient loops, made from sine tones, FM bells and filtered noise (no
// recordings), written as WAV and encoded to Ogg Vorbis with oggenc
// (Debian: vorbis-tools).
//
//	go run ./scripts/soundgen -out assets/sound
//
// Every sound is made from a fixed seed and oggenc is given a fixed stream
// serial, so the same program makes the same files.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	out := flag.String("out", "assets/sound", "folder for the .ogg files")
	wavDir := flag.String("wav", "", "also keep each sound's WAV in this folder")
	oggenc := flag.String("oggenc", "oggenc", "the oggenc program (Debian: vorbis-tools)")
	list := flag.Bool("list", false, "print each file and what it is, and quit")
	flag.Parse()
	if err := run(*out, *wavDir, *oggenc, *list); err != nil {
		fmt.Fprintln(os.Stderr, "soundgen:", err)
		os.Exit(1)
	}
}

func run(out, wavDir, oggenc string, list bool) error {
	all := append(effects(), ambiences()...)
	if list {
		for _, s := range all {
			fmt.Printf("%s.ogg\t%s\n", s.key, s.about)
		}
		return nil
	}
	tmp, err := os.MkdirTemp("", "soundgen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if wavDir == "" {
		wavDir = tmp
	}
	for _, d := range []string{out, wavDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for i, s := range all {
		r := rand.New(rand.NewPCG(uint64(i+1), 0x52756e776179)) // "Runway"
		b := s.make(r)
		wav := filepath.Join(wavDir, s.key+".wav")
		if err := os.WriteFile(wav, encodeWAV(b.s), 0o644); err != nil {
			return err
		}
		// Loops play for minutes at a low level: a lower quality is
		// inaudible there and halves their size.
		quality := "4"
		if s.loop {
			quality = "1"
		}
		var stderr bytes.Buffer
		cmd := exec.Command(oggenc, "-Q", "-q", quality, "--serial", fmt.Sprint(1000+i), "-o", filepath.Join(out, s.key+".ogg"), wav)
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: oggenc: %v: %s", s.key, err, stderr.String())
		}
	}
	return nil
}

// encodeWAV returns a 16-bit mono PCM WAV file of the samples (-1..1).
func encodeWAV(samples []float64) []byte {
	var b bytes.Buffer
	data := len(samples) * 2
	le := binary.LittleEndian
	b.WriteString("RIFF")
	binary.Write(&b, le, uint32(36+data))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, le, uint32(16))
	binary.Write(&b, le, uint16(1))      // PCM
	binary.Write(&b, le, uint16(1))      // mono
	binary.Write(&b, le, uint32(rate))   // sample rate
	binary.Write(&b, le, uint32(rate*2)) // byte rate
	binary.Write(&b, le, uint16(2))      // block align
	binary.Write(&b, le, uint16(16))     // bits per sample
	b.WriteString("data")
	binary.Write(&b, le, uint32(data))
	for _, v := range samples {
		v = math.Max(-1, math.Min(1, v))
		binary.Write(&b, le, int16(math.Round(v*32767)))
	}
	return b.Bytes()
}
