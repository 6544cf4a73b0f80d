package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"runwayladder/game/storage"
)

// MaxFiles bounds how many scenario files one folder may hold.
const MaxFiles = 200

// LoadFS loads every *.toml file at the top of fsys. label prefixes file
// names in errors (e.g. "bundled"). Broken files are reported and skipped;
// the others load.
func LoadFS(fsys fs.FS, label string) ([]*Scenario, Errors) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, Errors{{File: label, Msg: "cannot list scenarios: " + err.Error()}}
	}
	var scs []*Scenario
	var errs Errors
	n := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		n++
		name := path.Join(label, e.Name())
		if n > MaxFiles {
			errs = append(errs, Error{File: name, Msg: fmt.Sprintf("more than %d scenario files; the rest are ignored", MaxFiles)})
			break
		}
		data, err := readLimited(fsys, e.Name())
		if err != nil {
			errs = append(errs, Error{File: name, Pos: Pos{Line: 1, Col: 1}, Msg: err.Error()})
			continue
		}
		sc, es := Parse(name, data)
		errs = append(errs, es...)
		if sc != nil {
			scs = append(scs, sc)
		}
	}
	errs = dedupe(&scs, &errs)
	return scs, errs
}

// readLimited reads a scenario file of fsys: a regular file of at most
// MaxFileSize bytes (storage.ReadFSFile).
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	data, err := storage.ReadFSFile(fsys, name, MaxFileSize)
	return data, fileProblem(err)
}

// fileProblem words a read error for a scenario author.
func fileProblem(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, storage.ErrTooLarge):
		return fmt.Errorf("file %v (split it into several scenarios)", err)
	case errors.Is(err, storage.ErrNotRegular):
		return fmt.Errorf("cannot read: %v; a scenario must be a plain file", err)
	}
	return fmt.Errorf("cannot read: %v", err)
}

// LoadFile loads one scenario file from disk: a regular file (not a
// FIFO, nor a device behind a symlink) of at most MaxFileSize bytes.
func LoadFile(name string) (*Scenario, Errors) {
	data, err := storage.ReadFile(name, MaxFileSize)
	if err != nil {
		return nil, Errors{{File: name, Pos: Pos{Line: 1, Col: 1}, Msg: fileProblem(err).Error()}}
	}
	return Parse(name, data)
}

// LoadPaths loads files and folders (the *.toml files at a folder's top).
func LoadPaths(paths []string) ([]*Scenario, Errors) {
	var scs []*Scenario
	var errs Errors
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, Error{File: p, Msg: "cannot read: " + err.Error()})
			continue
		}
		if !info.IsDir() {
			sc, es := LoadFile(p)
			errs = append(errs, es...)
			if sc != nil {
				scs = append(scs, sc)
			}
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(p, "*.toml"))
		sort.Strings(matches)
		if len(matches) > MaxFiles {
			errs = append(errs, Error{File: p, Msg: fmt.Sprintf("%d scenario files; only the first %d are read", len(matches), MaxFiles)})
			matches = matches[:MaxFiles]
		}
		for _, m := range matches {
			sc, es := LoadFile(m)
			errs = append(errs, es...)
			if sc != nil {
				scs = append(scs, sc)
			}
		}
	}
	errs = dedupe(&scs, &errs)
	return scs, errs
}

// dedupe refuses a second scenario with an id already used in the set: it
// is reported at its id and left out, never silently put in the first
// one's place.
func dedupe(scs *[]*Scenario, errs *Errors) Errors {
	seen := map[string]string{}
	kept := (*scs)[:0]
	for _, sc := range *scs {
		if prev, ok := seen[sc.ID]; ok {
			*errs = append(*errs, Error{File: sc.File, Pos: sc.idPos, Msg: fmt.Sprintf("scenario id %q is already used by %s; ids must be unique, so this file is not loaded", sc.ID, prev),
				Help: "give one of them another id"})
			continue
		}
		seen[sc.ID] = sc.File
		kept = append(kept, sc)
	}
	*scs = kept
	errs.sort()
	return *errs
}

// Merge combines bundled scenarios with user ones as Combine does,
// without its messages.
func Merge(bundled, user []*Scenario) []*Scenario {
	out, _ := Combine(bundled, user)
	return out
}

// Combine combines bundled scenarios with user ones. A user scenario with
// the id of a bundled one replaces it, with a warning, when its version
// differs: run codes carry the version, so a code names which of the two
// it was played on (and the other's codes say which version they need).
// One with the bundled one's id and version too is refused: their run
// codes could not be told apart. The rest are added after. (Within a set
// ids are unique: the loaders refuse a second file with an id.)
func Combine(bundled, user []*Scenario) ([]*Scenario, Errors) {
	var out []*Scenario
	var errs Errors
	index := map[string]int{}
	for _, sc := range bundled {
		if i, ok := index[sc.ID]; ok {
			out[i] = sc
			continue
		}
		index[sc.ID] = len(out)
		out = append(out, sc)
	}
	for _, sc := range user {
		i, ok := index[sc.ID]
		switch {
		case ok && out[i].Bundled:
			replace, e := overBundled(sc, out[i].Version, out[i].digest)
			if e != nil {
				errs = append(errs, *e)
			}
			if replace {
				out[i] = sc
			}
		case ok:
			out[i] = sc
		default:
			index[sc.ID] = len(out)
			out = append(out, sc)
		}
	}
	return out, errs
}

// overBundled decides a user scenario with the id of a bundled one at
// version bundledVersion whose file has bundledDigest: a byte-for-byte copy
// of it is the bundled scenario (an author validating the repository's
// file), kept without a word; another file is refused (an error) when the
// versions match, so run codes could tell them apart; else it replaces
// it, with a warning.
func overBundled(sc *Scenario, bundledVersion int, bundledDigest [32]byte) (replace bool, e *Error) {
	if sc.Version == bundledVersion && sc.digest == bundledDigest {
		return false, nil
	}
	if sc.Version == bundledVersion {
		return false, &Error{File: sc.File, Pos: sc.idPos,
			Msg:  fmt.Sprintf("scenario `%s` version %d has the id and version of a bundled scenario, so their run codes could not be told apart; it is not loaded", sc.ID, sc.Version),
			Help: "give it its own id, or another version"}
	}
	return true, &Error{File: sc.File, Pos: sc.idPos, Warning: true,
		Msg:  fmt.Sprintf("scenario `%s` version %d replaces the bundled `%s` version %d in this game; run codes name the version they were played on", sc.ID, sc.Version, sc.ID, bundledVersion),
		Help: "give it its own id to keep both"}
}

// Find returns the scenario with an id.
func Find(scs []*Scenario, id string) (*Scenario, bool) {
	for _, sc := range scs {
		if sc.ID == id {
			return sc, true
		}
	}
	return nil, false
}

// LoadBundled loads the scenarios that ship with the game and marks them.
func LoadBundled(fsys fs.FS) ([]*Scenario, Errors) {
	scs, errs := LoadFS(fsys, "bundled")
	for _, sc := range scs {
		sc.Bundled = true
	}
	return scs, errs
}
