package sound

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/assets"
)

// The tests run inside Ebitengine's loop (its audio context is driven from
// there) with ALSA pointed at a null device, as on a machine without a
// sound card: sound really plays, into nothing.

type loop struct{ m *testing.M }

var code int

func (l *loop) Update() error {
	code = l.m.Run()
	return ebiten.Termination
}
func (l *loop) Draw(*ebiten.Image)         {}
func (l *loop) Layout(int, int) (int, int) { return 64, 64 }
func alsaConfig(dir, extra string) string {
	p := filepath.Join(dir, "asound-"+strings.Fields(extra + " none")[0]+".conf")
	os.WriteFile(p, []byte("</usr/share/alsa/alsa.conf>\n"+extra+"\n"), 0o644)
	return p
}

// nullDevice is an ALSA configuration whose default device swallows sound.
const nullDevice = "pcm.!default { type null }"

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sound")
	if err != nil {
		panic(err)
	}
	os.Setenv("ALSA_CONFIG_PATH", alsaConfig(dir, nullDevice))
	if err := ebiten.RunGameWithOptions(&loop{m}, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil {
		panic(err)
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestEveryAssetDecodes(t *testing.T) {
	for _, e := range assets.Effects() {
		pcm, err := decode(e.Path())
		if err != nil {
			t.Fatal(err)
		}
		if secs := float64(len(pcm)) / bytesPerSecond; secs < 0.1 || secs > 4 {
			t.Errorf("%s: %.2f s", e, secs)
		}
	}
	for _, track := range assets.Ambiences() {
		pcm, err := decode(assets.AmbiencePath(track))
		if err != nil {
			t.Fatal(err)
		}
		if secs := float64(len(pcm)) / bytesPerSecond; secs < 19.9 || secs > 20.1 {
			t.Errorf("%s: %.2f s, want a 20 s loop", track, secs)
		}
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// One Sound for the whole test binary: Ebitengine allows one context.
func TestPlaysEffectsAndAmbience(t *testing.T) {
	s := New(Options{Volume: 0.8, Ambience: true})
	if r := s.Unavailable(); r != "" {
		t.Fatalf("no sound on the null device: %s", r)
	}
	waitFor(t, "the effects to decode", func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.effects) == len(assets.Effects())
	})
	if p := s.Problems(); len(p) > 0 {
		t.Fatalf("problems: %v", p)
	}

	s.Play(assets.Choice)
	s.Play(assets.Good)
	s.mu.Lock()
	n := len(s.playing)
	s.mu.Unlock()
	if n != 2 {
		t.Errorf("%d effects playing, want 2", n)
	}
	// Effects end and are let go.
	waitFor(t, "the effects to end", func() bool {
		s.Update(10 * time.Millisecond)
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.playing) == 0
	})

	// The ambience fades in over fadeTime, then rests (no more frames).
	s.SetAmbience("startup")
	waitFor(t, "the loop to decode", func() bool { return s.Update(0) && s.amb != nil && s.amb.p != nil })
	busy := 0
	for i := 0; i < 100 && s.Update(50*time.Millisecond); i++ {
		busy++
	}
	if busy < 20 || busy > 40 {
		t.Errorf("fade-in took %d steps of 50 ms, want about %v", busy, fadeTime)
	}
	if !s.amb.p.IsPlaying() || s.amb.p.Volume() < 0.4 {
		t.Errorf("loop playing %v at volume %.2f, want playing at 0.8 x %.2f", s.amb.p.IsPlaying(), s.amb.p.Volume(), ambienceGain)
	}
	// Another track cross-fades: the old one fades out and is closed.
	s.SetAmbience("between")
	waitFor(t, "the cross-fade", func() bool { return !s.Update(100 * time.Millisecond) })
	if len(s.old) != 0 || s.amb.track != "between" || !s.amb.p.IsPlaying() {
		t.Errorf("after the cross-fade: %d old loops, current %q playing %v", len(s.old), s.amb.track, s.amb.p.IsPlaying())
	}

	// Muted: effects are logged as silent, the loop pauses.
	s.Set(0.8, true, true)
	s.Update(10 * time.Millisecond)
	s.Play(assets.Money)
	if s.amb.p.IsPlaying() {
		t.Error("the loop still plays while muted")
	}
	// Locked (the browser before a gesture): silent until Unlock.
	s.Set(0.8, false, true)
	s.mu.Lock()
	s.locked = true
	s.mu.Unlock()
	s.Play(assets.Bad)
	s.Unlock()
	s.Play(assets.Ending)

	var got []string
	for _, e := range s.Log() {
		got = append(got, e.Name+map[bool]string{true: "", false: "(silent)"}[e.Audible])
	}
	want := "choice good ambient-startup ambient-between money(silent) bad(silent) ending"
	if strings.Join(got, " ") != want {
		t.Errorf("log %q, want %q", strings.Join(got, " "), want)
	}
}

// Without a device the probe says so, instead of Ebitengine stopping the
// game when its context fails.
func TestProbeWithoutADevice(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ALSA_CONFIG_PATH", alsaConfig(dir, "pcm.!default { type hw card 7 }"))
	err := probeDevice()
	if err == nil || !strings.Contains(err.Error(), "no audio device") {
		t.Fatalf("probe on a missing card: %v, want 'no audio device'", err)
	}
}

func TestNilSoundIsSilent(t *testing.T) {
	var s *Sound
	s.Play(assets.Good)
	s.SetAmbience("lab")
	if s.Update(time.Second) || s.Log() != nil || s.Unavailable() == "" {
		t.Error("a nil Sound did something")
	}
}
