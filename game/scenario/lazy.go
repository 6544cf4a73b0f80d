package scenario

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// Header is what a list of scenarios shows before one is picked: the keys
// at the top of the file and which systems it has. ReadHeader reads it
// without compiling the file, which is most of the cost of loading one.
type Header struct {
	ID, Title, Track, Role string
	Pitch, Promise, Price  string
	Version, Months        int
	// Systems names the systems, as Scenario.Systems does.
	Systems []string
}

// headerKeys are the top-level keys a Header holds.
type headerKeys struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Track   string `toml:"track"`
	Role    string `toml:"role"`
	Pitch   string `toml:"pitch"`
	Promise string `toml:"promise"`
	Price   string `toml:"price"`
	Version int    `toml:"version"`
	Months  int    `toml:"months"`
}

// systemTable matches a table header of a system: [funding], [ladder.x],
// [[resource_fight.rivals]].
var systemTable = regexp.MustCompile(`^\s*\[\[?\s*(funding|ladder|resource_fight)\s*[\].]`)

// ReadHeader reads a scenario file's header: the top-level keys (TOML puts
// them before the first table) and the tables of its systems. ok is false
// when the header cannot be read this way; Parse then says why.
func ReadHeader(src []byte) (h Header, ok bool) {
	text := string(src)
	top := text
	systems := map[string]bool{}
	inString := "" // the delimiter of the multi-line string we are in
	offset := 0
	cut := -1
	for _, line := range strings.SplitAfter(text, "\n") {
		if inString == "" {
			if m := systemTable.FindStringSubmatch(line); m != nil {
				systems[m[1]] = true
			}
			if cut < 0 && strings.HasPrefix(strings.TrimSpace(line), "[") {
				cut = offset
			}
		}
		for _, delim := range []string{`"""`, `'''`} {
			if (inString == "" || inString == delim) && strings.Count(line, delim)%2 == 1 {
				if inString == "" {
					inString = delim
				} else {
					inString = ""
				}
			}
		}
		offset += len(line)
	}
	if cut >= 0 {
		top = text[:cut]
	}
	var k headerKeys
	md, err := toml.Decode(top, &k)
	if err != nil || k.ID == "" || k.Title == "" {
		return Header{}, false
	}
	for _, s := range []string{"funding", "ladder", "resource_fight"} {
		if md.IsDefined(s) {
			systems[s] = true
		}
	}
	h = Header{ID: k.ID, Title: k.Title, Track: k.Track, Role: k.Role, Pitch: strings.TrimSpace(k.Pitch),
		Promise: k.Promise, Price: k.Price, Version: k.Version, Months: k.Months}
	for _, s := range []struct{ table, name string }{{"funding", "funding runway"}, {"ladder", "promotion ladder"}, {"resource_fight", "resource fights"}} {
		if systems[s.table] {
			h.Systems = append(h.Systems, s.name)
		}
	}
	return h, true
}

// HeaderOf returns the header of a compiled scenario.
func HeaderOf(sc *Scenario) Header {
	return Header{ID: sc.ID, Title: sc.Title, Track: sc.Track, Role: sc.Role, Pitch: sc.Pitch, Promise: sc.Promise,
		Price: sc.Price, Version: sc.Version, Months: sc.Months, Systems: sc.Systems()}
}

// Lazy is a scenario known by its header until it is needed: Load compiles
// it the first time (safe from any goroutine) and keeps the result.
type Lazy struct {
	Header
	// File is where it was read from; Bundled marks the game's own.
	File    string
	Bundled bool

	data   []byte
	digest [32]byte // of the file, as Scenario's
	once   sync.Once
	sc     *Scenario
	errs   Errors
}

// Loaded wraps a scenario already compiled.
func Loaded(sc *Scenario) *Lazy {
	l := &Lazy{Header: HeaderOf(sc), File: sc.File, Bundled: sc.Bundled, sc: sc, digest: sc.digest}
	l.once.Do(func() {})
	return l
}

// Load compiles the scenario (once) and returns it, or nil and why not.
func (l *Lazy) Load() (*Scenario, Errors) {
	l.once.Do(func() {
		l.sc, l.errs = Parse(l.File, l.data)
		if l.sc != nil {
			l.sc.Bundled = l.Bundled
		}
		l.data = nil
	})
	return l.sc, l.errs
}

// LoadBundledLazy reads the headers of the scenarios that ship with the
// game and leaves compiling each to its Load. A file whose header cannot
// be read this way is compiled at once, so its problems show now.
func LoadBundledLazy(fsys fs.FS) ([]*Lazy, Errors) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, Errors{{File: "bundled", Msg: "cannot list scenarios: " + err.Error()}}
	}
	var out []*Lazy
	var errs Errors
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		name := path.Join("bundled", e.Name())
		data, err := readLimited(fsys, e.Name())
		if err != nil {
			errs = append(errs, Error{File: name, Pos: Pos{Line: 1, Col: 1}, Msg: err.Error()})
			continue
		}
		l := &Lazy{File: name, Bundled: true, data: data, digest: sha256.Sum256(data)}
		if h, ok := ReadHeader(data); ok {
			l.Header = h
		} else {
			sc, es := l.Load()
			errs = append(errs, es...)
			if sc == nil {
				continue
			}
			l.Header = HeaderOf(sc)
		}
		if prev, ok := seen[l.ID]; ok {
			errs = append(errs, Error{File: name, Pos: Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("scenario id %q is also used by %s; the later file wins", l.ID, prev)})
		}
		seen[l.ID] = name
		out = append(out, l)
	}
	errs.sort()
	return out, errs
}

// CombineLazy combines the bundled scenarios, known by their headers, with
// the user's compiled ones as Combine does, without compiling the bundled.
func CombineLazy(bundled []*Lazy, user []*Scenario) ([]*Lazy, Errors) {
	var out []*Lazy
	var errs Errors
	index := map[string]int{}
	for _, l := range bundled {
		if i, ok := index[l.ID]; ok {
			out[i] = l
			continue
		}
		index[l.ID] = len(out)
		out = append(out, l)
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
				out[i] = Loaded(sc)
			}
		case ok:
			out[i] = Loaded(sc)
		default:
			index[sc.ID] = len(out)
			out = append(out, Loaded(sc))
		}
	}
	return out, errs
}
