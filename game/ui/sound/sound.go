// Package sound plays the game's effects and ambient loops through
// Ebitengine's audio package: it decodes the Ogg Vorbis files of the assets
// package, keeps a volume and a mute, cross-fades the ambience when the
// phase changes, and stays silent until the player's first gesture where
// browsers require one.
//
// Ebitengine allows one audio context a process, and stops the game when
// the context cannot reach a device; so a process makes one Sound (New),
// and New first checks that a device opens, leaving sound off with a
// reason when none does.
package sound

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2/audio"
	"github.com/hajimehoshi/ebiten/v2/audio/vorbis"

	"runwayladder/assets"
)

// SampleRate is the rate of the audio context and of every asset.
const SampleRate = 44100

// bytesPerSecond of decoded audio: float32 stereo.
const bytesPerSecond = SampleRate * 2 * 4

// Levels, relative to the master volume: the loops sit well under the
// effects.
const (
	effectGain   = 1.0
	ambienceGain = 0.55
	fadeTime     = 1500 * time.Millisecond
)

// Sound is the game's audio. The zero value is not usable; a nil *Sound
// is silent (every method does nothing), so the game can run without one.
type Sound struct {
	ctx    *audio.Context
	reason string // why there is no sound, when ctx is nil

	mu       sync.Mutex
	effects  map[assets.Effect][]byte // decoded PCM
	loops    map[string][]byte
	loading  map[string]bool
	loadErrs []string

	volume     float64 // 0-1
	muted      bool
	ambienceOn bool
	locked     bool // until the player's first gesture (browsers)

	playing []*audio.Player // effects still sounding
	amb     *fader          // the current loop
	old     []*fader        // loops fading out

	log []Event // what was played, for tests and the settings screen
}

// Event is one effect or loop the game asked for, and whether it sounded
// (false when muted, locked or unavailable).
type Event struct {
	Name    string // an assets.Effect, or "ambient-TRACK"
	Audible bool
}

// fader is a loop player with a gain that moves towards a target.
type fader struct {
	track        string
	p            *audio.Player
	gain, target float64
}

// Options set up a Sound.
type Options struct {
	// Volume 0-1, Muted and Ambience are the player's settings.
	Volume   float64
	Muted    bool
	Ambience bool
	// Locked starts silent until Unlock (the browser build: audio may
	// start only after a user gesture).
	Locked bool
}

// New makes the process's Sound. Call it once: Ebitengine allows one audio
// context a process. When no audio device opens, the Sound is silent and
// Unavailable says why.
func New(o Options) *Sound {
	s := &Sound{
		effects: map[assets.Effect][]byte{}, loops: map[string][]byte{}, loading: map[string]bool{},
		volume: clamp01(o.Volume), muted: o.Muted, ambienceOn: o.Ambience, locked: o.Locked,
	}
	if err := probeDevice(); err != nil {
		s.reason = err.Error()
		return s
	}
	s.ctx = audio.NewContext(SampleRate)
	go s.decodeEffects()
	return s
}

// Unavailable says why there is no sound ("" when there is).
func (s *Sound) Unavailable() string {
	if s == nil {
		return "sound is off in this build"
	}
	return s.reason
}

// decode reads one Ogg Vorbis asset into float32 stereo PCM.
func decode(name string) ([]byte, error) {
	data, err := assets.ReadFile(name)
	if err != nil {
		return nil, err
	}
	st, err := vorbis.DecodeF32(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("sound: decode %s: %w", name, err)
	}
	if st.SampleRate() != SampleRate {
		return nil, fmt.Errorf("sound: %s is %d Hz, want %d", name, st.SampleRate(), SampleRate)
	}
	pcm := make([]byte, 0, st.Length())
	chunk := make([]byte, 32<<10)
	for {
		n, err := st.Read(chunk)
		pcm = append(pcm, chunk[:n]...)
		if err == io.EOF {
			return pcm, nil
		}
		if err != nil {
			return nil, fmt.Errorf("sound: decode %s: %w", name, err)
		}
		yield()
	}
}

// decodeEffects decodes every effect in the background, so the first frame
// does not wait for them.
func (s *Sound) decodeEffects() {
	for _, e := range assets.Effects() {
		pcm, err := decode(e.Path())
		s.mu.Lock()
		if err != nil {
			s.loadErrs = append(s.loadErrs, err.Error())
		} else {
			s.effects[e] = pcm
		}
		s.mu.Unlock()
	}
}

// Problems lists the sound files that could not be read.
func (s *Sound) Problems() []string {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.loadErrs...)
}

func (s *Sound) audible() bool { return s.ctx != nil && !s.muted && !s.locked && s.volume > 0 }

// Play starts an effect. Effects overlap; each plays once.
func (s *Sound) Play(e assets.Effect) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	pcm, ready := s.effects[e]
	ok := s.audible() && ready
	s.record(Event{Name: string(e), Audible: ok})
	if !ok {
		return
	}
	p := s.ctx.NewPlayerF32FromBytes(pcm)
	p.SetVolume(s.volume * effectGain)
	p.Play()
	s.playing = append(s.playing, p)
}

