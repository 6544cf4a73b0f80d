package kit

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
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
	// Category colours the five ending categories, best first (thrived,
	// good, survived, struggled, failed), on every screen: blue for doing
	// well, grey for getting by, amber to vermilion for doing badly. Blue
	// against orange, each step a different lightness, keeps them apart
	// with the common colour-vision deficiencies, where green against red
	// would not.
	Category [5]color.RGBA
}

// RGB makes an opaque colour from 0xRRGGBB.
func RGB(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// Alpha returns c at opacity a (0-1), premultiplied as color.RGBA requires.
func Alpha(c color.RGBA, a float64) color.RGBA {
	a = Clamp01(a)
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

// Mix blends two opaque colours.
func Mix(a, b color.RGBA, t float64) color.RGBA {
	t = Clamp01(t)
	m := func(x, y uint8) uint8 { return uint8(math.Round(Lerp(float64(x), float64(y), t))) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}

// DuskPalette is the default look: a deep slate night with warm accents,
// the colours of a runway at dusk.
func DuskPalette() Palette {
	return Palette{
		Bg: RGB(0x0f1921), Panel: RGB(0x172532), Raised: RGB(0x1f3242), Sunken: RGB(0x122029), Border: RGB(0x2d4558),
		Text: RGB(0xe9eef2), Muted: RGB(0x9fb2c1), Faint: RGB(0x6a8092),
		Accent: RGB(0xf2b544), AccentText: RGB(0x1b1405), Focus: RGB(0x7fd4ff),
		Good: RGB(0x62d08f), Bad: RGB(0xf0715f), Warn: RGB(0xf2b544), Neutral: RGB(0xa9bccb),
		Icon:     RGB(0xc4d6e4),
		Series:   []color.RGBA{RGB(0x7fd4ff), RGB(0xf2b544), RGB(0x62d08f), RGB(0xe58bd0), RGB(0xf0715f), RGB(0xb3a2ff), RGB(0x7fe0d0)},
		Category: [5]color.RGBA{RGB(0x4f9cf0), RGB(0x9fcdf5), RGB(0xa9bccb), RGB(0xf2b544), RGB(0xe0622a)},
	}
}

// ContrastPalette is the high-contrast look: black, white and saturated
// signal colours, borders everywhere.
func ContrastPalette() Palette {
	return Palette{
		Bg: RGB(0x000000), Panel: RGB(0x000000), Raised: RGB(0x1a1a1a), Sunken: RGB(0x000000), Border: RGB(0xffffff),
		Text: RGB(0xffffff), Muted: RGB(0xf0f0f0), Faint: RGB(0xd0d0d0),
		Accent: RGB(0xffe000), AccentText: RGB(0x000000), Focus: RGB(0x00e5ff),
		Good: RGB(0x3dff8c), Bad: RGB(0xff5a5a), Warn: RGB(0xffe000), Neutral: RGB(0xffffff),
		Icon:     RGB(0xffffff),
		Series:   []color.RGBA{RGB(0x00e5ff), RGB(0xffe000), RGB(0x3dff8c), RGB(0xff7ad9), RGB(0xff5a5a), RGB(0xc8b8ff), RGB(0xffffff)},
		Category: [5]color.RGBA{RGB(0x3aa0ff), RGB(0xaadcff), RGB(0xd0d0d0), RGB(0xffe000), RGB(0xff6a1a)},
	}
}

// Fonts holds the parsed Go fonts; faces at sizes are made from them.
//
// Faces are x/image opentype faces wrapped by text.NewGoXFace rather than
// text.GoTextFace: the Go fonts need no complex shaping, and GoTextFace's
// HarfBuzz port adds 0.7 MB gzipped to the browser build.
type Fonts struct {
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
func (f *Fonts) face(src *opentype.Font, size float64) text.Face {
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

// FontFiles are the TrueType files of the four faces the kit draws with.
// The game reads them (from its assets) and hands them over, so the kit
// reads no file of its own.
type FontFiles struct {
	Regular, Medium, Bold, Mono []byte
}

// ParseFonts parses the fonts the game draws with.
func ParseFonts(ff FontFiles) (*Fonts, error) {
	var f Fonts
	for _, x := range []struct {
		dst  **opentype.Font
		name string
		ttf  []byte
	}{{&f.regular, "regular", ff.Regular}, {&f.medium, "medium", ff.Medium}, {&f.bold, "bold", ff.Bold}, {&f.mono, "mono", ff.Mono}} {
		src, err := opentype.Parse(x.ttf)
		if err != nil {
			return nil, fmt.Errorf("kit: parse the %s font: %w", x.name, err)
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

// TextSizeNames names every text size, smallest first.
func TextSizeNames() []string { return append([]string(nil), textSizeNames...) }

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

// Style is everything drawing needs at one scale: palette, faces and the
// size of a design unit in device pixels.
type Style struct {
	// U is the size of one design unit in device pixels. Layouts are
	// designed for at least MinDesignW x MinDesignH units.
	U   float64
	Pal Palette
	// HighContrast is set with the high-contrast palette: widgets outline
	// more of their shapes.
	HighContrast bool
	// Faces, from largest to smallest.
	Display, Title, Heading, BodyBold, Body, Label, Small, Tiny, Mono, MonoSmall text.Face
}

// The smallest window, in design units, every layout is built to fit.
const (
	MinDesignW = 780
	MinDesignH = 560
)

// UnitFor returns the size of a design unit for a window of w x h device
// pixels: the device scale times the text size, grown a little in big
// windows, and shrunk when the window is too small for the layouts (so
// nothing clips: the text shrinks rather than overflowing).
func UnitFor(w, h, deviceScale float64, size TextSize) float64 {
	if deviceScale <= 0 {
		deviceScale = 1
	}
	lw, lh := w/deviceScale, h/deviceScale
	grow := math.Min(math.Max(math.Min(lw/1280, lh/720), 1), 1.6)
	u := size.factor() * grow
	u = math.Min(u, math.Min(lw/MinDesignW, lh/MinDesignH))
	return math.Max(u, 0.6) * deviceScale
}

// NewStyle makes the style of unit u (device pixels per design unit).
func NewStyle(f *Fonts, u float64, pal Palette, highContrast bool) *Style {
	face := func(src *opentype.Font, px float64) text.Face {
		return f.face(src, math.Round(px*u*2)/2)
	}
	return &Style{
		U: u, Pal: pal, HighContrast: highContrast,
		Display:   face(f.bold, 44),
		Title:     face(f.bold, 26),
		Heading:   face(f.bold, 20),
		BodyBold:  face(f.medium, 17),
		Body:      face(f.regular, 17),
		Label:     face(f.medium, 15),
		Small:     face(f.regular, 14),
		Tiny:      face(f.regular, 12),
		Mono:      face(f.mono, 16),
		MonoSmall: face(f.mono, 13),
	}
}

// LineH is the height of one line of a face.
func LineH(f text.Face) float64 {
	m := f.Metrics()
	return math.Ceil(m.HAscent + m.HDescent + m.HLineGap*0.5)
}

// D converts design units to device pixels.
func (s *Style) D(units float64) float64 { return units * s.U }
