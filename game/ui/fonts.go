package ui

import (
	"fmt"

	"runwayladder/assets"
	"runwayladder/game/ui/kit"
)

// loadFonts reads the four fonts from the assets (embedded on the desktop,
// fetched beside the wasm by the page in the browser) for the kit.
func loadFonts() (*kit.Fonts, error) {
	var ff kit.FontFiles
	for _, x := range []struct {
		dst  *[]byte
		font assets.Font
	}{{&ff.Regular, assets.Regular}, {&ff.Medium, assets.Medium}, {&ff.Bold, assets.Bold}, {&ff.Mono, assets.Mono}} {
		ttf, err := assets.ReadFile(x.font.Path())
		if err != nil {
			return nil, fmt.Errorf("ui: load font %s: %w", x.font, err)
		}
		*x.dst = ttf
	}
	return kit.ParseFonts(ff)
}
