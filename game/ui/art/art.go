// Package art gives the game's pictures to the screens: the scene of a
// path or phase, the portrait of whoever speaks on a card, the icon of an
// ending's category. Pictures come from the assets package, decoded into
// images the first time they are asked for; a picture that is missing or
// broken is simply not drawn (the game never stops for art), and Problems
// says which.
package art

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/assets"
)

// Library holds the decoded pictures. The zero value is not usable; make
// one with New. A nil *Library draws nothing.
type Library struct {
	images   map[string]*ebiten.Image
	problems map[string]string
}

// New makes an empty library.
func New() *Library {
	return &Library{images: map[string]*ebiten.Image{}, problems: map[string]string{}}
}

// Image returns the picture at an asset path, or nil when it cannot be had.
func (l *Library) Image(path string) *ebiten.Image {
	if l == nil || path == "" {
		return nil
	}
	if img, ok := l.images[path]; ok {
		return img
	}
	img, err := load(path)
	if err != nil {
		l.problems[path] = err.Error()
	}
	l.images[path] = img // nil too: asked once
	return img
}

func load(path string) (*ebiten.Image, error) {
	data, err := assets.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("art: %s: %w", path, err)
	}
	return ebiten.NewImageFromImageWithOptions(src, &ebiten.NewImageFromImageOptions{PreserveBounds: false}), nil
}

// Problems lists the pictures that could not be loaded, as "path: why".
func (l *Library) Problems() []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, p := range l.problems {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Scene returns a scene's illustration (assets.Scenes), or nil.
func (l *Library) Scene(key string) *ebiten.Image {
	if !slices.Contains(assets.Scenes(), key) {
		return nil
	}
	return l.Image(assets.ScenePath(key))
}

// Portrait returns a person's portrait (assets.Portraits), or nil.
func (l *Library) Portrait(key string) *ebiten.Image {
	if !slices.Contains(assets.Portraits(), key) {
		return nil
	}
	return l.Image(assets.PortraitPath(key))
}

// EndingIcon returns an ending category's icon, or nil.
func (l *Library) EndingIcon(category string) *ebiten.Image {
	if !slices.Contains(assets.EndingCategories(), category) {
		return nil
	}
	return l.Image(assets.EndingIconPath(category))
}

// Fit says how a picture fills a box.
type Fit int

const (
	// Contain shows all of the picture, centred, letterboxed.
	Contain Fit = iota
	// Cover fills the box, cropping the picture's overflow evenly (the
	// crop is the part of the source drawn, not a clip of the target).
	Cover
)

// Draw draws img into the box (x, y, w, h) of dst at opacity alpha (0-1),
// smoothly scaled. A nil image draws nothing.
func Draw(dst, img *ebiten.Image, x, y, w, h, alpha float64, fit Fit) {
	if img == nil || w <= 0 || h <= 0 || alpha <= 0 {
		return
	}
	b := img.Bounds()
	iw, ih := float64(b.Dx()), float64(b.Dy())
	src := img
	scale := min(w/iw, h/ih)
	if fit == Cover {
		scale = max(w/iw, h/ih)
		cw, ch := w/scale, h/scale // the part of the source that shows
		x0 := b.Min.X + int((iw-cw)/2)
		y0 := b.Min.Y + int((ih-ch)/2)
		src = img.SubImage(image.Rect(x0, y0, x0+int(cw+0.5), y0+int(ch+0.5))).(*ebiten.Image)
		iw, ih = cw, ch
	}
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(scale, scale)
	op.GeoM.Translate(x+(w-iw*scale)/2, y+(h-ih*scale)/2)
	op.ColorScale.ScaleAlpha(float32(alpha))
	dst.DrawImage(src, op)
}
