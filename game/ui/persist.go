package ui

import (
	"encoding/json"
	"errors"
	"fmt"

	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// Documents the game keeps in its store.
const (
	settingsDoc = "settings.json"
	saveDoc     = "save.json"
)

// Settings are the player's preferences, kept between runs.
type Settings struct {
	TextSize      kit.TextSize `json:"text_size"`
	HighContrast  bool         `json:"high_contrast"`
	ReducedMotion bool         `json:"reduced_motion"`
}

// defaultSettings are used until the player changes something.
func defaultSettings() Settings { return Settings{TextSize: kit.TextNormal} }

// loadSettings reads the settings; a missing or unreadable file gives the
// defaults (settings are not worth a crash or a warning dialog).
func loadSettings(st storage.Store) (Settings, error) {
	s := defaultSettings()
	data, err := st.Read(settingsDoc)
	if storage.IsNotFound(err) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("settings: %w", err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return defaultSettings(), fmt.Errorf("settings could not be read (%v); the defaults are used", err)
	}
	if s.TextSize < kit.TextSmall || s.TextSize > kit.TextLargest {
		s.TextSize = kit.TextNormal
	}
	return s, nil
}

func saveSettings(st storage.Store, s Settings) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return st.Write(settingsDoc, data)
}

// savedRun is what loadRun found in the save document.
type savedRun struct {
	run *sim.Run
	// notice explains a save that could not be continued, for the title.
	notice string
	// keep is set when the save is fine but its scenario is not loaded:
	// the file stays until the player starts another run.
	keep bool
}

// loadRun reads the autosave. A damaged save is set aside (kept for
// inspection under another name) and explained; it never stops the game.
func loadRun(st storage.Store, lib *library) savedRun {
	data, err := st.Read(saveDoc)
	if storage.IsNotFound(err) {
		return savedRun{}
	}
	if err != nil {
		return savedRun{notice: fmt.Sprintf("Your saved run could not be read: %v.", err), keep: true}
	}
	var head struct {
		Scenario string `json:"scenario"`
	}
	if err := json.Unmarshal(data, &head); err != nil || head.Scenario == "" {
		reason := "it is not a saved run"
		if err != nil {
			reason = err.Error()
		}
		return setAside(st, reason)
	}
	sc, ok := lib.find(head.Scenario)
	if !ok {
		return savedRun{keep: true, notice: fmt.Sprintf("Your saved run is for the scenario %q, which is not loaded. Start the game with its folder (-scenarios DIR) to continue it.", head.Scenario)}
	}
	run, err := sim.DecodeState(sc, data)
	if err != nil {
		return setAside(st, err.Error())
	}
	return savedRun{run: run}
}

func setAside(st storage.Store, reason string) savedRun {
	aside, err := st.SetAside(saveDoc)
	if err != nil {
		return savedRun{keep: true, notice: fmt.Sprintf("Your saved run is damaged (%s) and could not be moved aside: %v.", reason, err)}
	}
	return savedRun{notice: fmt.Sprintf("Your saved run was damaged (%s). It is kept as %s in %s; start a new run.", reason, aside, st.Where())}
}

// saveRun writes the autosave.
func saveRun(st storage.Store, run *sim.Run) error {
	data, err := sim.EncodeState(run.State())
	if err != nil {
		return err
	}
	return st.Write(saveDoc, data)
}

// errNoScenarios is reported when nothing at all could be loaded.
var errNoScenarios = errors.New("no scenario could be loaded")
