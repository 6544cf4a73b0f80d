package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// shotSizes are the window sizes every screenshot is taken at.
var shotSizes = [][2]int{{1280, 720}, {800, 600}}

// shot is one scripted screenshot: a name and how to reach the screen.
type shot struct {
	name  string
	setup func(c *Context) (Screen, error)
}

// director takes the scripted screenshots, one per frame, each drawn at
// its own size into an offscreen image, then ends the game.
type director struct {
	dir    string
	shots  []shot
	i      int
	err    error
	logged []string
}

// shotSeed makes screenshots the same on every machine.
const shotSeed = 20250601

func newDirector(dir string) *director {
	return &director{dir: dir, shots: screenshotScript()}
}

// screenshotScript lists the screens a player sees, each reached the way
// a player would (runs are played by the typical bot).
func screenshotScript() []shot {
	return append([]shot{
		{"title", func(c *Context) (Screen, error) {
			if err := playTo(c, withFunding, func(r *sim.Run) bool { return r.Month() >= 6 }); err != nil {
				return nil, err
			}
			return newTitle(c), nil
		}},
		{"choose", func(c *Context) (Screen, error) { return newChoose(c), nil }},
		{"month-runway", func(c *Context) (Screen, error) {
			err := playTo(c, withFunding, func(r *sim.Run) bool { return r.Month() >= 9 && r.Card().Kind == sim.CardEvent })
			return newMonth(c), err
		}},
		{"month-ladder", func(c *Context) (Screen, error) {
			err := playTo(c, withLadder, func(r *sim.Run) bool {
				return r.Builtin(scenario.VarLastRating) > 0 && r.Card().Kind == sim.CardEvent
			})
			return newMonth(c), err
		}},
		{"month-fight", func(c *Context) (Screen, error) {
			err := playTo(c, withFight, func(r *sim.Run) bool { return r.Card().Kind == sim.CardFight })
			return newMonth(c), err
		}},
		{"happened-roll", func(c *Context) (Screen, error) { return happenedWithRoll(c) }},
		{"ending", func(c *Context) (Screen, error) {
			err := playTo(c, withFunding, func(r *sim.Run) bool { return r.Done() })
			if err != nil {
				return nil, err
			}
			if !c.run.Done() {
				return nil, errors.New("the run did not end")
			}
			return newEnding(c), nil
		}},
		{"ending-details", func(c *Context) (Screen, error) {
			if err := playTo(c, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
				return nil, err
			}
			e := newEnding(c)
			e.scroll.Off = 1e9 // scrolled to the end: decisions, axes, run code
			return e, nil
		}},
		{"settings", func(c *Context) (Screen, error) { return newSettings(newTitle(c)), nil }},
		{"month-high-contrast", func(c *Context) (Screen, error) {
			c.settings.HighContrast = true
			err := playTo(c, withLadder, func(r *sim.Run) bool { return r.Month() >= 8 && r.Card().Kind == sim.CardEvent })
			return newMonth(c), err
		}},
		{"session", func(c *Context) (Screen, error) {
			s := newSession(c, newTitle(c))
			s.code.Value = []rune("LAB-2025-A")
			return s, nil
		}},
		{"title-problems", func(c *Context) (Screen, error) {
			c.lib.add([]kit.DroppedFile{{Name: "my_lab.toml", Data: []byte(brokenExample)}})
			return newTitle(c), nil
		}},
		{"problems", func(c *Context) (Screen, error) {
			c.lib.add([]kit.DroppedFile{{Name: "my_lab.toml", Data: []byte(brokenExample)}})
			return newProblems(newTitle(c)), nil
		}},
	}, historyShots()...)
}

// brokenExample is a scenario with the mistakes authors make, for the
// screenshots of the problems panel.
const brokenExample = `format = 1
id = "my_lab"
version = 1
title = "My research lab"
track = "academia"
pitch = "A lab of your own."
promise = "Freedom."
price = "Grants."
months = 48

[stats.funding]
label = "Grant money"
initial = 100_000
min = 0
max = 5_000_000
unit = "monney"

[events.first_grant]
title = "The first grant"
text = "A call for proposals opens."
[[events.first_grant.choices]]
label = "Apply"
effects = { fundng = 50_000 }
[[events.first_grant.choices]]
label = "Wait"

[endings.done]
title = "Done"
text = "The years pass."
category = "fine"
at_end = true

[axes]
wealth = "funding"
level = 3
skills = 50
wellbeing = 50
autonomy = 80
`

// The screenshots show each system where it is at home: the runway in
// a startup, the ladder and the fight in a large company (playTo falls
// back on any scenario with the system).
func withFunding(sc *scenario.Scenario) (fits, best bool) {
	return sc.Funding != nil, sc.Track == "startup"
}

