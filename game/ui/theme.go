package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"runwayladder/assets"
)

// Palette is the set of colours every screen draws with. There are two:
// the default dusk palette and a high-contrast one.
type Palette struct {
	Bg, Panel, Raised, Sunken, Border color.RGBA
	Text, Muted, Faint                color.RGBA
	Accent, AccentText, Focus         color.RGBA
	Good, Bad, Warn, Neutral          color.RGBA
	Icon                              color.RGBA
	// Series colours the lines of charts and the segments of odds bars.
	Series []color.RGBA
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// alpha returns c at opacity a (0-1), premultiplied as color.RGBA requires.
func alpha(c color.RGBA, a float64) color.RGBA {
	a = clamp01(a)
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

// mix blends two opaque colours.
func mix(a, b color.RGBA, t float64) color.RGBA {
	t = clamp01(t)
	m := func(x, y uint8) uint8 { return uint8(math.Round(lerp(float64(x), float64(y), t))) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}

// duskPalette is the default look: a deep slate night with warm accents,
// the colours of a runway at dusk.
func duskPalette() Palette {
	return Palette{
		Bg: rgb(0x0f1921), Panel: rgb(0x172532), Raised: rgb(0x1f3242), Sunken: rgb(0x122029), Border: rgb(0x2d4558),
		Text: rgb(0xe9eef2), Muted: rgb(0x9fb2c1), Faint: rgb(0x6a8092),
		Accent: rgb(0xf2b544), AccentText: rgb(0x1b1405), Focus: rgb(0x7fd4ff),
		Good: rgb(0x62d08f), Bad: rgb(0xf0715f), Warn: rgb(0xf2b544), Neutral: rgb(0xa9bccb),
		Icon:   rgb(0xc4d6e4),
		Series: []color.RGBA{rgb(0x7fd4ff), rgb(0xf2b544), rgb(0x62d08f), rgb(0xe58bd0), rgb(0xf0715f), rgb(0xb3a2ff), rgb(0x7fe0d0)},
	}
}

// contrastPalette is the high-contrast look: black, white and saturated
// signal colours, borders everywhere.
func contrastPalette() Palette {
	return Palette{
		Bg: rgb(0x000000), Panel: rgb(0x000000), Raised: rgb(0x1a1a1a), Sunken: rgb(0x000000), Border: rgb(0xffffff),
		Text: rgb(0xffffff), Muted: rgb(0xf0f0f0), Faint: rgb(0xd0d0d0),
		Accent: rgb(0xffe000), AccentText: rgb(0x000000), Focus: rgb(0x00e5ff),
		Good: rgb(0x3dff8c), Bad: rgb(0xff5a5a), Warn: rgb(0xffe000), Neutral: rgb(0xffffff),
		Icon:   rgb(0xffffff),
		Series: []color.RGBA{rgb(0x00e5ff), rgb(0xffe000), rgb(0x3dff8c), rgb(0xff7ad9), rgb(0xff5a5a), rgb(0xc8b8ff), rgb(0xffffff)},
	}
}

// fonts holds the parsed Go fonts; faces at sizes are made from them.
//
// Faces are x/image opentype faces wrapped by text.NewGoXFace rather than
// text.GoTextFace: the Go fonts need no complex shaping, and GoTextFace's
// HarfBuzz port adds 0.7 MB gzipped to the browser build.
type fonts struct {
	regular, medium, bold, mono *opentype.Font
	// faces keeps every face made, by font and size: a GoXFace caches its
	// rasterised glyphs, so a window resized back and forth, or a style
	// rebuilt for new settings, reuses them.
	faces map[faceKey]text.Face
}

type faceKey struct {
	font *opentype.Font
	size float64
}

// face returns the face of a font at a size, made once.
func (f *fonts) face(src *opentype.Font, size float64) text.Face {
	k := faceKey{src, size}
	if fc, ok := f.faces[k]; ok {
		return fc
	}
	xf, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Only a size the rasteriser refuses can fail; fall back to a
		// readable size rather than stop the game.
		xf, _ = opentype.NewFace(src, &opentype.FaceOptions{Size: 16, DPI: 72})
	}
	fc := text.NewGoXFace(xf)
	if f.faces == nil {
		f.faces = map[faceKey]text.Face{}
	}
	f.faces[k] = fc
	return fc
}

func loadFonts() (*fonts, error) {
	var f fonts
	// The fonts come from the assets package: embedded on the desktop,
	// fetched beside the wasm by the page in the browser.
	for _, x := range []struct {
		dst  **opentype.Font
		font assets.Font
	}{{&f.regular, assets.Regular}, {&f.medium, assets.Medium}, {&f.bold, assets.Bold}, {&f.mono, assets.Mono}} {
		ttf, err := assets.ReadFile(x.font.Path())
		if err != nil {
			return nil, fmt.Errorf("ui: load font %s: %w", x.font, err)
		}
		src, err := opentype.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("ui: load font %s: %w", x.font, err)
		}
		*x.dst = src
	}
	return &f, nil
}

// TextSize is the player's text size setting.
type TextSize int

// Text sizes.
const (
	TextSmall TextSize = iota
	TextNormal
	TextLarge
	TextLargest
)

var textSizeNames = []string{"Small", "Normal", "Large", "Largest"}

// String names the size for the settings screen.
func (t TextSize) String() string {
	if t < 0 || int(t) >= len(textSizeNames) {
		return "Normal"
	}
	return textSizeNames[t]
}

func (t TextSize) factor() float64 {
	switch t {
	case TextSmall:
		return 0.9
	case TextLarge:
		return 1.15
	case TextLargest:
		return 1.3
	}
	return 1
}

// style is everything drawing needs at one scale: palette, faces and the
// size of a design unit in device pixels.
type style struct {
	// u is the size of one design unit in device pixels. Layouts are
	// designed for at least minDesignW x minDesignH units.
	u   float64
	pal Palette
	// Faces, from largest to smallest.
	display, title, heading, bodyBold, body, label, small, tiny, mono, monoSmall text.Face
}

// The smallest window, in design units, every layout is built to fit.
const (
	minDesignW = 780
	minDesignH = 560
)

// unitFor returns the size of a design unit for a window of w x h device
// pixels: the device scale times the text size, grown a little in big
// windows, and shrunk when the window is too small for the layouts (so
// nothing clips: the text shrinks rather than overflowing).
func unitFor(w, h, deviceScale float64, size TextSize) float64 {
	if deviceScale <= 0 {
		deviceScale = 1
	}
	lw, lh := w/deviceScale, h/deviceScale
	grow := math.Min(math.Max(math.Min(lw/1280, lh/720), 1), 1.6)
	u := size.factor() * grow
	u = math.Min(u, math.Min(lw/minDesignW, lh/minDesignH))
	return math.Max(u, 0.6) * deviceScale
}

func newStyle(f *fonts, u float64, pal Palette) *style {
	face := func(src *opentype.Font, px float64) text.Face {
		return f.face(src, math.Round(px*u*2)/2)
	}
	return &style{
		u: u, pal: pal,
		display:   face(f.bold, 44),
		title:     face(f.bold, 26),
		heading:   face(f.bold, 20),
		bodyBold:  face(f.medium, 17),
		body:      face(f.regular, 17),
		label:     face(f.medium, 15),
		small:     face(f.regular, 14),
		tiny:      face(f.regular, 12),
		mono:      face(f.mono, 16),
		monoSmall: face(f.mono, 13),
	}
}

// lineH is the height of one line of a face.
func lineH(f text.Face) float64 {
	m := f.Metrics()
	return math.Ceil(m.HAscent + m.HDescent + m.HLineGap*0.5)
}

// d converts design units to device pixels.
func (s *style) d(units float64) float64 { return units * s.u }