func (s *Sound) record(e Event) {
	const keep = 256
	if len(s.log) >= keep {
		s.log = append(s.log[:0], s.log[len(s.log)-keep/2:]...)
	}
	s.log = append(s.log, e)
}

// Log returns what was played so far, oldest first (the last 128 at
// least).
func (s *Sound) Log() []Event {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.log...)
}

// SetAmbience switches the loop to a track (assets.Ambiences; "" for
// none), fading the old one out and the new one in.
func (s *Sound) SetAmbience(track string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.amb != nil && s.amb.track == track {
		return
	}
	if s.amb != nil {
		s.amb.target = 0
		s.old = append(s.old, s.amb)
		s.amb = nil
	}
	if track == "" || s.ctx == nil {
		return
	}
	s.record(Event{Name: "ambient-" + track, Audible: s.audible() && s.ambienceOn})
	pcm, ok := s.loops[track]
	if !ok {
		if !s.loading[track] {
			s.loading[track] = true
			go s.decodeLoop(track)
		}
		s.amb = &fader{track: track} // its player starts when decoded
		return
	}
	s.amb = s.startLoop(track, pcm)
}

func (s *Sound) decodeLoop(track string) {
	pcm, err := decode(assets.AmbiencePath(track))
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.loading, track)
	if err != nil {
		s.loadErrs = append(s.loadErrs, err.Error())
		return
	}
	s.loops[track] = pcm
	if s.amb != nil && s.amb.track == track && s.amb.p == nil {
		s.amb = s.startLoop(track, pcm)
	}
}

// startLoop makes a loop's player at gain 0; Update starts and fades it.
func (s *Sound) startLoop(track string, pcm []byte) *fader {
	p, err := s.ctx.NewPlayerF32(audio.NewInfiniteLoopF32(bytes.NewReader(pcm), int64(len(pcm))))
	if err != nil {
		s.loadErrs = append(s.loadErrs, fmt.Sprintf("sound: ambience %s: %v", track, err))
		return &fader{track: track}
	}
	p.SetVolume(0) // Update fades it in, and starts it when it is audible
	return &fader{track: track, p: p, target: 1}
}

// Update moves the fades on by dt and lets go of finished effects. It
// reports whether a fade is still moving (the game keeps drawing frames
// only while something moves; a loop at rest needs no frames).
func (s *Sound) Update(dt time.Duration) (busy bool) {
	if s == nil || s.ctx == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	live := s.playing[:0]
	for _, p := range s.playing {
		if p.IsPlaying() {
			live = append(live, p)
		} else {
			p.Close()
		}
	}
	clear(s.playing[len(live):])
	s.playing = live

	step := dt.Seconds() / fadeTime.Seconds()
	level := 0.0
	if s.audible() && s.ambienceOn {
		level = s.volume * ambienceGain
	}
	move := func(f *fader) {
		if f.p == nil {
			return
		}
		switch {
		case f.gain < f.target:
			f.gain = min(f.target, f.gain+step)
			busy = true
		case f.gain > f.target:
			f.gain = max(f.target, f.gain-step)
			busy = true
		}
		f.p.SetVolume(f.gain * level)
		// A silent loop is paused, so it costs nothing while muted.
		silent := level == 0 || (f.gain == 0 && f.target == 0)
		if silent && f.p.IsPlaying() {
			f.p.Pause()
		} else if !silent && !f.p.IsPlaying() {
			f.p.Play()
		}
	}
	if s.amb != nil {
		move(s.amb)
	}
	old := s.old[:0]
	for _, f := range s.old {
		move(f)
		if f.p != nil && f.gain > 0 {
			old = append(old, f)
		} else if f.p != nil {
			f.p.Close()
		}
	}
	clear(s.old[len(old):])
	s.old = old
	return busy || len(s.old) > 0 || s.loadingLocked()
}

func (s *Sound) loadingLocked() bool { return len(s.loading) > 0 }

// Settings returns the volume (0-1), mute and ambience switches.
func (s *Sound) Settings() (volume float64, muted, ambience bool) {
	if s == nil {
		return 0, true, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.volume, s.muted, s.ambienceOn
}

// Set changes the volume (0-1), mute and ambience switches; they apply to
// what is playing at the next Update.
func (s *Sound) Set(volume float64, muted, ambience bool) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.volume, s.muted, s.ambienceOn = clamp01(volume), muted, ambience
	if !s.audible() {
		for _, p := range s.playing {
			p.Pause()
		}
	}
}

// Locked reports whether sound waits for the player's first gesture.
func (s *Sound) Locked() bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked
}

// Unlock lets sound play: call it on the player's first click, tap or key.
func (s *Sound) Unlock() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.locked = false
}

func clamp01(v float64) float64 { return max(0, min(1, v)) }
