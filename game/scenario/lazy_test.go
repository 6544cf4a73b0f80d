package scenario

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"runwayladder/scenarios"
)

// TestReadHeaderMatchesParse reads every bundled file's header the cheap
// way and checks it against the compiled scenario's.
func TestReadHeaderMatchesParse(t *testing.T) {
	entries, err := fs.ReadDir(scenarios.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		data, err := fs.ReadFile(scenarios.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		h, ok := ReadHeader(data)
		sc, errs := Parse(e.Name(), data)
		if !ok || sc == nil {
			t.Fatalf("%s: header read %v, parse errors %v", e.Name(), ok, errs)
		}
		if want := HeaderOf(sc); !reflect.DeepEqual(h, want) {
			t.Errorf("%s: header\n%+v\nwant\n%+v", e.Name(), h, want)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no bundled scenario")
	}
}

func TestReadHeader(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		ok        bool
		want      Header
	}{
		{"a bracket in a long pitch", "id = \"a\"\ntitle = \"A\"\nmonths = 12\npitch = \"\"\"\nWhat you do:\n[fight] nothing here\n\"\"\"\n\n[ladder]\nx = 1\n", true,
			Header{ID: "a", Title: "A", Months: 12, Pitch: "What you do:\n[fight] nothing here", Systems: []string{"promotion ladder"}}},
		{"array tables", "id = \"b\"\ntitle = \"B\"\n\n[[funding.rounds]]\nlabel = \"seed\"\n[resource_fight]\n", true,
			Header{ID: "b", Title: "B", Systems: []string{"funding runway", "resource fights"}}},
		{"no tables", "id = \"c\"\ntitle = \"C\"\ntrack = \"startup\"\n", true, Header{ID: "c", Title: "C", Track: "startup"}},
		{"broken top", "id = \"d\ntitle = \"D\"\n", false, Header{}},
		{"no id", "title = \"E\"\n[ladder]\n", false, Header{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := ReadHeader([]byte(tc.src))
			if ok != tc.ok || !reflect.DeepEqual(h, tc.want) {
				t.Errorf("got %+v %v, want %+v %v", h, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestLoadBundledLazy compiles nothing until asked, and then the same
// scenarios LoadBundled compiles.
func TestLoadBundledLazy(t *testing.T) {
	lazy, errs := LoadBundledLazy(scenarios.FS)
	eager, errs2 := LoadBundled(scenarios.FS)
	if errs.HasErrors() || errs2.HasErrors() || len(lazy) != len(eager) {
		t.Fatalf("%d lazy (%v), %d eager (%v)", len(lazy), errs, len(eager), errs2)
	}
	for i, l := range lazy {
		if l.sc != nil {
			t.Errorf("%s was compiled before it was asked for", l.ID)
		}
		sc, es := l.Load()
		if sc == nil || es.HasErrors() || !sc.Bundled || sc.ID != eager[i].ID || sc.File != eager[i].File || sc.Version != eager[i].Version {
			t.Errorf("%s: loaded %+v %v", l.ID, sc != nil, es)
		}
		if again, _ := l.Load(); again != sc {
			t.Errorf("%s compiled twice", l.ID)
		}
	}
}

// FuzzReadHeader reads headers of anything: it never panics, and a header
// it reads has an id and a title.
func FuzzReadHeader(f *testing.F) {
	for _, name := range []string{"startup_engineer.toml", "bigco_engineer.toml"} {
		data, err := fs.ReadFile(scenarios.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("id = \"a\"\ntitle = \"\"\"\n[x]\n\"\"\"\n[funding]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if h, ok := ReadHeader(src); ok && (h.ID == "" || h.Title == "") {
			t.Errorf("a header without an id or a title: %+v", h)
		}
	})
}

// TestCombineLazy applies Combine's rule to headers: a user scenario with a
// bundled id replaces it at another version (a warning), is refused at the
// same one (an error), and a new id is added.
func TestCombineLazy(t *testing.T) {
	bundled, errs := LoadBundledLazy(scenarios.FS)
	if errs.HasErrors() || len(bundled) == 0 {
		t.Fatal(errs)
	}
	first := bundled[0]
	sc, _ := first.Load()
	same, other, fresh, copied := *sc, *sc, *sc, *sc
	same.Bundled, other.Bundled, fresh.Bundled, copied.Bundled = false, false, false, false
	same.digest[0] ^= 1 // another file
	other.Version = sc.Version + 1
	fresh.ID = "a_new_path"
	// A byte-for-byte copy of the bundled file is the bundled scenario.
	if all, es := CombineLazy(bundled, []*Scenario{&copied}); len(all) != len(bundled) || all[0] != first || len(es) != 0 {
		t.Errorf("a copy of the bundled file: first replaced %v, %v", all[0] != first, es)
	}
	all, es := CombineLazy(bundled, []*Scenario{&same})
	if len(all) != len(bundled) || all[0] != first || len(es) != 1 || es[0].Warning {
		t.Errorf("same id and version: %d scenarios, first replaced %v, %v", len(all), all[0] != first, es)
	}
	all, es = CombineLazy(bundled, []*Scenario{&other, &fresh})
	if len(all) != len(bundled)+1 || all[0].Version != other.Version || all[len(all)-1].ID != "a_new_path" || len(es) != 1 || !es[0].Warning {
		t.Errorf("another version and a new id: %d scenarios, %v", len(all), es)
	}
}
