package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// iconSet is an Iconify JSON icon set (the format of @iconify-json/*): each
// icon's body is the inside of an <svg> whose viewBox is 0 0 width height.
type iconSet struct {
	Prefix  string `json:"prefix"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Icons   map[string]iconJSON
	Aliases map[string]struct {
		Parent string `json:"parent"`
		HFlip  bool   `json:"hFlip"`
	}
}

type iconJSON struct {
	Body   string `json:"body"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// icon is one glyph ready to place: its SVG body and the size of its box.
type icon struct {
	body  string
	w, h  int
	hFlip bool
}

func loadIcons(path string) (*iconSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s iconSet
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(s.Icons) == 0 {
		return nil, fmt.Errorf("%s: no icons (is this an Iconify JSON set?)", path)
	}
	if s.Width == 0 {
		s.Width = 16
	}
	if s.Height == 0 {
		s.Height = s.Width
	}
	return &s, nil
}

// get returns the icon called name, following an alias once.
func (s *iconSet) get(name string) (icon, error) {
	flip := false
	if a, ok := s.Aliases[name]; ok {
		name, flip = a.Parent, a.HFlip
	}
	ic, ok := s.Icons[name]
	if !ok {
		return icon{}, fmt.Errorf("icon %q is not in the %s set", name, s.Prefix)
	}
	w, h := ic.Width, ic.Height
	if w == 0 {
		w = s.Width
	}
	if h == 0 {
		h = s.Height
	}
	return icon{body: ic.Body, w: w, h: h, hFlip: flip}, nil
}

var (
	idAttr = regexp.MustCompile(`\bid="([^"]+)"`)
	idRef  = regexp.MustCompile(`(url\(#|href="#)([^)"]+)`)
)

// scopeIDs renames every id in an icon's body (gradients, clip paths) with
// a prefix, so two copies of one icon, or two icons that happen to use the
// same ids, can sit in one document.
func scopeIDs(body, prefix string) string {
	if !strings.Contains(body, "id=") {
		return body
	}
	body = idAttr.ReplaceAllString(body, `id="`+prefix+`$1"`)
	return idRef.ReplaceAllString(body, `${1}`+prefix+`$2`)
}
