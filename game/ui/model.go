package ui

import (
	"fmt"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// model is the game's state apart from any screen: the scenarios, the
// store and the history in it, the settings, the run in progress and the
// workshop session. Screens read and change it through the Context; it
// holds no widget and draws nothing.
type model struct {
	cfg      Config
	lib      *library
	store    storage.Store
	history  *history.Store
	hist     histState
	settings Settings

	run       *sim.Run
	saveKeep  bool   // the save belongs to a scenario not loaded: keep it
	notice    string // a problem with the saved run, for the title
	settingsE string // a problem reading or writing the settings
	// session is the workshop session code for the next run, if any.
	session string
	// room is the workshop room the page is in (room.go), if any; the
	// rest is what the game last took from it.
	room       roomLink
	roomResync int
	roomFailed string
	roomSeen   roomState

	// ending is the background work of the last ending shown.
	ending *endingWork

	// say shows a short notice (the game's toast).
	say func(msg string, bad bool)
}

// newModel loads the scenario library, the settings, the saved run and
// the history.
func newModel(cfg Config) (*model, error) {
	m := &model{cfg: cfg, store: cfg.Store, history: history.Open(cfg.Store), say: func(string, bool) {}}
	m.lib = newLibrary(cfg.Bundled, cfg.Dirs)
	if len(m.lib.all) == 0 && len(m.lib.errs) == 0 {
		return nil, errNoScenarios
	}
	var err error
	m.settings, err = loadSettings(cfg.Store)
	if err != nil {
		m.settingsE = err.Error()
	}
	saved := loadRun(cfg.Store, m.lib)
	m.run, m.notice, m.saveKeep = saved.run, saved.notice, saved.keep
	m.loadHistory()
	return m, nil
}

// prefs are the settings the kit draws by.
func (m *model) prefs() kit.Prefs {
	return kit.Prefs{TextSize: m.settings.TextSize, HighContrast: m.settings.HighContrast, ReducedMotion: m.settings.ReducedMotion}
}

// reload re-reads the user's scenarios.
func (a *model) reload(verb string) {
	a.lib.load()
	defer a.reloadedRun() // its notice, if any, matters more
	errs, _ := a.lib.problems()
	n := len(a.lib.user)
	msg := fmt.Sprintf("%s: %d of your %s", verb, n, words.Plural(n, "scenario", "scenarios"))
	if len(a.lib.dirs) == 0 && len(a.lib.dropped) == 0 {
		msg = verb + ": no folder of your own scenarios (" + addHow + ")"
	}
	if len(errs) > 0 {
		msg += fmt.Sprintf(", %d %s (see the title screen)", len(errs), words.Plural(len(errs), "problem", "problems"))
	}
	a.say(msg+".", len(errs) > 0)
}

// reportDrop says what a drop of files loaded.
func (a *model) reportDrop(files []kit.DroppedFile) {
	errs, _ := a.lib.problems()
	names := 0
	for _, f := range files {
		if f.Err == nil {
			names++
		}
	}
	msg := fmt.Sprintf("Loaded %d dropped %s", names, words.Plural(names, "file", "files"))
	if len(errs) > 0 {
		msg += fmt.Sprintf("; %d %s (see the title screen)", len(errs), words.Plural(len(errs), "problem", "problems"))
	}
	a.say(msg+".", len(errs) > 0)
}

// reloadedRun moves the run in progress onto its reloaded scenario when
// the reload did not change how the run plays; otherwise the run goes on
// with the version it started with.
func (a *model) reloadedRun() {
	if a.run == nil {
		return
	}
	old := a.run.Scenario()
	sc, ok := a.lib.find(old.ID)
	if !ok || sc == old {
		return
	}
	data, err := sim.EncodeState(a.run.State())
	if err != nil {
		return
	}
	if run, err := sim.DecodeState(sc, data); err == nil {
		a.run = run
		return
	}
	a.say(fmt.Sprintf("Your run of %q goes on with the version it started with: your edit changes how it plays. Start the path again to play the edit.", sc.Title), true)
}

// startRun begins a new run of sc, with the session's luck if one was
// entered, and saves it.
func (a *model) startRun(sc *scenario.Scenario) error {
	seed := a.cfg.Seed()
	if a.session != "" {
		s, err := sim.SessionSeed(a.session)
		if err != nil {
			return err
		}
		seed = s
	}
	if a.saveKeep {
		// The old save belongs to a scenario that is not loaded: keep it
		// under another name rather than overwrite it.
		if _, err := a.store.SetAside(saveDoc); err == nil || storage.IsNotFound(err) {
			a.saveKeep = false
		}
	}
	a.notice = ""
	a.run = sim.New(sc, seed, sim.Options{Record: true, Session: a.session})
	a.autosave()
	return nil
}

// autosave writes the run; a failure is shown, never fatal.
func (a *model) autosave() {
	if a.run == nil {
		return
	}
	if err := saveRun(a.store, a.run); err != nil {
		a.say("Could not save your run: "+err.Error(), true)
	}
}

// finish starts recording a run that has just ended: its history record
// and the decisions that mattered are made in the background (analyse).
func (a *model) finish(now time.Time) {
	if a.run != nil && a.run.Done() {
		a.analyse(a.run, true, now)
	}
}

// saveSettings stores the settings; a failure is shown, never fatal.
func (a *model) saveSettings() {
	if err := saveSettings(a.store, a.settings); err != nil {
		a.settingsE = "Settings could not be saved: " + err.Error()
		a.say(a.settingsE, true)
		return
	}
	a.settingsE = ""
}
