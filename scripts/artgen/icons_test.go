package main

import (
	"strings"
	"testing"
)

func TestScopeIDsRenamesIDsAndTheirReferences(t *testing.T) {
	body := `<defs><linearGradient id="a"/><clipPath id="b"/></defs><path fill="url(#a)" clip-path="url(#b)"/><use href="#a"/>`
	got := scopeIDs(body, "e7-")
	for _, want := range []string{`id="e7-a"`, `id="e7-b"`, `url(#e7-a)`, `url(#e7-b)`, `href="#e7-a"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	if strings.Contains(got, `"a"`) || strings.Contains(got, `#a)`) {
		t.Errorf("an unscoped id is left: %s", got)
	}
	plain := `<path d="M0 0"/>`
	if scopeIDs(plain, "x") != plain {
		t.Error("a body without ids changed")
	}
}

func testIcons() *iconSet {
	s := &iconSet{Prefix: "t", Width: 32, Height: 32, Icons: map[string]iconJSON{
		"dot": {Body: `<circle cx="16" cy="16" r="8" fill="#fff"/>`},
	}}
	s.Aliases = map[string]struct {
		Parent string `json:"parent"`
		HFlip  bool   `json:"hFlip"`
	}{"dot-flipped": {Parent: "dot", HFlip: true}}
	return s
}

func TestEmojiPlacesScalesAndFlips(t *testing.T) {
	c := newCanvas(testIcons(), 100, 100)
	c.emoji("dot", 50, 80, 64, false)
	c.emoji("dot-flipped", 50, 80, 32, false)
	doc, err := c.svg()
	if err != nil {
		t.Fatal(err)
	}
	// Bottom centre (50, 80), 64 high: the box starts at (18, 16), scale 2.
	if !strings.Contains(doc, `translate(18 16) scale(2)`) {
		t.Errorf("placement: %s", doc)
	}
	// The alias flips: mirrored about its own box.
	if !strings.Contains(doc, `translate(66 48) scale(-1 1)`) {
		t.Errorf("flip: %s", doc)
	}
}

func TestMissingIconIsAnError(t *testing.T) {
	c := newCanvas(testIcons(), 10, 10)
	c.emoji("no-such-glyph", 5, 5, 5, false)
	if _, err := c.svg(); err == nil || !strings.Contains(err.Error(), "no-such-glyph") {
		t.Fatalf("err = %v, want one naming the glyph", err)
	}
}

// Every picture has its own file name and a description for the README.
func TestPiecesAreNamedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range pieces() {
		if seen[p.file] {
			t.Errorf("%s is made twice", p.file)
		}
		seen[p.file] = true
		if p.about == "" || p.px <= 0 || p.w <= 0 || p.h <= 0 {
			t.Errorf("%s: incomplete %+v", p.file, p)
		}
	}
}