func withLadder(sc *scenario.Scenario) (fits, best bool) {
	return sc.Ladder != nil, sc.Funding == nil
}

func withFight(sc *scenario.Scenario) (fits, best bool) {
	return sc.Fight != nil, sc.Ladder != nil
}

// playTo starts a run of the first scenario that fits and lets the
// typical bot play until cond holds or the run ends.
func playTo(c *Context, want func(*scenario.Scenario) (fits, best bool), cond func(*sim.Run) bool) error {
	var sc *scenario.Scenario
	for _, e := range c.lib.all {
		s, ok := c.lib.compile(e)
		if !ok {
			continue
		}
		fits, best := want(s)
		if fits && (sc == nil || best) {
			sc = s
			if best {
				break
			}
		}
	}
	if sc == nil {
		return errors.New("no loaded scenario has the system this screen shows")
	}
	c.run = sim.New(sc, shotSeed, sim.Options{Record: true})
	bot, err := sim.NewBot(sc, "typical")
	if err != nil {
		return err
	}
	for d := 0; !c.run.Done() && !cond(c.run); d++ {
		if err := c.run.PickIndex(bot.Choose(c.run, d)); err != nil {
			return err
		}
	}
	return nil
}

// happenedWithRoll plays until a choice with shown odds is available,
// picks it, and shows what happened.
func happenedWithRoll(c *Context) (Screen, error) {
	err := playTo(c, withFunding, func(r *sim.Run) bool {
		if r.Month() < 4 {
			return false
		}
		for _, c := range r.Card().Choices {
			if c.Available && c.ShowOdds && len(c.Odds) > 1 {
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	card := c.run.Card()
	for n, ch := range card.Choices {
		if ch.Available && ch.ShowOdds && len(ch.Odds) > 1 {
			rep, err := c.run.Pick(n)
			if err != nil {
				return nil, err
			}
			return newHappened(rep, card, ch), nil
		}
	}
	return nil, errors.New("no choice with odds was found")
}

func (d *director) update(g *Game) error {
	if d.i >= len(d.shots)*len(shotSizes) {
		if d.err != nil {
			return d.err
		}
		return ebiten.Termination
	}
	return nil
}

// draw takes the next screenshot.
func (d *director) draw(g *Game, screen *ebiten.Image) {
	if d.i >= len(d.shots)*len(shotSizes) {
		return
	}
	sh := d.shots[d.i/len(shotSizes)]
	size := shotSizes[d.i%len(shotSizes)]
	d.i++
	name := fmt.Sprintf("%s-%dx%d.png", sh.name, size[0], size[1])
	img, err := shoot(g.c, sh, size[0], size[1])
	if err == nil {
		err = writePNG(filepath.Join(d.dir, name), img)
	}
	if err != nil {
		d.err = errors.Join(d.err, fmt.Errorf("screenshot %s: %w", name, err))
		fmt.Fprintln(os.Stderr, "screenshots:", name+":", err)
		return
	}
	fmt.Println("screenshots: wrote", filepath.Join(d.dir, name))
	screen.Fill(g.c.Style().Pal.Bg)
}

// shoot draws one scripted screen into an image of w x h pixels. Each
// shot starts from a fresh model (its own memory store, the default
// settings, the bundled library) and a fresh kit context sharing the
// base's fonts and painter, so shots never depend on each other.
func shoot(base *Context, sh shot, w, h int) (*image.RGBA, error) {
	m := &model{cfg: base.cfg, store: storage.NewMemory(), settings: defaultSettings()}
	m.history = history.Open(m.store)
	m.lib = newLibrary(base.cfg.Bundled, nil)
	m.hist.tasks = base.hist.tasks
	m.loadHistory()
	k := kit.NewContext(base.Fonts(), base.Paint)
	k.W, k.H, k.DSF = float64(w), float64(h), 1
	k.Now = time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	c := &Context{Context: k, model: m}
	g := &Game{c: c}
	m.say = func(msg string, bad bool) { g.toast.Say(c.Now, msg, bad) }
	c.Prefs = m.prefs()
	s, err := sh.setup(c)
	if err != nil {
		return nil, err
	}
	c.Prefs = m.prefs()
	s.Enter(c)
	// Let background work end, animations finish and the screen settle.
	settle(c, s)
	c.Now = c.Now.Add(10 * time.Second)
	c.StopMotion()
	if _, err := s.Update(c, kit.Input{Now: c.Now, Cursor: kit.Point{X: -1, Y: -1}}); err != nil {
		return nil, err
	}
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	g.screen = s
	g.render(img)
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	img.ReadPixels(out.Pix)
	return out, nil
}

func writePNG(name string, img image.Image) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}
