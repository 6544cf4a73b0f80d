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

// categoryColour colours an ending category, the same on every screen
// (the ending's badge, the bars of the compare screen and the what-if).
func categoryColour(pal kit.Palette, c scenario.Category) color.RGBA {
	for i, cat := range scenario.Categories {
		if cat == c && i < len(pal.Category) {
			return pal.Category[i]
		}
	}
	return pal.Category[len(pal.Category)-1]
}
