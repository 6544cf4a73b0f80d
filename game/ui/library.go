package ui

import (
	"errors"
	"io/fs"
	"os"

	"runwayladder/game/scenario"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

var errNotTOML = errors.New("not a scenario file: only .toml files are read")

// ScenarioDir is a folder of the player's own scenarios.
type ScenarioDir struct {
	Path string
	// Optional folders (the one in the config folder) may be missing
	// without an error.
	Optional bool
}

// library is the set of scenarios the player can choose from: the bundled
// ones and the user's own (folders and dropped files), with every problem
// found while loading them.
type library struct {
	bundledFS fs.FS
	dirs      []ScenarioDir
	dropped   []kit.DroppedFile

	// bundled are known by their headers until one is needed (compiling
	// them all made the game slow to start); the user's own are compiled
	// at once, so their problems show on the title.
	bundled []*scenario.Lazy
	user    []*scenario.Scenario
	// all is bundled and user merged: a user scenario with a bundled id
	// replaces it.
	all  []*scenario.Lazy
	errs scenario.Errors
}

func newLibrary(bundled fs.FS, dirs []ScenarioDir) *library {
	l := &library{bundledFS: bundled, dirs: dirs}
	l.load()
	return l
}

// load (re)reads every source. Bundled scenarios are read once.
func (l *library) load() {
	var errs scenario.Errors
	if l.bundled == nil && l.bundledFS != nil {
		var es scenario.Errors
		l.bundled, es = scenario.LoadBundledLazy(l.bundledFS)
		errs = append(errs, es...)
	}
	var paths []string
	for _, d := range l.dirs {
		if _, err := os.Stat(d.Path); err != nil && d.Optional {
			continue
		}
		paths = append(paths, d.Path)
	}
	var user []*scenario.Scenario
	if len(paths) > 0 {
		scs, es := scenario.LoadPaths(paths)
		user = append(user, scs...)
		errs = append(errs, es...)
	}
	for i := range l.dropped {
		d := &l.dropped[i]
		if d.Path != "" {
			if data, err := storage.ReadFile(d.Path, scenario.MaxFileSize); err == nil {
				d.Data, d.Err = data, nil
			}
		}
		if d.Err != nil {
			errs = append(errs, scenario.Error{File: d.Name, Msg: d.Err.Error()})
			continue
		}
		name := d.Name
		if d.Path != "" {
			name = d.Path
		}
		sc, es := scenario.Parse(name, d.Data)
		errs = append(errs, es...)
		if sc != nil {
			user = append(user, sc)
		}
	}
	l.user = user
	// A user scenario with a bundled id replaces it (with a warning) or,
	// at the same version, is refused: run codes could not tell them apart.
	all, es := scenario.CombineLazy(l.bundled, user)
	l.all = crossroadsFirst(all)
	errs = append(errs, es...)
	l.errs = errs
}

// crossroadsTrack is the track of scenarios that put the startup-or-not
// question itself in one career: the game offers them first.
const crossroadsTrack = "crossroads"

// crossroadsFirst orders scenarios of the crossroads track first, the rest
// after them, each in the order they came.
func crossroadsFirst(all []*scenario.Lazy) []*scenario.Lazy {
	out := make([]*scenario.Lazy, 0, len(all))
	for _, first := range []bool{true, false} {
		for _, sc := range all {
			if (sc.Track == crossroadsTrack) == first {
				out = append(out, sc)
			}
		}
	}
	return out
}

// add remembers dropped files and reloads. A file dropped again replaces
// the earlier drop of the same name.
func (l *library) add(files []kit.DroppedFile) {
	for _, f := range files {
		replaced := false
		for i := range l.dropped {
			if l.dropped[i].Name == f.Name && l.dropped[i].Path == f.Path {
				l.dropped[i], replaced = f, true
			}
		}
		if !replaced {
			l.dropped = append(l.dropped, f)
		}
	}
	l.load()
}

// problems returns the load errors (warnings excluded) and the warnings.
func (l *library) problems() (errs, warnings scenario.Errors) {
	for _, e := range l.errs {
		if e.Warning {
			warnings = append(warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, warnings
}

// find returns a scenario by id, compiled (the first time it is asked
// for, when it is a bundled one).
func (l *library) find(id string) (*scenario.Scenario, bool) {
	for _, e := range l.all {
		if e.ID == id {
			return l.compile(e)
		}
	}
	return nil, false
}

// lookup finds a scenario by id from any goroutine (a background import):
// it compiles a bundled one through its Lazy, which is safe to share, and
// leaves a compile error to the library's own find.
func (l *library) lookup() func(id string) (*scenario.Scenario, bool) {
	all := append([]*scenario.Lazy(nil), l.all...)
	return func(id string) (*scenario.Scenario, bool) {
		for _, e := range all {
			if e.ID == id {
				sc, _ := e.Load()
				return sc, sc != nil
			}
		}
		return nil, false
	}
}

// compile returns an entry's scenario; a bundled file that turns out not
// to compile joins the problems (the tests keep this from happening).
func (l *library) compile(e *scenario.Lazy) (*scenario.Scenario, bool) {
	sc, errs := e.Load()
	if sc == nil {
		for _, err := range errs {
			if !containsError(l.errs, err) {
				l.errs = append(l.errs, err)
			}
		}
		return nil, false
	}
	return sc, true
}

func containsError(es scenario.Errors, e scenario.Error) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}
