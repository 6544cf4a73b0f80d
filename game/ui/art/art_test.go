package art

import (
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/assets"
	"runwayladder/game/scenario"
	"runwayladder/scenarios"
)

type loop struct{ m *testing.M }

var code int

func (l *loop) Update() error {
	code = l.m.Run()
	return ebiten.Termination
}
func (l *loop) Draw(*ebiten.Image)         {}
func (l *loop) Layout(int, int) (int, int) { return 64, 64 }

func TestMain(m *testing.M) {
	if err := ebiten.RunGameWithOptions(&loop{m}, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil {
		panic(err)
	}
	os.Exit(code)
}

func TestEveryPictureLoads(t *testing.T) {
	l := New()
	for _, k := range assets.Scenes() {
		if img := l.Scene(k); img == nil || img.Bounds().Dx() != 960 {
			t.Errorf("scene %s: %v", k, img)
		}
	}
	for _, k := range assets.Portraits() {
		if l.Portrait(k) == nil {
			t.Errorf("portrait %s missing", k)
		}
	}
	for _, k := range assets.EndingCategories() {
		if l.EndingIcon(k) == nil {
			t.Errorf("ending icon %s missing", k)
		}
	}
	if l.Scene("no-such") != nil || l.Portrait("") != nil || l.Image("art/none.png") != nil {
		t.Error("an unknown picture was found")
	}
	if p := l.Problems(); len(p) != 1 {
		t.Errorf("problems %v, want the one missing file", p)
	}
	var nilLib *Library
	if nilLib.Scene("lab") != nil {
		t.Error("a nil library drew")
	}
}

func TestDrawFitsTheBox(t *testing.T) {
	l := New()
	dst := ebiten.NewImage(200, 200)
	Draw(dst, l.Scene("lab"), 0, 50, 200, 100, 1, Cover)
	Draw(dst, nil, 0, 0, 10, 10, 1, Contain)
	// Cover fills the band 50-150 and nothing outside it.
	px := func(x, y int) uint8 { _, _, _, a := dst.At(x, y).RGBA(); return uint8(a >> 8) }
	if px(100, 100) == 0 || px(100, 20) != 0 || px(100, 170) != 0 {
		t.Errorf("alpha inside %d, above %d, below %d", px(100, 100), px(100, 20), px(100, 170))
	}
}

func TestSceneFor(t *testing.T) {
	for _, c := range []struct{ id, phase, track, want string }{
		{"startup_engineer", "", "startup", "startup"},
		{"bigco_manager", "", "corporate", "manager"},
		{"crossroads", "campus", "corporate", "campus"},
		{"crossroads", "", "between", "between"},
		{"my_own", "", "academia", "lab"},
		{"my_own", "no-such-scene", "", ""},
	} {
		if got := SceneFor(c.id, c.phase, c.track); got != c.want {
			t.Errorf("SceneFor(%q, %q, %q) = %q, want %q", c.id, c.phase, c.track, got, c.want)
		}
	}
}

func TestSpeakerFor(t *testing.T) {
	for _, c := range []struct{ title, text, want string }{
		{"Your manager's manager asks for a demo", "", "director"},
		{"The CEO wants a pivot", "Your manager agrees.", "ceo"},
		{"A quiet month", "Your co-founder calls at midnight.", "friend"},
		{"Reviewer 2", "The managers' offsite", ""},
		{"A recruiter writes", "", "recruiter"},
		{"Cofounders", "", ""},
		{"", "Your VP wants the numbers.", "director"},
	} {
		if got := SpeakerFor(c.title, c.text); got != c.want {
			t.Errorf("SpeakerFor(%q, %q) = %q, want %q", c.title, c.text, got, c.want)
		}
	}
}

// How many of the bundled cards find a speaker: a guess that fits most
// cards would be putting faces where nobody speaks.
func TestSpeakersOnTheBundledCards(t *testing.T) {
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cards, found := 0, map[string]int{}
	for _, sc := range scs {
		for _, ev := range sc.Events {
			cards++
			if k := SpeakerFor(ev.Title, ev.Text); k != "" {
				found[k]++
			}
		}
	}
	total := 0
	for _, n := range found {
		total += n
	}
	t.Logf("%d of %d cards have a speaker: %v", total, cards, found)
	if total < cards/10 || total > cards*2/3 {
		t.Errorf("%d of %d cards have a speaker; the table matches too little or too much", total, cards)
	}
}
