package ui

import (
	"image/color"

	"runwayladder/game/scenario"
	"runwayladder/game/ui/kit"
)

// trackColour gives each track one colour on every screen that compares
// paths: startup amber, corporate violet, academia pink, others teal.
func trackColour(pal kit.Palette, track string) color.RGBA {
	s := pal.Series
	switch track {
	case "startup":
		return s[1%len(s)]
	case "corporate":
		return s[5%len(s)]
	case "academia":
		return s[3%len(s)]
	}
	return s[6%len(s)]
}

// categoryFill colours an ending category in stacked bars, best to worst.
func categoryFill(pal kit.Palette, c string) color.RGBA {
	switch scenario.Category(c) {
	case scenario.Thrived:
		return pal.Good
	case scenario.Good:
		return kit.Mix(pal.Good, pal.Focus, 0.55)
	case scenario.Survived:
		return pal.Neutral
	case scenario.Struggled:
		return pal.Warn
	}
	return pal.Bad
}
