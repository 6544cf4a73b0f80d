package pagefiles

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// mapSource stands in for the page's object in tests.
type mapSource map[string]string

func (m mapSource) names() []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (m mapSource) read(name string) ([]byte, bool) {
	s, ok := m[name]
	return []byte(s), ok
}

func testFS() fs.FS {
	return dirFS{dir: "assets", src: mapSource{
		"assets/art/scene-lab.png":  "png bytes",
		"assets/art/portrait-x.png": "more",
		"assets/sound/roll.ogg":     "ogg",
		"assets/README.md":          "# readme",
		"scenarios/a.toml":          "title = 'a'",
		"assetsmore/not-here.txt":   "a sibling folder that merely shares the prefix",
	}}
}

func TestDirBehavesAsAFileSystem(t *testing.T) {
	if err := fstest.TestFS(testFS(), "art/scene-lab.png", "art/portrait-x.png", "sound/roll.ogg", "README.md"); err != nil {
		t.Fatal(err)
	}
}

func TestDirListsOnlyItsOwnFolder(t *testing.T) {
	entries, err := fs.ReadDir(testFS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "README.md art sound" {
		t.Errorf("ReadDir(.) = %q, want %q", got, "README.md art sound")
	}
	data, err := fs.ReadFile(testFS(), "art/scene-lab.png")
	if err != nil || string(data) != "png bytes" {
		t.Errorf("ReadFile = %q, %v", data, err)
	}
}

func TestMissingAndInvalidNames(t *testing.T) {
	for _, name := range []string{"nope.png", "art/nope.png", "../scenarios/a.toml", "/abs", "art/"} {
		_, err := testFS().Open(name)
		if err == nil {
			t.Errorf("Open(%q) worked, want an error", name)
		}
	}
}

func TestOutsideTheBrowserSaysWhy(t *testing.T) {
	_, err := fs.ReadFile(Dir("assets"), "art/scene-lab.png")
	if err == nil || !strings.Contains(err.Error(), "browser") {
		t.Fatalf("err = %v, want one that says the files are the browser build's", err)
	}
	if _, err := fs.ReadDir(Dir("scenarios"), "."); err == nil || errors.Is(err, fs.ErrInvalid) {
		t.Fatalf("ReadDir outside the browser: %v", err)
	}
}
